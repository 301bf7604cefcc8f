package io.longnam.common;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The formats searches and reports answer in, and the one reading of how a client picks one: the {@code format}
 * parameter when given (the contract's lower-case names), otherwise the most preferred type of its Accept header
 * among those the endpoint offers, JSON when it prefers none of them or accepts anything.
 */
public enum AnswerFormat {
    JSON(MediaType.APPLICATION_JSON),
    CSV(CsvWriter.MEDIA_TYPE),
    XLSX(AnswerFormat.XLSX_TYPE),
    PDF(AnswerFormat.PDF_TYPE);

    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String PDF_TYPE = "application/pdf";

    private final MediaType mediaType;

    AnswerFormat(String mediaType) {
        this.mediaType = MediaType.valueOf(mediaType);
    }

    /** As the {@code format} parameter spells it. */
    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String mediaType() {
        return mediaType.toString();
    }

    /** The format asked for among {@code offered} (JSON is always offered); 400 naming them for any other value. */
    public static AnswerFormat choose(String format, HttpHeaders headers, AnswerFormat... offered) {
        List<AnswerFormat> choices = Arrays.asList(offered);
        if (format != null && !format.isBlank()) {
            String asked = format.strip();
            for (AnswerFormat f : values()) {
                if ((f == JSON || choices.contains(f)) && f.parameter().equals(asked)) {
                    return f;
                }
            }
            throw ProblemException.invalid("format", "format must be one of json, " + String.join(", ",
                    choices.stream().map(AnswerFormat::parameter).toList()));
        }
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isWildcardType() || accepted.isCompatible(JSON.mediaType)) {
                return JSON;
            }
            for (AnswerFormat f : choices) {
                if (accepted.isCompatible(f.mediaType)) {
                    return f;
                }
            }
        }
        return JSON;
    }
}
