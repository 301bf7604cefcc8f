package io.longnam.signing;

import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * PAdES baseline levels a seal can be made at, spelt {@code B-B}, {@code B-T}, {@code B-LT}, {@code B-LTA} wherever
 * they cross the API (requests, settings, verification reports). Organisation settings store the constant names.
 */
@Schema(name = "SignatureLevel", description = "PAdES baseline level: B-B (signature only), B-T (plus a TSA "
        + "time-stamp), B-LT (plus validation data), B-LTA (plus a document time-stamp)")
public enum SignatureLevel {
    /** Signature only; its time is the signer's claim. */
    B_B("B-B", eu.europa.esig.dss.enumerations.SignatureLevel.PAdES_BASELINE_B),
    /** Plus a TSA time-stamp proving the signature existed at that time. */
    B_T("B-T", eu.europa.esig.dss.enumerations.SignatureLevel.PAdES_BASELINE_T),
    /** Plus the certificates and revocation data needed to validate it later (DSS dictionary). */
    B_LT("B-LT", eu.europa.esig.dss.enumerations.SignatureLevel.PAdES_BASELINE_LT),
    /** Plus a document time-stamp over all of that, so it can be re-time-stamped before algorithms age. */
    B_LTA("B-LTA", eu.europa.esig.dss.enumerations.SignatureLevel.PAdES_BASELINE_LTA);

    private final String value;
    private final eu.europa.esig.dss.enumerations.SignatureLevel dss;

    SignatureLevel(String value, eu.europa.esig.dss.enumerations.SignatureLevel dss) {
        this.value = value;
        this.dss = dss;
    }

    @JsonValue
    public String value() {
        return value;
    }

    /** As the contract spells it, so that messages name the level the client sent. */
    @Override
    public String toString() {
        return value;
    }

    public eu.europa.esig.dss.enumerations.SignatureLevel dss() {
        return dss;
    }

    public boolean needsTimestamp() {
        return this != B_B;
    }

    public boolean needsRevocationData() {
        return this == B_LT || this == B_LTA;
    }

    /**
     * The baseline level of a signature DSS validated, whatever its format (PAdES, XAdES, CAdES): DSS names them
     * {@code PAdES-BASELINE-LT} and so on. A signature that is not an ETSI baseline one (plain PKCS#7, not ETSI) has none.
     */
    public static SignatureLevel ofDss(eu.europa.esig.dss.enumerations.SignatureLevel level) {
        if (level == null) {
            return null;
        }
        String name = level.name();
        int baseline = name.indexOf("_BASELINE_");
        return baseline < 0 ? null : valueOf("B_" + name.substring(baseline + "_BASELINE_".length()));
    }
}
