package io.longnam.signing;

import static org.hamcrest.Matchers.equalTo;

import io.longnam.support.Api;
import io.longnam.support.Api.Tenant;
import io.longnam.support.Sql;
import io.longnam.support.TestPdfs;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A platform without a time-stamp authority refuses what would need one, instead of failing every later seal. */
@QuarkusTest
@TestProfile(WithoutTsaTest.NoTsa.class)
class WithoutTsaTest {

    public static class NoTsa implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("longnam.tsa.url", "");
        }
    }

    @Inject
    DataSource ds;

    @Test
    void switchingTimestampingOnIsRefused() {
        Tenant school = Api.school("no-tsa");
        school.as().contentType(ContentType.JSON).body(Map.of("timestampEnabled", true))
                .patch("/api/v1/organizations/{id}/settings", school.orgId()).then().statusCode(422)
                .contentType("application/problem+json").body("type", equalTo("https://longnam.io/problems/tsa-not-configured"));
        school.as().get("/api/v1/organizations/{id}", school.orgId()).then().body("settings.timestampEnabled", equalTo(false));
    }

    @Test
    void timestampedSealOfAnEarlierSwitchedOnOrganisationIsA422NotARetryable503() {
        Tenant school = Api.school("no-tsa-seal");
        Sql.update(ds, "update organization set timestamp_enabled = true where id = ?", school.orgId());
        String doc = Api.upload(school, TestPdfs.onePage("x"), null).then().statusCode(201).extract().path("id");
        school.as().post("/api/v1/documents/{id}/seal", doc).then().statusCode(422)
                .body("type", equalTo("https://longnam.io/problems/tsa-not-configured"))
                .body("retryable", org.hamcrest.Matchers.nullValue());
    }
}
