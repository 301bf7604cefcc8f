package io.longnam.signing;

import eu.europa.esig.dss.enumerations.Indication;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The ETSI EN 319 102-1 verdict on one signature, as DSS's simple report gives it. */
@Schema(name = "Indication", description = "ETSI EN 319 102-1 verdict: TOTAL_PASSED (valid), TOTAL_FAILED (invalid), "
        + "INDETERMINATE (could not be decided, e.g. unknown or unreachable revocation status; see subIndication)")
public enum SignatureIndication {
    TOTAL_PASSED, TOTAL_FAILED, INDETERMINATE;

    /** DSS uses PASSED/FAILED for building blocks and NO_SIGNATURE_FOUND for containers; a signature gets the TOTAL_ ones. */
    static SignatureIndication of(Indication indication) {
        return switch (indication) {
            case TOTAL_PASSED, PASSED -> TOTAL_PASSED;
            case TOTAL_FAILED, FAILED -> TOTAL_FAILED;
            default -> INDETERMINATE;
        };
    }
}
