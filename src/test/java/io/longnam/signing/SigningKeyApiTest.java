package io.longnam.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.longnam.support.Api;
import io.longnam.support.Api.Tenant;
import io.longnam.support.Keys;
import io.longnam.support.Sql;
import io.longnam.testpki.SigningFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SigningKeyApiTest {

    SigningFixture signing;
    @Inject
    DataSource ds;
    Tenant school;

    @BeforeEach
    void setUp() {
        school = Api.school("keys school");
    }

    @Test
    void enrolmentAnswersACsrForTheRequestedSubjectSignedByTheNewKey() throws Exception {
        JsonPath key = Keys.enrolCsr(school, "pkcs11", "EC_P384", "seal-2569");
        assertThat(key.getString("status")).isEqualTo("PENDING_CERTIFICATE");
        try (PEMParser parser = new PEMParser(new StringReader(key.getString("csr")))) {
            PKCS10CertificationRequest csr = (PKCS10CertificationRequest) parser.readObject();
            assertThat(csr.getSubject().toString()).contains("C=TH").contains("ตราประทับ seal-2569");
            assertThat(csr.isSignatureValid(new org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder()
                    .build(csr.getSubjectPublicKeyInfo()))).isTrue();
        }
    }

    @Test
    void softwareKeysAreStoredOnlyWrapped() {
        JsonPath key = Keys.enrolCsr(school, "software", "RSA_2048", "wrapped");
        // The reference is the AES-GCM envelope (format sw1); the engine's own tests prove it holds no clear PKCS#8.
        assertThat(Sql.count(ds, "select count(*) from signing_key where id = ? and provider_key_ref like 'sw1.%'",
                UUID.fromString(key.getString("id")))).isEqualTo(1);
        school.as().get("/api/v1/organizations/{o}/signing-keys/{k}", school.orgId(), key.getString("id")).then()
                .body("providerKeyRef", nullValue());
    }

    @Test
    void certificateForAnotherKeyIsRefused() {
        JsonPath a = Keys.enrolCsr(school, "software", "RSA_2048", "a");
        JsonPath b = Keys.enrolCsr(school, "software", "RSA_2048", "b");
        String chainOfB = signing.pki().chainPem(signing.pki().issueSeal(b.getString("csr")));
        school.as().contentType(ContentType.JSON).body(Map.of("certificateChain", chainOfB))
                .put("/api/v1/organizations/{o}/signing-keys/{k}/certificate", school.orgId(), a.getString("id"))
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://longnam.io/problems/invalid-certificate-chain"));
        school.as().contentType(ContentType.JSON).body(Map.of("certificateChain", "-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----"))
                .put("/api/v1/organizations/{o}/signing-keys/{k}/certificate", school.orgId(), a.getString("id"))
                .then().statusCode(422);
    }

    @Test
    void firstActiveKeyBecomesDefaultAndDefaultCanMove() {
        String first = Keys.enrol(school, signing.pki(), "software", "RSA_2048");
        String second = Keys.enrol(school, signing.pki(), "pkcs11", "RSA_2048");
        school.as().get("/api/v1/organizations/{o}/signing-keys/{k}", school.orgId(), first).then().body("default", equalTo(true));
        school.as().contentType(ContentType.JSON).body(Map.of("default", true))
                .patch("/api/v1/organizations/{o}/signing-keys/{k}", school.orgId(), second).then().statusCode(200)
                .body("default", equalTo(true));
        school.as().get("/api/v1/organizations/{o}/signing-keys/{k}", school.orgId(), first).then().body("default", equalTo(false));
    }

    @Test
    void disabledKeyCannotSeal() {
        String key = Keys.enrol(school, signing.pki(), "pkcs11", "EC_P256");
        school.as().delete("/api/v1/organizations/{o}/signing-keys/{k}", school.orgId(), key).then().statusCode(200)
                .body("status", equalTo("DISABLED"));
        UUID doc = Api.register(school, "after disable");
        school.as().contentType(ContentType.JSON).body(Map.of("keyId", key))
                .post("/api/v1/documents/{id}/seal", doc).then().statusCode(409);
    }

    @Test
    void anotherTenantsKeyIs404Everywhere() {
        String key = Keys.enrol(school, signing.pki(), "software", "RSA_2048");
        Tenant other = Api.school("other");
        UUID doc = Api.register(other, "mine");
        other.as().contentType(ContentType.JSON).body(Map.of("keyId", key))
                .post("/api/v1/documents/{id}/seal", doc).then().statusCode(404);
        other.as().get("/api/v1/organizations/{o}/signing-keys/{k}", school.orgId(), key).then().statusCode(404);
        other.as().get("/api/v1/organizations/{o}/signing-keys/{k}", other.orgId(), key).then().statusCode(404);
        other.as().delete("/api/v1/organizations/{o}/signing-keys/{k}", other.orgId(), key).then().statusCode(404);
        other.as().post("/api/v1/documents/{id}/seal", Api.register(school, "theirs")).then().statusCode(404);
    }

    @Test
    void importsAPkcs12IntoTheSoftwareProviderAndSealsWithIt() throws Exception {
        byte[] p12 = pkcs12("ตราประทับ-pass");

        school.as().multiPart("file", "seal.p12", p12, "application/x-pkcs12")
                .multiPart("password", "wrong").multiPart("alias", "bad")
                .post("/api/v1/organizations/{o}/signing-keys/import", school.orgId()).then().statusCode(422)
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("wrong")));
        school.as().multiPart("file", "seal.p12", p12, "application/x-pkcs12")
                .multiPart(new io.restassured.builder.MultiPartSpecBuilder("ตราประทับ-pass").controlName("password")
                        .charset("UTF-8").build())
                .multiPart("alias", "imported")
                .post("/api/v1/organizations/{o}/signing-keys/import", school.orgId()).then().statusCode(201)
                .body("status", equalTo("ACTIVE")).body("provider", equalTo("software")).body("default", equalTo(true));
        UUID doc = Api.register(school, "imported key");
        school.as().post("/api/v1/documents/{id}/seal", doc).then().statusCode(200);
        school.as().get("/api/v1/documents/{id}/verification", doc).then().body("valid", equalTo(true))
                .body("signatures[0].signer", org.hamcrest.Matchers.containsString("Imported Seal"));
    }

    @Test
    void onlyAdministratorsManageKeys() {
        school.withRoles("SIGNER").as().contentType(ContentType.JSON)
                .body(Map.of("alias", "x", "algorithm", "RSA_2048", "provider", "software", "subject", "CN=x"))
                .post("/api/v1/organizations/{o}/signing-keys", school.orgId()).then().statusCode(403);
    }

    @Test
    void rejectsUnknownProviderAndBadSubject() {
        school.as().contentType(ContentType.JSON)
                .body(Map.of("alias", "x", "algorithm", "RSA_2048", "provider", "cloud-nope", "subject", "CN=x"))
                .post("/api/v1/organizations/{o}/signing-keys", school.orgId()).then().statusCode(400)
                .body("errors[0].field", equalTo("provider"));
        school.as().contentType(ContentType.JSON)
                .body(Map.of("alias", "x", "algorithm", "RSA_2048", "provider", "software", "subject", "not a dn"))
                .post("/api/v1/organizations/{o}/signing-keys", school.orgId()).then().statusCode(400)
                .body("errors[0].field", equalTo("subject"));
        school.as().contentType(ContentType.JSON)
                .body(Map.of("alias", "x", "algorithm", "DSA_1024", "provider", "software", "subject", "CN=x"))
                .post("/api/v1/organizations/{o}/signing-keys", school.orgId()).then().statusCode(400);
    }

    /** #19 item 5: import takes the aliases enrolment takes (Thai with its marks) and refuses the same others. */
    @Test
    void importAppliesTheEnrolmentAliasPattern() throws Exception {
        byte[] p12 = pkcs12("pass");
        school.as().multiPart("file", "seal.p12", p12, "application/x-pkcs12").multiPart("password", "pass")
                .multiPart(new io.restassured.builder.MultiPartSpecBuilder("ตราโรงเรียน <b>").controlName("alias")
                        .charset("UTF-8").build())
                .post("/api/v1/organizations/{o}/signing-keys/import", school.orgId()).then().statusCode(400)
                .body("errors[0].field", equalTo("alias"))
                .body("errors[0].message", equalTo(io.longnam.common.Patterns.ALIAS_MESSAGE));
        assertThat(Sql.count(ds, "select count(*) from signing_key where organization_id = ?", school.orgId())).isZero();
        school.as().multiPart("file", "seal.p12", p12, "application/x-pkcs12").multiPart("password", "pass")
                .multiPart(new io.restassured.builder.MultiPartSpecBuilder("ตราประทับโรงเรียน ปี 2569").controlName("alias")
                        .charset("UTF-8").build())
                .post("/api/v1/organizations/{o}/signing-keys/import", school.orgId()).then().statusCode(201)
                .body("alias", equalTo("ตราประทับโรงเรียน ปี 2569"));
    }

    /**
     * #19 item 5: a stored key whose provider was switched off (here: a provider this service does not run) is the key
     * provider refusing, answered kms-error 502 like every other refusal, never 400 blaming the caller.
     */
    @Test
    void aKeyWhoseProviderWasSwitchedOffAnswersKmsError() {
        String key = Keys.enrol(school, signing.pki(), "software", "RSA_2048");
        UUID doc = Api.register(school, "provider gone");
        Sql.update(ds, "update signing_key set provider = 'retired-hsm' where id = ?", UUID.fromString(key));

        school.as().post("/api/v1/documents/{id}/seal", doc).then().statusCode(502)
                .body("type", org.hamcrest.Matchers.endsWith("/kms-error"))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("retired-hsm")));
        school.as().contentType(ContentType.JSON).body(Map.of("keyId", key))
                .post("/api/v1/documents/{id}/seal", doc).then().statusCode(502)
                .body("type", org.hamcrest.Matchers.endsWith("/kms-error"));
        school.as().delete("/api/v1/organizations/{o}/signing-keys/{k}", school.orgId(), key).then().statusCode(502)
                .body("type", org.hamcrest.Matchers.endsWith("/kms-error"));
        // Still listed, so that its administrators can see and replace it.
        school.as().get("/api/v1/organizations/{o}/signing-keys/{k}", school.orgId(), key).then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("publicKeySha256", nullValue());
        school.as().get("/api/v1/documents/{id}", doc).then().body("status", equalTo("REGISTERED"));
    }

    /** A PKCS#12 holding a fresh RSA key and the chain the test CA issued for it. */
    private byte[] pkcs12(String password) throws Exception {
        java.security.KeyPairGenerator gen = java.security.KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        java.security.KeyPair pair = gen.generateKeyPair();
        var csr = new org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder(
                new javax.security.auth.x500.X500Principal("CN=Imported Seal,O=Test School,C=TH"), pair.getPublic())
                .build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate()));
        String csrPem = io.longnam.kms.Pem.encode(java.util.List.of(csr));
        var leaf = signing.pki().issueSeal(csrPem);
        java.security.KeyStore p12 = java.security.KeyStore.getInstance("PKCS12");
        p12.load(null, null);
        p12.setKeyEntry("seal", pair.getPrivate(), password.toCharArray(),
                new java.security.cert.Certificate[]{leaf, signing.pki().issuingCa(), signing.pki().root()});
        var out = new java.io.ByteArrayOutputStream();
        p12.store(out, password.toCharArray());
        return out.toByteArray();
    }
}
