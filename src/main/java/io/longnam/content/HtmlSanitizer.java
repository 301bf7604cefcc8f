package io.longnam.content;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Page bodies keep structure and formatting (headings, lists, tables, links, images over https) and lose everything
 * that runs: script and style elements, event-handler attributes, {@code javascript:} and {@code data:} URLs, forms,
 * frames. An allow-list cleaner, so markup nobody thought of is dropped rather than passed through.
 */
public final class HtmlSanitizer {

    private static final Safelist SAFE = Safelist.relaxed()
            .removeProtocols("img", "src", "http")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer")
            .addProtocols("a", "href", "tel");

    private HtmlSanitizer() {
    }

    public static String clean(String html) {
        Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(html == null ? "" : html, "", SAFE, output);
    }
}
