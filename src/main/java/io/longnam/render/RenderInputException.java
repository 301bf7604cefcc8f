package io.longnam.render;

import java.util.List;

/**
 * The single exception family for input the caller can fix, so the REST layer maps all of it to 4xx
 * with a machine-readable {@link Code} and per-field details.
 */
public class RenderInputException extends RuntimeException {

    public enum Code {
        UNKNOWN_TEMPLATE,
        INVALID_FIELDS,
        MALFORMED_DOCX,
        MALFORMED_JSON,
        MALFORMED_XML,
        XML_DTD_FORBIDDEN,
        INVALID_IMAGE,
        IMAGE_TOO_LARGE,
        MALFORMED_TABLE,
        TABLE_TOO_LARGE,
        FORMULA_INJECTION,
        MALFORMED_PDF,
        PDFA_NOT_REACHABLE,
        ATTACHMENT_NOT_FOUND,
        EMPTY_DOCUMENT
    }

    private final Code code;
    private final List<FieldError> fieldErrors;

    public RenderInputException(Code code, String message) {
        this(code, message, List.of(), null);
    }

    public RenderInputException(Code code, String message, Throwable cause) {
        this(code, message, List.of(), cause);
    }

    public RenderInputException(Code code, String message, List<FieldError> fieldErrors) {
        this(code, message, fieldErrors, null);
    }

    public RenderInputException(Code code, String message, List<FieldError> fieldErrors, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public Code code() {
        return code;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
