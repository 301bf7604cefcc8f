package io.longnam.document;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.UUID;

public final class LinkDtos {

    private LinkDtos() {
    }

    public record CreateLink(Instant expiresAt, @Min(1) @Max(100000) Integer maxDownloads) {
    }

    /** {@code url} and {@code token} are present only in the answer to create. */
    public record LinkView(UUID id, UUID documentId, String url, String token, Instant expiresAt, Integer maxDownloads,
                           int downloadCount, Instant revokedAt, Instant createdAt) {

        static LinkView of(DownloadLink l, String url, String token) {
            return new LinkView(l.id, l.documentId, url, token, l.expiresAt, l.maxDownloads, l.downloadCount,
                    l.revokedAt, l.createdAt);
        }
    }
}
