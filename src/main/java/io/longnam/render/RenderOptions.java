package io.longnam.render;

/**
 * Per-render settings. {@code embedSource}, when given, is attached to the PDF/A-3 as an associated file
 * (the e-transcript XML, or the JSON the document was made from).
 */
public record RenderOptions(Source embedSource, String title, String author, String qrUrl) {

    /** A file to carry inside the PDF; {@code relationship} says how it relates to the document. */
    public record Source(byte[] data, String filename, String mimeType, PdfA3.Relationship relationship) {
        public Source(byte[] data, String filename, String mimeType) {
            this(data, filename, mimeType, PdfA3.Relationship.Source);
        }
    }

    public static RenderOptions defaults() {
        return new RenderOptions(null, null, null, null);
    }

    public RenderOptions withEmbedSource(Source source) {
        return new RenderOptions(source, title, author, qrUrl);
    }
}
