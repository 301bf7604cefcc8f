package io.longnam.content;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class ContentDtos {

    public static final String SLUG = "^[a-z0-9]+(-[a-z0-9]+)*$";
    static final int MAX_BODY = 200_000;

    private ContentDtos() {
    }

    public record CreatePage(@NotBlank @Size(max = 100) @Pattern(regexp = SLUG, message = "lower-case words joined by '-'")
                             @Schema(examples = "terms-of-service") String slug,
                             @NotBlank @Size(max = 300) String titleTh, @NotBlank @Size(max = 300) String titleEn,
                             @Schema(description = "HTML; script, event handlers and unsafe URLs are removed")
                             @NotBlank @Size(max = MAX_BODY) String bodyTh,
                             @NotBlank @Size(max = MAX_BODY) String bodyEn) {
    }

    /** A new draft: the whole content again, as the next version. */
    public record PageDraft(@NotBlank @Size(max = 300) String titleTh, @NotBlank @Size(max = 300) String titleEn,
                            @NotBlank @Size(max = MAX_BODY) String bodyTh, @NotBlank @Size(max = MAX_BODY) String bodyEn) {
    }

    public record Publication(@Schema(description = "the version to publish; the latest when absent") Integer version) {
    }

    public record PageView(UUID id, String slug, int latestVersion, Integer publishedVersion, Instant publishedAt,
                           @Schema(description = "true when the latest version is not the published one") boolean hasDraft,
                           String titleTh, String titleEn, String bodyTh, String bodyEn, Instant createdAt,
                           Instant updatedAt) {
    }

    public record VersionView(int version, String titleTh, String titleEn, String bodyTh, String bodyEn,
                              Instant createdAt, String createdBy, boolean published) {
    }

    public record PublicPage(String slug, String lang, String title, @Schema(description = "sanitised HTML") String body,
                             int version, Instant publishedAt) {
    }
}
