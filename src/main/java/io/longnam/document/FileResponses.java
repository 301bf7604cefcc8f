package io.longnam.document;

import io.longnam.document.DocumentDtos.FileContent;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Shared shape of file downloads: strong ETag from the SHA-256, RFC 6266 filename (Thai names survive). */
public final class FileResponses {

    private FileResponses() {
    }

    public static Response of(FileContent file, String ifNoneMatch) {
        String etag = "\"" + file.sha256() + "\"";
        if (etag.equals(ifNoneMatch)) {
            return Response.notModified().header("ETag", etag).build();
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
}
