package io.longnam.signing;

import java.time.LocalDate;

/**
 * The visible part of an approval signature and the fields that name its signer. The box is in PDF points
 * (1/72 inch) from the bottom-left corner of page {@code page} (from 1), as workflow placements are given. Drawn in
 * it: {@code signaturePng} (a transparent PNG, scaled to fit above the text, aspect kept), then the signer's name in
 * parentheses, {@code position} and {@code date} in Thai. {@code signerName} also becomes the signature's /Name,
 * {@code reason} its /Reason (e.g. "อนุมัติ ขั้นที่ 2 — ผู้อำนวยการ"), {@code location} its /Location.
 */
public record ApprovalMark(int page, float x, float y, float width, float height, byte[] signaturePng,
                           String signerName, String position, LocalDate date, String reason, String location) {
    public ApprovalMark {
        if (page < 1 || x < 0 || y < 0 || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("an approval mark needs page >= 1, a non-negative origin and a positive size");
        }
        if (signaturePng == null || signaturePng.length == 0) {
            throw new IllegalArgumentException("an approval mark needs the signature image");
        }
        if (signerName == null || signerName.isBlank()) {
            throw new IllegalArgumentException("an approval mark needs the signer's name");
        }
        if (date == null) {
            throw new IllegalArgumentException("an approval mark needs the signing date");
        }
    }
}
