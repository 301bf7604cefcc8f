package io.longnam.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signing as the Standard Webhooks specification says (https://www.standardwebhooks.com), so receivers verify with
 * the libraries written for it: {@code v1,} + base64 HMAC-SHA256 over {@code id.timestamp.body} with the bytes
 * behind a {@code whsec_} secret; several signatures are separated by spaces.
 */
public final class StandardWebhooks {

    public static final String SECRET_PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private StandardWebhooks() {
    }

    /** A new secret: 24 random bytes, the size the specification's reference implementations generate. */
    public static String newSecret() {
        byte[] key = new byte[24];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    public static String sign(String secret, String id, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length())), "HmacSHA256"));
            byte[] digest = mac.doFinal((id + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    /** The {@code webhook-signature} header value: one signature per secret still valid (two during a rotation). */
    public static String signatureHeader(List<String> secrets, String id, long timestampSeconds, String body) {
        return secrets.stream().map(s -> sign(s, id, timestampSeconds, body)).collect(Collectors.joining(" "));
    }
}
