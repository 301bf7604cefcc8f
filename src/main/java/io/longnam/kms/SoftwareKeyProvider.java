package io.longnam.kms;

import io.longnam.common.BoundedCache;
import io.longnam.common.Hashes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keys generated in-process. The private key is never stored in the clear: the key reference is the PKCS#8
 * encoding sealed with AES-256-GCM under a master key, so the database holding key references holds only
 * ciphertext. Alias, algorithm and public key travel in the clear inside the reference but are bound to the
 * ciphertext as AAD, so none of them can be swapped without decryption failing.
 *
 * <p>Reference format: {@code sw1.<ALGORITHM>.<b64url alias>.<b64url SPKI>.<b64url iv||ciphertext||tag>}.
 */
public final class SoftwareKeyProvider implements KeyProvider {

    public static final String NAME = "software";
    private static final String VERSION = "sw1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int CACHE_SIZE = 1024;

    private final SecretKeySpec masterKey;
    private final SecureRandom random = new SecureRandom();
    private final Map<ByteBuffer, KeyPair> unwrapped = BoundedCache.leastRecentlyUsed(CACHE_SIZE);
    private final Set<ByteBuffer> disabled = ConcurrentHashMap.newKeySet();

    /** @param masterKeyBase64 base64 of exactly 32 random bytes */
    public SoftwareKeyProvider(byte[] masterKey) {
        if (masterKey.length != 32) {
            throw new IllegalArgumentException("the software KMS master key must be 32 bytes (AES-256), got "
                    + masterKey.length);
        }
        this.masterKey = new SecretKeySpec(masterKey, "AES");
    }

    static byte[] decodeMasterKey(String base64) {
        try {
            return Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the software KMS master key is not valid base64");
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public GeneratedKey generate(String alias, KeyAlgorithm algorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm.keyType());
            generator.initialize(algorithm.curve() == null
                    ? new RSAKeyGenParameterSpec(algorithm.bits(), RSAKeyGenParameterSpec.F4)
                    : new ECGenParameterSpec(algorithm.curve()), random);
            KeyPair pair = generator.generateKeyPair();
            String keyRef = wrap(alias, algorithm, pair);
            unwrapped.put(cacheKey(keyRef), pair);
            return new GeneratedKey(keyRef, pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new KmsException("could not generate a " + algorithm + " key", e);
        }
    }

    /**
     * Takes over a key delivered as PKCS#12 (e.g. from an external CA). The first key entry is used, or the entry
     * named {@code alias} when the file holds several.
     */
    public ImportedKey importPkcs12(byte[] pkcs12, char[] password, String alias) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(pkcs12), password);
            String entry = store.containsAlias(alias) && store.isKeyEntry(alias) ? alias : firstKeyEntry(store);
            PrivateKey privateKey = (PrivateKey) store.getKey(entry, password);
            Certificate[] certificates = store.getCertificateChain(entry);
            if (certificates == null || certificates.length == 0) {
                throw new KmsException("the PKCS#12 key entry has no certificate");
            }
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : certificates) {
                chain.add((X509Certificate) c);
            }
            PublicKey publicKey = chain.getFirst().getPublicKey();
            KeyAlgorithm algorithm = KeyAlgorithm.of(publicKey);
            KeyPair pair = new KeyPair(publicKey, privateKey);
            checkPair(pair, algorithm);
            String keyRef = wrap(alias, algorithm, pair);
            unwrapped.put(cacheKey(keyRef), pair);
            // A key entry's chain starts with the key's own certificate; checking the rest is the caller's business.
            return new ImportedKey(keyRef, algorithm, List.copyOf(chain));
        } catch (IOException e) {
            throw new KmsException("could not read the PKCS#12 file (wrong password or not PKCS#12)", e);
        } catch (GeneralSecurityException e) {
            throw new KmsException("could not read the key from the PKCS#12 file", e);
        }
    }

    private static String firstKeyEntry(KeyStore store) throws GeneralSecurityException {
        for (String a : Collections.list(store.aliases())) {
            if (store.isKeyEntry(a)) {
                return a;
            }
        }
        throw new KmsException("the PKCS#12 file holds no private key");
    }

    /** Guards against a PKCS#12 whose certificate does not belong to its key. */
    private static void checkPair(KeyPair pair, KeyAlgorithm algorithm) throws GeneralSecurityException {
        byte[] probe = "longnam key pair check".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(algorithm.jcaSignatureAlgorithm());
        signer.initSign(pair.getPrivate());
        signer.update(probe);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm.jcaSignatureAlgorithm());
        verifier.initVerify(pair.getPublic());
        verifier.update(probe);
        if (!verifier.verify(signature)) {
            throw new KmsException("the PKCS#12 certificate does not match its private key");
        }
    }

    @Override
    public PublicKey publicKey(String keyRef) {
        return unwrap(keyRef).getPublic();
    }

    @Override
    public byte[] sign(String keyRef, KeyAlgorithm algorithm, byte[] data) {
        Parsed parsed = parse(keyRef);
        if (parsed.algorithm != algorithm) {
            throw new KmsException("key is " + parsed.algorithm + ", not " + algorithm);
        }
        KeyPair pair = unwrap(keyRef);
        try {
            Signature signature = Signature.getInstance(algorithm.jcaSignatureAlgorithm());
            signature.initSign(pair.getPrivate());
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new KmsException("signing failed", e);
        }
    }

    @Override
    public void disable(String keyRef) {
        ByteBuffer id = cacheKey(keyRef);
        disabled.add(id);
        unwrapped.remove(id);
    }

    @Override
    public KeyDescription describe(String keyRef) {
        Parsed parsed = parse(keyRef);
        PublicKey publicKey = unwrap(keyRef).getPublic();
        return new KeyDescription(NAME, parsed.alias, parsed.algorithm, fingerprint(publicKey), false,
                !disabled.contains(cacheKey(keyRef)));
    }

    @Override
    public String toString() {
        return "SoftwareKeyProvider[name=" + NAME + ", cachedKeys=" + unwrapped.size() + "]";
    }

    public static String fingerprint(PublicKey key) {
        return Hashes.sha256Hex(key.getEncoded());
    }

    private String wrap(String alias, KeyAlgorithm algorithm, KeyPair pair) throws GeneralSecurityException {
        byte[] spki = pair.getPublic().getEncoded();
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, masterKey, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(aad(alias, algorithm, spki));
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        byte[] sealed;
        try {
            sealed = cipher.doFinal(pkcs8);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
        byte[] payload = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return String.join(".", VERSION, algorithm.name(), b64.encodeToString(alias.getBytes(StandardCharsets.UTF_8)),
                b64.encodeToString(spki), b64.encodeToString(payload));
    }

    private KeyPair unwrap(String keyRef) {
        ByteBuffer id = cacheKey(keyRef);
        if (disabled.contains(id)) {
            throw new KmsException("key is disabled");
        }
        KeyPair cached = unwrapped.get(id);
        if (cached != null) {
            return cached;
        }
        Parsed parsed = parse(keyRef);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, masterKey,
                    new GCMParameterSpec(TAG_BITS, parsed.payload, 0, IV_BYTES));
            cipher.updateAAD(aad(parsed.alias, parsed.algorithm, parsed.spki));
            byte[] pkcs8 = cipher.doFinal(parsed.payload, IV_BYTES, parsed.payload.length - IV_BYTES);
            KeyFactory factory = KeyFactory.getInstance(parsed.algorithm.keyType());
            PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(pkcs8);
            PrivateKey privateKey = factory.generatePrivate(spec);
            Arrays.fill(pkcs8, (byte) 0);
            PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(parsed.spki));
            KeyPair pair = new KeyPair(publicKey, privateKey);
            unwrapped.put(id, pair);
            return pair;
        } catch (AEADBadTagException e) {
            throw new KmsException("key reference does not decrypt under this master key (wrong master key or altered reference)");
        } catch (GeneralSecurityException e) {
            throw new KmsException("key reference is corrupt", e);
        }
    }

    private static byte[] aad(String alias, KeyAlgorithm algorithm, byte[] spki) {
        byte[] head = (VERSION + "|" + algorithm.name() + "|" + alias + "|").getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(head.length + spki.length).put(head).put(spki).array();
    }

    private record Parsed(KeyAlgorithm algorithm, String alias, byte[] spki, byte[] payload) {
    }

    private static Parsed parse(String keyRef) {
        String[] parts = keyRef.split("\\.", -1);
        if (parts.length != 5 || !parts[0].equals(VERSION)) {
            throw new KmsException("not a software key reference (expected format " + VERSION + ")");
        }
        try {
            Base64.Decoder b64 = Base64.getUrlDecoder();
            KeyAlgorithm algorithm = KeyAlgorithm.valueOf(parts[1]);
            byte[] payload = b64.decode(parts[4]);
            if (payload.length <= IV_BYTES + TAG_BITS / 8) {
                throw new KmsException("key reference is truncated");
            }
            return new Parsed(algorithm, new String(b64.decode(parts[2]), StandardCharsets.UTF_8),
                    b64.decode(parts[3]), payload);
        } catch (IllegalArgumentException e) {
            throw new KmsException("key reference is malformed");
        }
    }

    /** The cache is keyed by a digest so that key references themselves are not kept as map keys. */
    private static ByteBuffer cacheKey(String keyRef) {
        return ByteBuffer.wrap(Hashes.sha256(keyRef.getBytes(StandardCharsets.UTF_8)));
    }
}
