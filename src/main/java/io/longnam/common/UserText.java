package io.longnam.common;

import java.util.regex.Pattern;

/**
 * The one policy for text a client sends. NUL (U+0000) is refused: PostgreSQL cannot store it in text columns.
 * Bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) are stripped rather than refused: they only
 * change how text is displayed, so "invoice\u202Efdp.exe" would read as "invoiceexe.pdf" in a listing; without them
 * the text means what it shows. Thai, including its combining marks, is ordinary text and passes untouched.
 */
public final class UserText {

    private static final Pattern BIDI_CONTROLS = Pattern.compile("[\u202A-\u202E\u2066-\u2069]");

    private UserText() {
    }

    public static boolean hasNul(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }

    public static String nulMessage(String field) {
        return field + " must not contain the NUL character (U+0000)";
    }

    /** {@code text} without bidi controls; refused with a 400 naming {@code field} when it holds NUL. */
    public static String clean(String field, String text) {
        if (hasNul(text)) {
            throw ProblemException.invalid(field, nulMessage(field));
        }
        return stripBidi(text);
    }

    static String stripBidi(String text) {
        return text == null ? null : BIDI_CONTROLS.matcher(text).replaceAll("");
    }
}
