package io.longnam.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Multipart uploads: the bytes of a required {@code file} part, and the filename a client gave it. */
public final class Uploads {

    private Uploads() {
    }

    /**
     * The filename we keep: its last path segment without control characters (CR/LF would split the
     * Content-Disposition header it goes back out in; PostgreSQL cannot store NUL) nor bidi controls
     * ({@link UserText}); {@code fallback} when nothing usable is left.
     */
    public static String filename(String name, String fallback) {
        if (name == null) {
            return fallback;
        }
        String base = name.replace('\\', '/');
        base = UserText.stripBidi(base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "")).strip();
        if (base.isEmpty() || base.equals(".") || base.equals("..")) {
            return fallback;
        }
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }

    /**
     * A required {@code file} part's bytes, refused with 400 when missing and 413 when too large. {@code what}
     * completes "a multipart part named 'file' … is required", e.g. {@code "(the docx)"}; may be empty.
     */
    public static byte[] required(FileUpload file, String what, long maxBytes) {
        if (file == null) {
            throw ProblemException.invalid("file", "a multipart part named 'file'" + (what.isEmpty() ? "" : " " + what)
                    + " is required");
        }
        if (file.size() > maxBytes) {
            throw ProblemException.tooLarge(maxBytes);
        }
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
