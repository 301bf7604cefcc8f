package io.longnam.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.longnam.render.ThaiText;
import io.longnam.signing.SealKey;
import io.longnam.support.Api;
import io.longnam.support.Api.Tenant;
import io.longnam.support.Keys;
import io.longnam.support.People;
import io.longnam.support.People.Person;
import io.longnam.testoidc.KeycloakTestResource;
import io.longnam.testpki.SigningFixture;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.junit.jupiter.api.Test;

/** A person's own signing keys: enrolled through the CSR flow, visible to that person only, never an organisation's. */
@QuarkusTest
@QuarkusTestResource(value = KeycloakTestResource.class, restrictToAnnotatedClass = true)
class PersonalKeyApiTest {

    static final String NATIONAL_ID = "1101700203450";

    SigningFixture signing;
    @Inject
    SigningKeyService keys;

    @Test
    void signerEnrolsAKeyOnTheHsmAndTheCaCertifiesIt() {
        Tenant school = Api.school("โรงเรียนกุญแจส่วนตัว");
        Person signer = People.person("นางสาวกุญแจ ส่วนตัว");
        People.activated(school, signer, "SIGNER");

        String keyId = Keys.enrolPersonal(signer, signing.pki(), "pkcs11", "RSA_2048");

        signer.as().get("/api/v1/me/signing-keys/{id}", keyId).then().statusCode(200)
                .body("provider", equalTo("pkcs11")).body("status", equalTo("ACTIVE")).body("inUse", equalTo(true))
                .body("organizationId", equalTo(school.orgId().toString()))
                .body("certificateChain", hasSize(3))
                .body("certificateChain[0].subject", containsString("นางสาวกุญแจ ส่วนตัว"));
    }

    @Test
    void requestNamesThePersonInUtf8WithTheNationalIdAsSerialNumber() throws Exception {
        assertThat(ThaiText.isValidNationalId(NATIONAL_ID)).isTrue();
        Tenant school = Api.school("โรงเรียนบ้านหนองใหญ่ (ชื่อยาว, มีจุลภาค)");
        Person signer = People.person("นายสมศักดิ์ ใจกว้าง", NATIONAL_ID);
        People.activated(school, signer, "SIGNER");

        JsonPath key = Keys.enrolPersonalCsr(signer, "software", "EC_P256");

        X500Name subject = csr(key.getString("csr")).getSubject();
        assertThat(value(subject, BCStyle.CN)).isInstanceOf(DERUTF8String.class);
        assertThat(value(subject, BCStyle.CN).toString()).isEqualTo("นายสมศักดิ์ ใจกว้าง");
        assertThat(value(subject, BCStyle.SERIALNUMBER).toString()).isEqualTo("PNOTH-" + NATIONAL_ID);
        assertThat(value(subject, BCStyle.O).toString()).isEqualTo("โรงเรียนบ้านหนองใหญ่ (ชื่อยาว, มีจุลภาค)");
        assertThat(value(subject, BCStyle.C).toString()).isEqualTo("TH");
    }

    @Test
    void aCaCertificateIsRefusedAsTheKeysCertificate() throws Exception {
        Tenant school = Api.school("โรงเรียนซีเอปลอม");
        Person signer = People.person("ครูผู้ออกใบรับรองเอง");
        People.activated(school, signer, "SIGNER");
        JsonPath key = Keys.enrolPersonalCsr(signer, "software", "RSA_2048");

        signer.as().contentType(ContentType.JSON)
                .body(Map.of("certificateChain", Pem.encode(caCertificateFor(key.getString("csr")))))
                .put("/api/v1/me/signing-keys/{id}/certificate", key.getString("id")).then().statusCode(422)
                .contentType("application/problem+json").body("detail", containsString("CA certificate"));
        signer.as().get("/api/v1/me/signing-keys/{id}", key.getString("id")).then()
                .body("status", equalTo("PENDING_CERTIFICATE"));
    }

    @Test
    void theKeyCertifiedLastSignsAndTheOneBeforeTakesOverWhenItIsDisabled() {
        Tenant school = Api.school("โรงเรียนต่ออายุกุญแจ");
        Person signer = People.person("ครูต่ออายุ");
        UUID userId = UUID.fromString(People.activated(school, signer, "SIGNER"));
        String first = Keys.enrolPersonal(signer, signing.pki(), "software", "EC_P256");
        String second = Keys.enrolPersonal(signer, signing.pki(), "pkcs11", "EC_P256");

        assertThat(serialInUse(userId)).contains(serialOf(signer, second));
        signer.as().get("/api/v1/me/signing-keys/{id}", first).then().body("inUse", equalTo(false));

        signer.as().delete("/api/v1/me/signing-keys/{id}", second).then().statusCode(200).body("status", equalTo("DISABLED"))
                .body("inUse", equalTo(false));
        assertThat(serialInUse(userId)).contains(serialOf(signer, first));
        signer.as().get("/api/v1/me/signing-keys/{id}", first).then().body("inUse", equalTo(true));

        signer.as().delete("/api/v1/me/signing-keys/{id}", first).then().statusCode(200);
        assertThat(keys.personalKey(userId)).isEmpty();
    }

    @Test
    void personalKeysNeverShowOrSealAsTheOrganisations() {
        Tenant school = Api.school("โรงเรียนไม่มีตรา");
        Person signer = People.person("ครูมีกุญแจ");
        People.activated(school, signer, "SIGNER");
        String personal = Keys.enrolPersonal(signer, signing.pki(), "software", "RSA_2048");

        school.as().get("/api/v1/organizations/{o}/signing-keys", school.orgId()).then().statusCode(200)
                .body("items", empty());
        school.as().get("/api/v1/organizations/{o}/signing-keys/{k}", school.orgId(), personal).then().statusCode(404);
        school.as().delete("/api/v1/organizations/{o}/signing-keys/{k}", school.orgId(), personal).then().statusCode(404);
        UUID doc = Api.register(school, "no seal key");
        school.as().post("/api/v1/documents/{id}/seal", doc).then().statusCode(409)
                .body("type", containsString("no-default-key"));
        school.as().contentType(ContentType.JSON).body(Map.of("keyId", personal))
                .post("/api/v1/documents/{id}/seal", doc).then().statusCode(404);
        assertThat(keys.enrolledCaCertificates(List.of(school.orgId()))).isEmpty();
    }

    @Test
    void anotherPersonCannotSeeOrTouchMyKeys() {
        Tenant school = Api.school("โรงเรียนสองคน");
        Person owner = People.person("เจ้าของกุญแจ");
        Person colleague = People.person("เพื่อนร่วมงาน");
        People.activated(school, owner, "SIGNER");
        People.activated(school, colleague, "ORG_ADMIN");
        JsonPath pending = Keys.enrolPersonalCsr(owner, "software", "RSA_2048");
        String key = pending.getString("id");
        String chain = signing.pki().chainPem(signing.pki().issueSeal(pending.getString("csr")));

        colleague.as().get("/api/v1/me/signing-keys").then().statusCode(200).body("items", empty());
        colleague.as().get("/api/v1/me/signing-keys/{id}", key).then().statusCode(404);
        colleague.as().contentType("application/x-pem-file").body(chain.getBytes(StandardCharsets.US_ASCII))
                .put("/api/v1/me/signing-keys/{id}/certificate", key).then().statusCode(404);
        colleague.as().delete("/api/v1/me/signing-keys/{id}", key).then().statusCode(404);
        owner.as().get("/api/v1/me/signing-keys").then().body("items", hasSize(1))
                .body("items[0].status", equalTo("PENDING_CERTIFICATE"));
    }

    @Test
    void pendingPeopleAndApiKeysCannotEnrol() {
        Tenant school = Api.school("โรงเรียนรออนุมัติ");
        Person newcomer = People.person("ผู้มาใหม่");
        newcomer.userId();
        Map<String, String> body = Map.of("alias", "mine", "algorithm", "RSA_2048", "provider", "software");

        newcomer.as().contentType(ContentType.JSON).body(body).post("/api/v1/me/signing-keys").then().statusCode(403);
        school.as().contentType(ContentType.JSON).body(body).post("/api/v1/me/signing-keys").then().statusCode(403)
                .body("type", endsWith("/not-a-person")).body("detail", containsString("people"));
        school.as().get("/api/v1/me/signing-keys").then().statusCode(403).body("type", endsWith("/not-a-person"));
    }

    @Test
    void aPersonsAliasesAreTheirOwn() {
        Tenant school = Api.school("โรงเรียนชื่อซ้ำ");
        Person a = People.person("ครูเอ");
        Person b = People.person("ครูบี");
        People.activated(school, a, "SIGNER");
        People.activated(school, b, "SIGNER");
        Map<String, String> body = Map.of("alias", "ลายเซ็นหลัก", "algorithm", "EC_P256", "provider", "software");

        a.as().contentType(ContentType.JSON).body(body).post("/api/v1/me/signing-keys").then().statusCode(201);
        b.as().contentType(ContentType.JSON).body(body).post("/api/v1/me/signing-keys").then().statusCode(201);
        a.as().contentType(ContentType.JSON).body(body).post("/api/v1/me/signing-keys").then().statusCode(409)
                .body("type", containsString("duplicate-alias"));
        school.as().contentType(ContentType.JSON)
                .body(Map.of("alias", "ลายเซ็นหลัก", "algorithm", "EC_P256", "provider", "software", "subject", "CN=ตรา"))
                .post("/api/v1/organizations/{o}/signing-keys", school.orgId()).then().statusCode(201)
                .body("subject", not(containsString("ครู")));
    }

    private Optional<BigInteger> serialInUse(UUID userId) {
        return keys.personalKey(userId).map(SealKey::certificate).map(X509Certificate::getSerialNumber);
    }

    private static BigInteger serialOf(Person person, String keyId) {
        return new BigInteger(person.as().get("/api/v1/me/signing-keys/{id}", keyId).then().statusCode(200)
                .extract().<String>path("certificateChain[0].serialNumber"), 16);
    }

    private static PKCS10CertificationRequest csr(String pem) throws Exception {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            return (PKCS10CertificationRequest) parser.readObject();
        }
    }

    private static ASN1Encodable value(X500Name name, ASN1ObjectIdentifier type) {
        var rdns = name.getRDNs(type);
        assertThat(rdns).as("RDNs of type %s in %s", type, name).hasSize(1);
        return rdns[0].getFirst().getValue();
    }

    /** A chain whose leaf certifies the key but is itself a CA, issued by a CA made up for the occasion. */
    private static List<X509Certificate> caCertificateFor(String csrPem) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair caKey = generator.generateKeyPair();
        X500Name caName = new X500Name("CN=Made Up CA,C=TH");
        Date from = Date.from(Instant.now().minus(Duration.ofHours(1)));
        Date to = Date.from(Instant.now().plus(Duration.ofDays(30)));
        var signer = new JcaContentSignerBuilder("SHA256withRSA").build(caKey.getPrivate());
        X509Certificate ca = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                caName, BigInteger.ONE, from, to, caName, caKey.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true)).build(signer));
        var request = new JcaPKCS10CertificationRequest(csr(csrPem));
        X509Certificate leaf = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                caName, BigInteger.TWO, from, to, request.getSubject(), request.getPublicKey())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true)).build(signer));
        return List.of(leaf, ca);
    }
}
