package io.longnam.signing;

import java.util.List;

/**
 * {@code valid} only when the document has at least one signature and every signature is TOTAL_PASSED and
 * covers the whole document (no disallowed change after it).
 */
public record VerificationReport(boolean valid, List<SignatureReport> signatures) {
}
