package io.longnam.content;

import io.longnam.common.ProblemException;
import io.longnam.content.ContentDtos.PublicPage;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.format.DateTimeFormatter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Published content pages, for anyone: JSON for apps, HTML for people. */
@Path("/")
@Tag(name = "Content pages")
@PermitAll
public class PublicPageResource {

    /** Bodies are sanitised already; the policy is the second wall: nothing runs, nothing loads but https images. */
    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src https:; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'none'";

    @Inject
    ContentService service;
    @Location("content-page.html")
    Template html;

    /** What the HTML template shows. */
    public record Rendered(String lang, String title, String body, String otherLang, String otherLangName, String updated) {
    }

    @GET
    @Path("api/v1/pages/{slug}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getPublishedPage", summary = "A published content page (no login)",
            description = "Drafts and unpublished pages answer 404.")
    public PublicPage page(@PathParam("slug") String slug,
                           @Parameter(description = "th (default) or en") @QueryParam("lang") String lang) {
        return service.published(slug, thai(lang));
    }

    @GET
    @Path("pages/{slug}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "viewPublishedPage", summary = "A published content page as HTML (no login)")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "The page",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = MediaType.TEXT_HTML,
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(
                            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    public Response view(@PathParam("slug") String slug, @QueryParam("lang") String lang) {
        PublicPage p = service.published(slug, thai(lang));
        boolean th = "th".equals(p.lang());
        String updated = (th ? "ปรับปรุงล่าสุด " : "Last updated ")
                + DateTimeFormatter.ISO_LOCAL_DATE.format(p.publishedAt().atZone(java.time.ZoneId.of("Asia/Bangkok")));
        Rendered r = new Rendered(p.lang(), p.title(), p.body(), th ? "en" : "th", th ? "English" : "ภาษาไทย", updated);
        return Response.ok(html.data("p", r).render(), "text/html; charset=UTF-8")
                .header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer").build();
    }

    /** Thai is the default: the pages are for Thai schools first. */
    private static boolean thai(String lang) {
        if (lang == null || lang.isBlank() || lang.strip().equalsIgnoreCase("th")) {
            return true;
        }
        if (lang.strip().equalsIgnoreCase("en")) {
            return false;
        }
        throw ProblemException.invalid("lang", "lang must be th or en");
    }
}
