package io.longnam.kms;

import java.io.IOException;
import java.math.BigInteger;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Keys that live on a PKCS#11 token (HSM, SoftHSM) and never leave it: generated on the device as persistent,
 * sensitive, non-extractable, sign-only objects. The key reference is the alias on the token (CKA_ID of the
 * private key, CKA_LABEL of its certificate).
 *
 * <p>SunPKCS11 only lists private keys that have a certificate, so each key is stored with a self-signed
 * "key holder" certificate; the certificate a CA issues later is kept by the caller, not on the token.
 * Signing is concurrent: SunPKCS11 keeps a pool of sessions and every call uses its own {@link Signature}.
 */
public final class Pkcs11KeyProvider implements KeyProvider, AutoCloseable {

    public static final String NAME = "pkcs11";

    /** Errors that describe the token's state rather than the request, so a retry may succeed. */
    private static final Pattern RETRYABLE = Pattern.compile(
            "CKR_(DEVICE_|TOKEN_NOT_|SESSION_|USER_NOT_LOGGED_IN|PIN_LOCKED|CRYPTOKI_NOT_INITIALIZED|GENERAL_ERROR|FUNCTION_FAILED)");

    private final String tokenLabel;
    private final long slot;
    private final Provider provider;
    private final KeyStore keyStore;
    private final Map<String, TokenKey> keys = new ConcurrentHashMap<>();
    /** Kept to log in again when the token drops the login (device reset, or another provider logging out). */
    private final char[] pin;

    private record TokenKey(PrivateKey privateKey, PublicKey publicKey, KeyAlgorithm algorithm) {
    }

    public Pkcs11KeyProvider(String library, String tokenLabel, char[] pin) {
        this.tokenLabel = tokenLabel;
        this.pin = pin.clone();
        this.slot = Pkcs11Slots.slotOf(library, tokenLabel);
        String config = """
                --name = longnam
                library = "%s"
                slot = %d
                attributes(generate, CKO_PRIVATE_KEY, *) = {
                  CKA_TOKEN = true
                  CKA_PRIVATE = true
                  CKA_SENSITIVE = true
                  CKA_EXTRACTABLE = false
                  CKA_DECRYPT = false
                  CKA_UNWRAP = false
                }
                """.formatted(library, slot);
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw new KmsException("this JVM has no SunPKCS11 provider (module jdk.crypto.cryptoki)");
        }
        this.provider = base.configure(config);
        try {
            this.keyStore = KeyStore.getInstance("PKCS11", provider);
        } catch (GeneralSecurityException e) {
            throw failure("cannot open PKCS#11 token '" + tokenLabel + "'", e);
        }
        login();
    }

    private void login() {
        try {
            keyStore.load(null, pin);
        } catch (IOException e) {
            if (e.getCause() instanceof FailedLoginException) {
                throw new KmsException("login to PKCS#11 token '" + tokenLabel + "' was refused (wrong PIN?)", e);
            }
            throw failure("cannot log in to PKCS#11 token '" + tokenLabel + "'", e);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw failure("cannot log in to PKCS#11 token '" + tokenLabel + "'", e);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public synchronized GeneratedKey generate(String alias, KeyAlgorithm algorithm) {
        String failure = "could not generate a " + algorithm + " key on token '" + tokenLabel + "'";
        return withLogin(() -> {
            if (keyStore.containsAlias(alias)) {
                throw new KmsException("token '" + tokenLabel + "' already holds a key labelled '" + alias + "'");
            }
            return generateOnce(alias, algorithm);
        }, failure, failure);
    }

    @FunctionalInterface
    private interface TokenCall<T> {
        T call() throws GeneralSecurityException;
    }

    /** Runs a token operation, logging in again once when the token dropped this session's login. */
    private <T> T withLogin(TokenCall<T> call, String failure, String failureAfterLogin) {
        try {
            return call.call();
        } catch (KmsException e) {
            throw e;
        } catch (GeneralSecurityException | RuntimeException e) {
            if (!loggedOut(e)) {
                throw failure(failure, e);
            }
        }
        login();
        try {
            return call.call();
        } catch (KmsException e) {
            throw e;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw failure(failureAfterLogin, e);
        }
    }

    private GeneratedKey generateOnce(String alias, KeyAlgorithm algorithm) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm.keyType(), provider);
        generator.initialize(algorithm.curve() == null
                ? new RSAKeyGenParameterSpec(algorithm.bits(), RSAKeyGenParameterSpec.F4)
                : new ECGenParameterSpec(algorithm.curve()));
        KeyPair pair = generator.generateKeyPair();
        X509Certificate holder = keyHolderCertificate(alias, pair, algorithm);
        keyStore.setKeyEntry(alias, pair.getPrivate(), null, new Certificate[]{holder});
        return new GeneratedKey(alias, holder.getPublicKey());
    }

    private X509Certificate keyHolderCertificate(String alias, KeyPair pair, KeyAlgorithm algorithm)
            throws GeneralSecurityException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, alias).build();
        try {
            var builder = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now), Date.from(now.plus(36500, ChronoUnit.DAYS)), subject, pair.getPublic());
            var signer = new JcaContentSignerBuilder(algorithm.jcaSignatureAlgorithm()).setProvider(provider)
                    .build(pair.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    @Override
    public PublicKey publicKey(String keyRef) {
        return key(keyRef).publicKey();
    }

    @Override
    public byte[] sign(String keyRef, KeyAlgorithm algorithm, byte[] data) {
        TokenKey key = key(keyRef);
        if (key.algorithm() != algorithm) {
            throw new KmsException("key is " + key.algorithm() + ", not " + algorithm);
        }
        return withLogin(() -> signOnce(key, algorithm, data), "signing on token '" + tokenLabel + "' failed",
                "signing on token '" + tokenLabel + "' failed after logging in again");
    }

    private byte[] signOnce(TokenKey key, KeyAlgorithm algorithm, byte[] data) throws GeneralSecurityException {
        Signature signature = Signature.getInstance(algorithm.jcaSignatureAlgorithm(), provider);
        signature.initSign(key.privateKey());
        signature.update(data);
        return signature.sign();
    }

    private static boolean loggedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LoginException || String.valueOf(t.getMessage()).contains("CKR_USER_NOT_LOGGED_IN")) {
                return true;
            }
        }
        return false;
    }

    /** Destroys the key on the token: a token has no "disabled" state SunPKCS11 can set, and a seal key is never revived. */
    @Override
    public synchronized void disable(String keyRef) {
        try {
            keys.remove(keyRef);
            if (keyStore.containsAlias(keyRef)) {
                keyStore.deleteEntry(keyRef);
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            throw failure("could not delete key from token '" + tokenLabel + "'", e);
        }
    }

    @Override
    public KeyDescription describe(String keyRef) {
        TokenKey key = key(keyRef);
        return new KeyDescription(NAME, keyRef, key.algorithm(), SoftwareKeyProvider.fingerprint(key.publicKey()),
                true, true);
    }

    private TokenKey key(String alias) {
        TokenKey cached = keys.get(alias);
        if (cached != null) {
            return cached;
        }
        synchronized (this) {
            try {
                if (!keyStore.isKeyEntry(alias)) {
                    throw new KmsException("token '" + tokenLabel + "' holds no key labelled '" + alias + "'");
                }
                PrivateKey privateKey = (PrivateKey) keyStore.getKey(alias, null);
                if (privateKey == null) {
                    // private objects are invisible while the process is logged out of the token
                    login();
                    privateKey = (PrivateKey) keyStore.getKey(alias, null);
                }
                if (privateKey == null) {
                    throw new KmsException("token '" + tokenLabel + "' does not show the private key labelled '" + alias + "'");
                }
                PublicKey publicKey = keyStore.getCertificate(alias).getPublicKey();
                TokenKey key = new TokenKey(privateKey, publicKey, KeyAlgorithm.of(publicKey));
                keys.put(alias, key);
                return key;
            } catch (GeneralSecurityException | RuntimeException e) {
                if (e instanceof KmsException k) {
                    throw k;
                }
                throw failure("cannot read key from token '" + tokenLabel + "'", e);
            }
        }
    }

    private static KmsException failure(String message, Throwable e) {
        if (loggedOut(e)) {
            return new KmsUnavailableException(message + " (not logged in to the token)", e);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getName().endsWith("PKCS11Exception") && t.getMessage() != null
                    && RETRYABLE.matcher(t.getMessage()).find()) {
                return new KmsUnavailableException(message + " (" + t.getMessage() + ")", e);
            }
        }
        return new KmsException(message, e);
    }

    /**
     * Logs out of the token. PKCS#11 login state belongs to the whole process, so this also logs out other
     * providers open on the same token (they log in again on their next signature).
     */
    @Override
    public void close() {
        keys.clear();
        try {
            ((AuthProvider) provider).logout();
        } catch (LoginException e) {
            throw new KmsException("logout from token '" + tokenLabel + "' failed", e);
        }
    }

    @Override
    public String toString() {
        return "Pkcs11KeyProvider[token=" + tokenLabel + ", slot=" + slot + "]";
    }
}
