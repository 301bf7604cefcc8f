package io.longnam.common;

/**
 * Input patterns shared by the DTOs and published in the contract. Anchored and free of Java-only syntax so that
 * clients generated from the spec (ECMA-262 regular expressions) accept exactly what the server accepts; letters
 * always come with their marks ({@code \p{M}}), since Thai vowels and tone marks are combining marks.
 */
public final class Patterns {

    /** A document or job label, e.g. {@code ปีการศึกษา2569}. */
    public static final String LABEL = "^[\\p{L}\\p{M}\\p{N}._:-]{1,64}$";
    public static final String LABEL_MESSAGE = "labels are 1-64 letters, digits, '.', '_', ':' or '-'";

    /** A seal key's alias, e.g. {@code ตราโรงเรียน}. */
    public static final String ALIAS = "^[\\p{L}\\p{M}\\p{N} ._-]+$";
    public static final String ALIAS_MESSAGE = "letters, digits, space, '.', '_' or '-'";

    private Patterns() {
    }
}
