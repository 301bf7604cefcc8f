package io.longnam.render;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Inspects an Office (OOXML) package before POI opens it: it must be a zip, hold the part that makes it a
 * docx/xlsx, and stay under caps on entries and on bytes actually inflated (declared sizes can lie).
 */
final class ZipGuard {

    static final int MAX_ENTRIES = 2_000;
    static final long MAX_EXPANDED_BYTES = 100L * 1024 * 1024;

    private ZipGuard() {
    }

    static void check(byte[] bytes, String requiredEntry, RenderInputException.Code code, String kind) {
        if (bytes == null || bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K') {
            throw new RenderInputException(code, kind + " is not a zip package");
        }
        Set<String> names = new HashSet<>();
        long expanded = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (names.size() >= MAX_ENTRIES) {
                    throw new RenderInputException(code, kind + " has more than " + MAX_ENTRIES + " entries");
                }
                names.add(entry.getName());
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    expanded += n;
                    if (expanded > MAX_EXPANDED_BYTES) {
                        throw new RenderInputException(code, kind + " expands to more than "
                                + MAX_EXPANDED_BYTES / (1024 * 1024) + " MB (zip bomb?)");
                    }
                }
            }
        } catch (IOException e) {
            throw new RenderInputException(code, kind + " is not a readable zip package", e);
        }
        if (!names.contains(requiredEntry)) {
            throw new RenderInputException(code, kind + " lacks " + requiredEntry);
        }
    }
}
