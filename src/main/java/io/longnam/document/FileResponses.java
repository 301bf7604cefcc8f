package io.longnam.document;

import io.longnam.document.DocumentDtos.FileContent;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Shared shape of file downloads: strong ETag from the SHA-256, RFC 6266 filename (Thai names survive). */
public final class FileResponses {

    private FileResponses() {
    }

    /** 304 when the client already holds these bytes (see {@link #unchanged}), else the file. */
    public static Response of(FileContent file, String ifNoneMatch) {
        String etag = etag(file);
        if (unchanged(file, ifNoneMatch)) {
            return Response.notModified().header("ETag", etag).header("Cache-Control", "private, no-store").build();
        }
        String ascii = file.filename().replaceAll("[^\\x20-\\x7E]", "_").replace("\"", "");
        String encoded = URLEncoder.encode(file.filename(), StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(file.data(), file.contentType())
                .header("ETag", etag)
                .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store")
                .build();
    }

    /**
     * If-None-Match as RFC 9110 §13.1.2 reads it: {@code *}, or a comma-separated list of entity tags compared
     * weakly, so a cache that turned ours into {@code W/"…"} still gets its 304.
     */
    public static boolean unchanged(FileContent file, String ifNoneMatch) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String etag = etag(file);
        return Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
    }

    private static String etag(FileContent file) {
        return "\"" + file.sha256() + "\"";
    }
}
