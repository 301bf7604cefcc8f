package io.longnam.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.is;

import io.longnam.common.ProblemException;
import io.longnam.document.DocumentService;
import io.longnam.document.DocumentService.CurrentContent;
import io.longnam.document.DocumentStatus;
import io.longnam.document.VersionKind;
import io.longnam.identity.Caller;
import jakarta.inject.Inject;

import io.longnam.support.Api;
import io.longnam.support.Api.Tenant;
import io.longnam.support.Keys;
import io.longnam.support.SqlRecorder;
import io.longnam.support.TestPdfs;
import io.longnam.testpki.SigningFixture;
import io.longnam.testpki.SigningTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What one seal costs the database: the document and key read once, one version written, one audit row; and the
 * write refusing a version made from a document that moved or was erased while it was signed.
 */
@QuarkusTest
@QuarkusTestResource(SigningTestResource.class)
class SealStatementsTest {

    static final Caller SYSTEM = Caller.system("test");

    SigningFixture signing;
    @Inject
    DocumentService documents;

    @Test
    void aSealReadsTheDocumentAndKeyOnceAndWritesOneVersionAndOneAuditRow() {
        Tenant school = Api.school("โรงเรียนนับคำสั่ง");
        Keys.enrol(school, signing.pki(), "software", "RSA_2048");
        UUID doc = UUID.fromString(Api.upload(school, TestPdfs.onePage("count"), null).then().statusCode(201).extract().path("id"));

        List<String> sql = SqlRecorder.during(() -> school.as().contentType(ContentType.JSON).body(Map.of("level", "B-B"))
                .post("/api/v1/documents/{id}/seal", doc).then().statusCode(200));

        String all = String.join("\n", sql);
        // Before: the document was read three times (content, visibility check, refresh under lock) and the versions
        // three times (current row, max(seq), the answer's list). Now the read before signing is the only one, and
        // the write moves the row only if it is still as read.
        assertThat(count(sql, "^select .* from document d\\w* ")).as(all).isEqualTo(1);
        assertThat(count(sql, "^select .* from organization o\\w* ")).as(all).isEqualTo(1);
        assertThat(count(sql, "^select .* from document_version ")).as(all).isEqualTo(1);
        assertThat(count(sql, "^select .* from signing_key ")).as(all).isEqualTo(1);
        assertThat(count(sql, "^select data from blob ")).as(all).isEqualTo(1);
        assertThat(count(sql, "^insert into blob ")).as(all).isEqualTo(1);
        assertThat(count(sql, "^insert into document_version ")).as(all).isEqualTo(1);
        assertThat(count(sql, "^update document .*where .*current_version_id=\\?")).as("the conditional move").isEqualTo(1);
        assertThat(count(sql, "^update document ")).as(all).isEqualTo(1);
        assertThat(count(sql, "^insert into audit_event ")).as(all).isEqualTo(1);
    }

    @Test
    void aVersionMadeFromADocumentThatChangedMeanwhileIsRefusedAndAddsNothing() {
        Tenant school = Api.school("โรงเรียนเปลี่ยนระหว่างทาง");
        Keys.enrol(school, signing.pki(), "software", "RSA_2048");
        UUID doc = UUID.fromString(Api.upload(school, TestPdfs.onePage("stale"), null).then().statusCode(201).extract().path("id"));
        CurrentContent stale = documents.current(SYSTEM, doc, DocumentStatus.SEALED);
        school.as().contentType(ContentType.JSON).body(Map.of("level", "B-B"))
                .post("/api/v1/documents/{id}/seal", doc).then().statusCode(200);

        assertThatThrownBy(() -> addSealedVersion(stale))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.slug()).isEqualTo("concurrent-change");
                });
        school.as().get("/api/v1/documents/{id}", doc).then().statusCode(200).body("versions.size()", is(2));
    }

    @Test
    void aVersionForADocumentErasedMeanwhileIsRefusedAsGone() {
        Tenant school = Api.school("โรงเรียนลบระหว่างทาง");
        UUID doc = UUID.fromString(Api.upload(school, TestPdfs.onePage("erased"), null).then().statusCode(201).extract().path("id"));
        CurrentContent read = documents.current(SYSTEM, doc, DocumentStatus.SEALED);
        school.as().delete("/api/v1/documents/{id}", doc).then().statusCode(200);

        assertThatThrownBy(() -> addSealedVersion(read))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(410));
        school.as().get("/api/v1/documents/{id}", doc).then().statusCode(200).body("versions.size()", is(1));
    }

    private void addSealedVersion(CurrentContent basis) {
        documents.addVersion(SYSTEM, basis, VersionKind.SEALED, TestPdfs.onePage("made meanwhile"), "application/pdf",
                DocumentStatus.SEALED, Map.of());
    }

    private static long count(List<String> sql, String regex) {
        Pattern pattern = Pattern.compile(regex, Pattern.DOTALL);
        return sql.stream().filter(s -> pattern.matcher(s).find()).count();
    }
}
