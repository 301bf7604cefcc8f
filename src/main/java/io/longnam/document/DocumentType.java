package io.longnam.document;

/** PP1 = ปพ.1 transcript, PP2 = ปพ.2 certificate, LETTER = Thai official letter. */
public enum DocumentType {
    PP1, PP2, LETTER, OTHER
}
