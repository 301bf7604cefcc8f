package io.longnam.document;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class LinkDtos {

    private LinkDtos() {
    }

    @Schema(example = """
            {"expiresAt": "2026-12-31T17:00:00Z", "maxDownloads": 3}""")
    public record CreateLink(Instant expiresAt, @Min(1) @Max(100000) Integer maxDownloads) {
    }

    /** {@code url} and {@code token} are present only in the answer to create. */
    @Schema(example = """
            {"id": "0b7f7a52-3c1e-4d0a-9a51-2f3c1d9e8b10", "documentId": "5e0c2a8e-7d4b-4f61-a9d2-6c1b3e8f0a27",
             "url": "https://longnam.example/d/Xq3v9Lr2mT8kPz4wYb6nHc1sJd5fGa7eRt0uVi2oNl",
             "token": "Xq3v9Lr2mT8kPz4wYb6nHc1sJd5fGa7eRt0uVi2oNl", "expiresAt": "2026-12-31T17:00:00Z", "maxDownloads": 3,
             "downloadCount": 0, "createdAt": "2026-11-29T03:00:00Z"}""")
    public record LinkView(UUID id, UUID documentId, String url, String token, Instant expiresAt, Integer maxDownloads,
                           int downloadCount, Instant revokedAt, Instant createdAt) {

        static LinkView of(DownloadLink l, String url, String token) {
            return new LinkView(l.id, l.documentId, url, token, l.expiresAt, l.maxDownloads, l.downloadCount,
                    l.revokedAt, l.createdAt);
        }
    }
}
