package io.longnam.signing;

import static org.assertj.core.api.Assertions.assertThat;

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

/** What one seal costs the database: the document and key read once, one version written, one audit row. */
@QuarkusTest
@QuarkusTestResource(SigningTestResource.class)
class SealStatementsTest {

    SigningFixture signing;

    @Test
    void aSealReadsTheDocumentAndKeyOnceAndWritesOneVersionAndOneAuditRow() {
        Tenant school = Api.school("โรงเรียนนับคำสั่ง");
        Keys.enrol(school, signing.pki(), "software", "RSA_2048");
        UUID doc = UUID.fromString(Api.upload(school, TestPdfs.onePage("count"), null).then().statusCode(201).extract().path("id"));

        List<String> sql = SqlRecorder.during(() -> school.as().contentType(ContentType.JSON).body(Map.of("level", "B-B"))
                .post("/api/v1/documents/{id}/seal", doc).then().statusCode(200));

        String all = String.join("\n", sql);
        // Before: the document was read three times (content, visibility check, refresh under lock) and the versions
        // three times (current row, max(seq), the answer's list).
        assertThat(count(sql, "^select .* from document d\\w* ")).as(all).isEqualTo(2);
        assertThat(count(sql, "^select .* from document d\\w* .*for (no key )?update")).as("the second read locks the row").isEqualTo(1);
        assertThat(count(sql, "^select .* from document_version ")).as(all).isEqualTo(2);
        assertThat(count(sql, "^select .* from signing_key ")).as(all).isEqualTo(1);
        assertThat(count(sql, "^select data from blob ")).as(all).isEqualTo(1);
        assertThat(count(sql, "^insert into blob ")).as(all).isEqualTo(1);
        assertThat(count(sql, "^insert into document_version ")).as(all).isEqualTo(1);
        assertThat(count(sql, "^update document ")).as(all).isEqualTo(1);
        assertThat(count(sql, "^insert into audit_event ")).as(all).isEqualTo(1);
    }

    private static long count(List<String> sql, String regex) {
        Pattern pattern = Pattern.compile(regex, Pattern.DOTALL);
        return sql.stream().filter(s -> pattern.matcher(s).find()).count();
    }
}
