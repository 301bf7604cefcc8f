package io.longnam.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.longnam.support.Api;
import io.longnam.support.Api.Tenant;
import io.longnam.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditChainTest {

    @Inject
    DataSource ds;

    @Test
    void recordsEveryStateChangeWithActorAndClientAddress() {
        Tenant school = Api.school("audit");
        UUID doc = Api.register(school, "audited");
        school.as().delete("/api/v1/documents/{id}", doc).then().statusCode(200);
        assertThat(Sql.count(ds, "select count(*) from audit_event where target_id = ? and action in ('document.registered','document.deleted') "
                + "and actor like 'apikey:ln_%' and client_ip is not null", doc.toString())).isEqualTo(2);
    }

    @Test
    void chainVerifiesUntilARowIsTampered() {
        Tenant school = Api.school("tamper");
        UUID doc = Api.register(school, "one");
        Api.register(school, "two");
        school.as().get("/api/v1/organizations/{id}/audit/verification", school.orgId()).then().statusCode(200)
                .body("valid", equalTo(true)).body("checkedEvents", greaterThanOrEqualTo(4));

        // An attacker with table-owner rights switches the guard off and rewrites history.
        Sql.update(ds, "alter table audit_event disable trigger audit_event_no_update");
        try {
            Sql.update(ds, "update audit_event set actor = 'someone-else' where target_id = ? and action = 'document.registered'",
                    doc.toString());
        } finally {
            Sql.update(ds, "alter table audit_event enable trigger audit_event_no_update");
        }

        school.as().get("/api/v1/organizations/{id}/audit/verification", school.orgId()).then().statusCode(200)
                .body("valid", equalTo(false)).body("brokenAtChainSeq", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void auditRowsCannotBeChangedOrDeleted() {
        Tenant school = Api.school("append-only");
        Api.register(school, "x");
        assertThatThrownBy(() -> Sql.update(ds, "update audit_event set actor = 'x' where organization_id = ?", school.orgId()))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> Sql.update(ds, "delete from audit_event where organization_id = ?", school.orgId()))
                .hasMessageContaining("append-only");
    }
}
