package io.longnam.support;

import io.longnam.support.Api.Tenant;
import io.longnam.testpki.TestPki;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Map;

/** Seal-key enrolment the way an organisation admin does it: generate → CSR → CA → upload the chain. */
public final class Keys {

    private Keys() {
    }

    public static JsonPath enrolCsr(Tenant t, String provider, String algorithm, String alias) {
        return t.as().contentType(ContentType.JSON)
                .body(Map.of("alias", alias, "algorithm", algorithm, "provider", provider,
                        "subject", "CN=ตราประทับ " + alias + ",O=โรงเรียนทดสอบ,C=TH"))
                .post("/api/v1/organizations/{org}/signing-keys", t.orgId())
                .then().statusCode(201).extract().jsonPath();
    }

    /** An active seal key whose certificate the test CA issued; the first one becomes the default. */
    public static String enrol(Tenant t, TestPki pki, String provider, String algorithm) {
        JsonPath key = enrolCsr(t, provider, algorithm, provider + "-" + algorithm + "-" + System.nanoTime());
        String chain = pki.chainPem(pki.issueSeal(key.getString("csr")));
        t.as().contentType("application/x-pem-file").body(chain.getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .put("/api/v1/organizations/{org}/signing-keys/{id}/certificate", t.orgId(), key.getString("id"))
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("ACTIVE"));
        return key.getString("id");
    }

    /** A person's own key, generated through {@code /api/v1/me/signing-keys}; the subject defaults to the person. */
    public static JsonPath enrolPersonalCsr(People.Person person, String provider, String algorithm) {
        return person.as().contentType(ContentType.JSON)
                .body(Map.of("alias", provider + "-" + algorithm + "-" + System.nanoTime(), "algorithm", algorithm,
                        "provider", provider))
                .post("/api/v1/me/signing-keys").then().statusCode(201).extract().jsonPath();
    }

    /** A person's active key whose certificate the test CA issued for the CSR the service made. */
    public static String enrolPersonal(People.Person person, TestPki pki, String provider, String algorithm) {
        JsonPath key = enrolPersonalCsr(person, provider, algorithm);
        String chain = pki.chainPem(pki.issueSeal(key.getString("csr")));
        person.as().contentType("application/x-pem-file").body(chain.getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .put("/api/v1/me/signing-keys/{id}/certificate", key.getString("id"))
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("ACTIVE"));
        return key.getString("id");
    }
}
