package io.longnam.support;

import io.longnam.support.Api.Tenant;
import io.longnam.testpki.TestPki;
import io.restassured.http.ContentType;
import java.util.Map;

/** Gives a tenant a default seal key the way an integrator does: enrol (software provider) → CSR → CA → chain. */
public final class SoftwareSealKey {

    private SoftwareSealKey() {
    }

    public static String enrol(Tenant t, TestPki pki) {
        var enrolled = t.as().contentType(ContentType.JSON)
                .body(Map.of("alias", "seal-" + System.nanoTime(), "algorithm", "RSA_2048", "provider", "software",
                        "subject", "CN=โรงเรียนทดสอบตราประทับ,O=Longnam Test School,C=TH"))
                .post("/api/v1/organizations/{org}/signing-keys", t.orgId()).then().statusCode(201).extract();
        String keyId = enrolled.path("id");
        var certificate = pki.issueSeal(enrolled.path("csr"));
        t.as().contentType(ContentType.JSON).body(Map.of("certificateChain", pki.chainPem(certificate)))
                .put("/api/v1/organizations/{org}/signing-keys/{key}/certificate", t.orgId(), keyId)
                .then().statusCode(200);
        return keyId;
    }
}
