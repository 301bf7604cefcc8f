package io.longnam.common;

import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Small secrets the service must read back (TOTP secrets, queued mail holding a one-time code) sealed with
 * AES-256-GCM, and short codes turned into keyed HMACs, so a copy of the database reveals neither. Each sealed value
 * is bound to a context (e.g. the owning user) as associated data: moved to another row it no longer opens.
 *
 * <p>The root key is {@code LONGNAM_SECRETS_KEY} (base64 of 32 random bytes) or, when unset, one derived from the
 * software KMS master key, so an installation that has one needs nothing more.
 */
@Startup
@ApplicationScoped
public class SecretBox {

    private static final byte VERSION = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec macKey;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public SecretBox(@ConfigProperty(name = "longnam.secrets.key") Optional<String> secretsKey,
                     @ConfigProperty(name = "longnam.kms.software.master-key") Optional<String> kmsMasterKey) {
        this(root(secretsKey, kmsMasterKey, LaunchMode.current()));
    }

    SecretBox(byte[] root) {
        this.encryptionKey = new SecretKeySpec(hmac(root, "longnam/secret-box/encryption/v1"), "AES");
        this.macKey = new SecretKeySpec(hmac(root, "longnam/secret-box/mac/v1"), "HmacSHA256");
    }

    private static byte[] root(Optional<String> secretsKey, Optional<String> kmsMasterKey, LaunchMode mode) {
        Optional<String> own = secretsKey.filter(k -> !k.isBlank());
        if (own.isPresent()) {
            byte[] key = decode(own.get(), "LONGNAM_SECRETS_KEY");
            if (key.length != 32) {
                throw new IllegalStateException("LONGNAM_SECRETS_KEY must be base64 of 32 random bytes");
            }
            return key;
        }
        Optional<String> master = kmsMasterKey.filter(k -> !k.isBlank());
        if (master.isPresent()) {
            // A separate key for a separate purpose: what is sealed here never shares a key with wrapped signing keys.
            return hmac(decode(master.get(), "LONGNAM_KMS_SOFTWARE_MASTER_KEY"), "longnam/secrets-root/v1");
        }
        if (mode == LaunchMode.NORMAL) {
            throw new IllegalStateException("no key for stored secrets: set LONGNAM_SECRETS_KEY (or"
                    + " LONGNAM_KMS_SOFTWARE_MASTER_KEY) to base64 of 32 random bytes, e.g. `openssl rand -base64 32`");
        }
        Log.warnf("Stored secrets use the built-in %s key: they are NOT protected. Set LONGNAM_SECRETS_KEY outside"
                + " dev/test.", mode.getDefaultProfile());
        // fixed so that dev databases stay readable across restarts
        return Hashes.sha256("longnam development secrets key - not secret".getBytes(StandardCharsets.US_ASCII));
    }

    /** {@code plain} sealed for {@code context}; only {@link #open} with the same context gives it back. */
    public byte[] seal(byte[] plain, String context) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(VERSION).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is mandatory in every JDK", e);
        }
    }

    /** Fails (IllegalStateException) when the value was sealed under another key or context, or altered. */
    public byte[] open(byte[] sealed, String context) {
        if (sealed.length < 1 + IV_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new IllegalStateException("not a sealed secret");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, sealed, 1, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, 1 + IV_BYTES, sealed.length - 1 - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored secret does not open under this key (wrong key or altered row)");
        }
    }

    /** A keyed digest of a short secret (a six-digit code), for storing and comparing it without keeping it. */
    public byte[] mac(String context, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(macKey);
            mac.update(context.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is mandatory in every JDK", e);
        }
    }

    /** Constant-time comparison, so timing does not tell how much of a code was right. */
    public static boolean same(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    private static byte[] hmac(byte[] key, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is mandatory in every JDK", e);
        }
    }

    private static byte[] decode(String base64, String variable) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(variable + " is not valid base64");
        }
    }
}
