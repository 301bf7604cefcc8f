package io.longnam.kms;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.EncryptionAlgorithm;

/** Key types a seal key may have; each fixes the one signature algorithm used with it. */
public enum KeyAlgorithm {
    RSA_2048("RSA", 2048, null, "SHA256withRSA", EncryptionAlgorithm.RSA, DigestAlgorithm.SHA256),
    RSA_3072("RSA", 3072, null, "SHA256withRSA", EncryptionAlgorithm.RSA, DigestAlgorithm.SHA256),
    EC_P256("EC", 256, "secp256r1", "SHA256withECDSA", EncryptionAlgorithm.ECDSA, DigestAlgorithm.SHA256),
    EC_P384("EC", 384, "secp384r1", "SHA384withECDSA", EncryptionAlgorithm.ECDSA, DigestAlgorithm.SHA384);

    private final String keyType;
    private final int bits;
    private final String curve;
    private final String jcaSignatureAlgorithm;
    private final EncryptionAlgorithm encryptionAlgorithm;
    private final DigestAlgorithm digestAlgorithm;

    KeyAlgorithm(String keyType, int bits, String curve, String jcaSignatureAlgorithm,
                 EncryptionAlgorithm encryptionAlgorithm, DigestAlgorithm digestAlgorithm) {
        this.keyType = keyType;
        this.bits = bits;
        this.curve = curve;
        this.jcaSignatureAlgorithm = jcaSignatureAlgorithm;
        this.encryptionAlgorithm = encryptionAlgorithm;
        this.digestAlgorithm = digestAlgorithm;
    }

    /** JCA key type: "RSA" or "EC". */
    public String keyType() {
        return keyType;
    }

    /** RSA modulus length or EC field size. */
    public int bits() {
        return bits;
    }

    /** JCA curve name for EC keys, null for RSA. */
    public String curve() {
        return curve;
    }

    public String jcaSignatureAlgorithm() {
        return jcaSignatureAlgorithm;
    }

    public EncryptionAlgorithm encryptionAlgorithm() {
        return encryptionAlgorithm;
    }

    public DigestAlgorithm digestAlgorithm() {
        return digestAlgorithm;
    }

    /** The algorithm of an existing public key, for keys that arrive from outside (PKCS#12 import, token objects). */
    public static KeyAlgorithm of(java.security.PublicKey key) {
        if (key instanceof java.security.interfaces.RSAPublicKey rsa) {
            int size = rsa.getModulus().bitLength();
            for (KeyAlgorithm a : values()) {
                if (a.keyType.equals("RSA") && a.bits == size) {
                    return a;
                }
            }
        } else if (key instanceof java.security.interfaces.ECPublicKey ec) {
            int size = ec.getParams().getCurve().getField().getFieldSize();
            for (KeyAlgorithm a : values()) {
                if (a.keyType.equals("EC") && a.bits == size) {
                    return a;
                }
            }
        }
        throw new KmsException("unsupported key: " + key.getAlgorithm()
                + " (supported: RSA 2048/3072, EC P-256/P-384)");
    }
}
