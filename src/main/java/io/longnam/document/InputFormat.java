package io.longnam.document;

/** What a document was made from (TOR 2.2, 2.6.2); reports group by it. */
public enum InputFormat {
    PDF, PDF_XML, TEXT, CSV, XLSX, DOCX_JSON, DOCX_XML, TEMPLATE_JSON, TEMPLATE_XML
}
