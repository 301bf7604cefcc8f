package io.longnam.signing;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One signature as DSS judged it.
 *
 * @param signer              subject DN of the signing certificate
 * @param chain               subject DNs, leaf → root
 * @param signingTime         the time the signer claims (the time-stamp gives the proven one)
 * @param level               the baseline level DSS determined; null for a signature that is not an ETSI baseline one
 * @param indication          TOTAL_PASSED, INDETERMINATE or TOTAL_FAILED
 * @param subIndication       why it is not TOTAL_PASSED, or null
 * @param timestamp           the signature time-stamp, or null for B-B
 * @param intact              the signed bytes still hash to the signed digest and the signature value verifies
 * @param trusted             the chain reaches one of the trust anchors
 * @param coversWholeDocument false when the document was changed after signing in a way that is not allowed
 *                            (later signatures, time-stamps and validation data are allowed)
 */
public record SignatureReport(String id, String signer, List<String> chain, Instant signingTime,
                              @Schema(description = "The baseline level the signature meets; null when it is not an ETSI "
                                      + "baseline signature (e.g. plain PKCS#7)") SignatureLevel level,
                              SignatureIndication indication, String subIndication, TimestampReport timestamp, boolean intact,
                              boolean trusted, boolean coversWholeDocument) {
}
