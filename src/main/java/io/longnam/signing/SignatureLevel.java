package io.longnam.signing;

/** PAdES baseline levels a seal can be made at. */
public enum SignatureLevel {
    /** Signature only; its time is the signer's claim. */
    B_B(eu.europa.esig.dss.enumerations.SignatureLevel.PAdES_BASELINE_B),
    /** Plus a TSA time-stamp proving the signature existed at that time. */
    B_T(eu.europa.esig.dss.enumerations.SignatureLevel.PAdES_BASELINE_T),
    /** Plus the certificates and revocation data needed to validate it later (DSS dictionary). */
    B_LT(eu.europa.esig.dss.enumerations.SignatureLevel.PAdES_BASELINE_LT),
    /** Plus a document time-stamp over all of that, so it can be re-time-stamped before algorithms age. */
    B_LTA(eu.europa.esig.dss.enumerations.SignatureLevel.PAdES_BASELINE_LTA);

    private final eu.europa.esig.dss.enumerations.SignatureLevel dss;

    SignatureLevel(eu.europa.esig.dss.enumerations.SignatureLevel dss) {
        this.dss = dss;
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

    /** A level as clients write it, {@code B-T} or {@code B_T} in any case; null stays null (the settings decide). */
    public static SignatureLevel parse(String name) {
        return name == null ? null : valueOf(name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
}
