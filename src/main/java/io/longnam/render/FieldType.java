package io.longnam.render;

/** Kinds of template input; what each accepts is decided by {@link FieldValidator}. */
public enum FieldType {
    /** A string (numbers are accepted and printed as given). */
    TEXT,
    /** An ISO date {@code yyyy-MM-dd} in the Gregorian calendar; printed in Buddhist era. */
    DATE,
    /** A JSON number or a decimal string. */
    NUMBER,
    /** JPEG, PNG or GIF: raw bytes, or base64 text in JSON/XML. */
    IMAGE,
    /** Text (usually a verification URL) printed as a QR code. */
    QR,
    /** Repeated items, each a map validated against the field's item fields. */
    LIST
}
