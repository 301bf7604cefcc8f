package io.longnam.signing;

import java.time.Instant;
import java.util.List;

/**
 * One signature as DSS judged it.
 *
 * @param signer              subject DN of the signing certificate
 * @param chain               subject DNs, leaf → root
 * @param signingTime         the time the signer claims (the time-stamp gives the proven one)
 * @param level               the PAdES level DSS determined, e.g. "PAdES-BASELINE-LT"
 * @param indication          TOTAL_PASSED, INDETERMINATE or TOTAL_FAILED
 * @param subIndication       why it is not TOTAL_PASSED, or null
 * @param timestamp           the signature time-stamp, or null for B-B
 * @param intact              the signed bytes still hash to the signed digest and the signature value verifies
 * @param trusted             the chain reaches one of the trust anchors
 * @param coversWholeDocument false when the document was changed after signing in a way that is not allowed
 *                            (later signatures, time-stamps and validation data are allowed)
 */
public record SignatureReport(String id, String signer, List<String> chain, Instant signingTime, String level,
                              String indication, String subIndication, TimestampReport timestamp, boolean intact,
                              boolean trusted, boolean coversWholeDocument) {
}
