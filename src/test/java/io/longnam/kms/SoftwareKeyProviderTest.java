package io.longnam.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.longnam.testpki.TestPki;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

class SoftwareKeyProviderTest {

    static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @Test
    void signaturesVerifyWithTheGeneratedPublicKeyForEveryAlgorithm() throws Exception {
        SoftwareKeyProvider provider = new SoftwareKeyProvider(randomKey());
        for (KeyAlgorithm alg : KeyAlgorithm.values()) {
            GeneratedKey key = provider.generate("school-" + alg, alg);
            byte[] data = "ใบรับรองผลการเรียน".getBytes(StandardCharsets.UTF_8);
            Signature verify = Signature.getInstance(alg.jcaSignatureAlgorithm());
            verify.initVerify(key.publicKey());
            verify.update(data);
            assertThat(verify.verify(provider.sign(key.keyRef(), alg, data))).as(alg.name()).isTrue();
            assertThat(provider.describe(key.keyRef()))
                    .isEqualTo(new KeyDescription("software", "school-" + alg, alg,
                            provider.describe(key.keyRef()).publicKeySha256(), false, true));
        }
    }

    @Test
    void keyRefWorksInAFreshProviderWithTheSameMasterKeyAndFailsWithAnother() {
        byte[] master = randomKey();
        GeneratedKey key = new SoftwareKeyProvider(master).generate("a", KeyAlgorithm.EC_P256);

        assertThat(new SoftwareKeyProvider(master.clone()).publicKey(key.keyRef())).isEqualTo(key.publicKey());
        assertThatThrownBy(() -> new SoftwareKeyProvider(randomKey()).sign(key.keyRef(), KeyAlgorithm.EC_P256, new byte[]{1}))
                .isInstanceOf(KmsException.class).hasMessageContaining("does not decrypt");
    }

    @Test
    void keyRefHoldsNoRawPrivateKeyAndCannotBeRelabelled() throws Exception {
        byte[] master = randomKey();
        SoftwareKeyProvider provider = new SoftwareKeyProvider(master);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        byte[] p12 = pkcs12(pair, "pw".toCharArray());
        ImportedKey imported = provider.importPkcs12(p12, "pw".toCharArray(), "imported");

        byte[] pkcs8 = pair.getPrivate().getEncoded();
        String ref = imported.keyRef();
        for (String encoding : new String[]{Base64.getEncoder().encodeToString(pkcs8),
                Base64.getUrlEncoder().withoutPadding().encodeToString(pkcs8), HexFormat.of().formatHex(pkcs8)}) {
            assertThat(ref).doesNotContain(encoding.substring(40, 80));
        }
        String relabelled = ref.replace(Base64.getUrlEncoder().withoutPadding()
                .encodeToString("imported".getBytes(StandardCharsets.UTF_8)), Base64.getUrlEncoder().withoutPadding()
                .encodeToString("other".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> new SoftwareKeyProvider(master).publicKey(relabelled)).isInstanceOf(KmsException.class);
        assertThat(provider.sign(ref, KeyAlgorithm.RSA_2048, new byte[]{1})).hasSize(256);
    }

    @Test
    void importedPkcs12KeepsItsChainAndRejectsAWrongPassword() throws Exception {
        try (TestPki pki = new TestPki()) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            KeyPair pair = generator.generateKeyPair();
            var csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=Imported,C=TH"), pair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
            var out = new java.io.StringWriter();
            try (JcaPEMWriter w = new JcaPEMWriter(out)) {
                w.writeObject(csr);
            }
            var cert = pki.issueSeal(out.toString());
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("x", pair.getPrivate(), "pw".toCharArray(),
                    new Certificate[]{cert, pki.issuingCa(), pki.root()});
            ByteArrayOutputStream p12 = new ByteArrayOutputStream();
            store.store(p12, "pw".toCharArray());
            SoftwareKeyProvider provider = new SoftwareKeyProvider(randomKey());

            ImportedKey imported = provider.importPkcs12(p12.toByteArray(), "pw".toCharArray(), "school");

            assertThat(imported.algorithm()).isEqualTo(KeyAlgorithm.EC_P256);
            assertThat(imported.chain()).containsExactly(cert, pki.issuingCa(), pki.root());
            assertThat(provider.publicKey(imported.keyRef())).isEqualTo(pair.getPublic());
            assertThatThrownBy(() -> provider.importPkcs12(p12.toByteArray(), "nope".toCharArray(), "school"))
                    .isInstanceOf(KmsException.class).hasMessageNotContaining("nope");
        }
    }

    @Test
    void disabledKeysNoLongerSign() {
        SoftwareKeyProvider provider = new SoftwareKeyProvider(randomKey());
        GeneratedKey key = provider.generate("old", KeyAlgorithm.EC_P256);
        provider.disable(key.keyRef());
        assertThatThrownBy(() -> provider.sign(key.keyRef(), KeyAlgorithm.EC_P256, new byte[]{1}))
                .isInstanceOf(KmsException.class).hasMessageContaining("disabled");
    }

    @Test
    void wrongAlgorithmIsRefused() {
        SoftwareKeyProvider provider = new SoftwareKeyProvider(randomKey());
        GeneratedKey key = provider.generate("k", KeyAlgorithm.EC_P256);
        assertThatThrownBy(() -> provider.sign(key.keyRef(), KeyAlgorithm.RSA_2048, new byte[]{1}))
                .isInstanceOf(KmsException.class);
    }

    @Test
    void toStringsRevealNoSecrets() {
        byte[] master = randomKey();
        SoftwareKeyProvider provider = new SoftwareKeyProvider(master);
        GeneratedKey key = provider.generate("k", KeyAlgorithm.RSA_2048);
        String masterB64 = Base64.getEncoder().encodeToString(master);
        assertThat(provider.toString()).doesNotContain(masterB64).doesNotContain(HexFormat.of().formatHex(master));
        assertThat(key.toString()).doesNotContain(key.keyRef()).doesNotContain(key.keyRef().substring(key.keyRef().length() - 30));
        assertThatThrownBy(() -> new SoftwareKeyProvider(new byte[16])).hasMessageNotContaining("AAAA");
    }

    private static byte[] pkcs12(KeyPair pair, char[] password) throws Exception {
        var subject = new X500Name("CN=self");
        var cert = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(
                new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(subject, java.math.BigInteger.ONE,
                        new java.util.Date(), new java.util.Date(System.currentTimeMillis() + 86_400_000L), subject,
                        pair.getPublic()).build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("k", pair.getPrivate(), password, new Certificate[]{cert});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, password);
        return out.toByteArray();
    }
}
