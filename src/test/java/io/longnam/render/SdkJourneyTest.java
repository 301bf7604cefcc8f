package io.longnam.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.longnam.sdk.ApiClient;
import io.longnam.sdk.ApiException;
import io.longnam.sdk.api.ApiKeysApi;
import io.longnam.sdk.api.BulkJobsApi;
import io.longnam.sdk.api.DocumentsApi;
import io.longnam.sdk.api.DownloadLinksApi;
import io.longnam.sdk.api.OrganizationsApi;
import io.longnam.sdk.api.RendersApi;
import io.longnam.sdk.api.SigningApi;
import io.longnam.sdk.api.SigningKeysApi;
import io.longnam.sdk.api.UsersApi;
import io.longnam.sdk.model.CreateApiKey;
import io.longnam.sdk.model.CreateOrganization;
import io.longnam.sdk.model.DocumentView;
import io.longnam.sdk.model.EnrolKey;
import io.longnam.sdk.model.IssuedApiKey;
import io.longnam.sdk.model.JobView;
import io.longnam.sdk.model.KeyAlgorithm;
import io.longnam.sdk.model.LinkView;
import io.longnam.sdk.model.Me;
import io.longnam.sdk.model.OrganizationView;
import io.longnam.sdk.model.PageDocumentView;
import io.longnam.sdk.model.Problem;
import io.longnam.sdk.model.RenderRequest;
import io.longnam.sdk.model.Role;
import io.longnam.sdk.model.SigningKeyView;
import io.longnam.sdk.model.VerificationReport;
import io.longnam.support.Api;
import io.longnam.support.TestPdfs;
import io.longnam.testpki.SigningFixture;
import io.longnam.testpki.SigningTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The contract is the product: an integrator's whole job done only through the Java client generated from
 * openapi/openapi.yaml (profile {@code sdk}), no hand-written HTTP. If a body, part, answer or error is mistyped in
 * the contract, the generated client cannot do its step and this test fails.
 */
@QuarkusTest
@QuarkusTestResource(SigningTestResource.class)
class SdkJourneyTest {

    SigningFixture signing;

    @TestHTTPResource("/")
    URI base;

    private ApiClient client(String key) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(base.toString().replaceAll("/$", ""));
        if (key != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + key));
        }
        return client;
    }

    @Test
    void integratorRegistersRendersSealsDeliversAndVerifiesThroughTheGeneratedClient() throws Exception {
        ApiClient platform = client(Api.PLATFORM_KEY);
        OrganizationView school = new OrganizationsApi(platform).createOrganization(new CreateOrganization()
                .name("โรงเรียนเอสดีเค").code("sdk-" + System.nanoTime()));
        IssuedApiKey issued = new ApiKeysApi(platform).createApiKey(school.getId(),
                new CreateApiKey().name("ระบบทะเบียน").roles(Set.of(Role.ORG_ADMIN)));
        ApiClient key = client(issued.getKey());

        Me me = new UsersApi(key).getMe();
        assertThat(me.getApiKeyId()).isEqualTo(issued.getId());
        assertThat(me.getOrganizationId()).isEqualTo(school.getId());
        assertThat(me.getOrganizationName()).isEqualTo("โรงเรียนเอสดีเค");

        DocumentsApi documents = new DocumentsApi(key);
        // Thai as it is, not \\u escapes, in a multipart text part: the sdk profile's template sends those as UTF-8.
        String metadata = key.getObjectMapper().writeValueAsString(Map.of("title", "ระเบียน", "labels", List.of("ปีการศึกษา2569")));
        assertThat(metadata).contains("ระเบียน");
        DocumentView registered = documents.registerDocument(file("doc.pdf", TestPdfs.onePage("sdk transcript")), null, metadata);
        assertThat(registered.getTitle()).isEqualTo("ระเบียน");
        assertThat(registered.getLabels()).containsExactly("ปีการศึกษา2569");

        // Plain text parts too: a job's labels and reason arrive as sent.
        String table = "certificateNumber,schoolName,level,studentName,studentId,nationalId,birthDate,directorName\n"
                + "ปพ2-1,โรงเรียนเอสดีเค,มัธยมศึกษาปีที่ 3,เด็กหญิงใจดี มีสุข,10001,1101700230001,2553-05-01,นายผู้อำนวยการ\n";
        JobView job = new BulkJobsApi(key).submitJobFromFile(file("pp2.csv", table.getBytes(StandardCharsets.UTF_8)), "PP2",
                null, null, null, null, "รับรองผลการเรียน", null, null, null, "ปีการศึกษา2569,ชั้นมัธยม");
        assertThat(job.getOptions().getLabels()).containsExactly("ปีการศึกษา2569", "ชั้นมัธยม");
        assertThat(job.getOptions().getReason()).isEqualTo("รับรองผลการเรียน");

        RendersApi renders = new RendersApi(key);
        DocumentView pp2 = renders.createRender(new RenderRequest().templateId("PP2").data(RenderResourceTest.pp2Json()), null);
        assertThat(pp2.getDocumentType().getValue()).isEqualTo("PP2");
        DocumentView docx = renders.createRenderFromFiles(file("t.docx", InputsTest.docxTemplate()),
                file("d.json", "{\"title\": \"หนังสือรับรอง\", \"studentName\": \"เด็กหญิงใจดี มีสุข\", \"courses\": []}"
                        .getBytes(StandardCharsets.UTF_8)), null, null);
        assertThat(docx.getInputFormat().getValue()).isEqualTo("DOCX_JSON");

        PageDocumentView first = documents.listDocuments(null, null, null, null, 2, null, null, null, null);
        assertThat(first.getItems()).hasSize(2);
        PageDocumentView second = documents.listDocuments(null, null, first.getNextCursor(), null, 2, null, null, null, null);
        assertThat(second.getItems()).extracting(DocumentView::getId).doesNotContainAnyElementsOf(
                first.getItems().stream().map(DocumentView::getId).toList());

        LinkView link = new DownloadLinksApi(key).createLink(registered.getId(), null);
        File delivered = new DownloadLinksApi(client(null)).downloadByLink(link.getToken(), null);
        assertThat(Files.readAllBytes(delivered.toPath())).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));

        SigningKeysApi keys = new SigningKeysApi(key);
        SigningKeyView enrolled = keys.createSigningKey(school.getId(), new EnrolKey().alias("ตราโรงเรียน")
                .algorithm(KeyAlgorithm.RSA_2048).provider(EnrolKey.ProviderEnum.SOFTWARE)
                .subject("CN=โรงเรียนเอสดีเค,O=Longnam Test School,C=TH"));
        String chain = signing.pki().chainPem(signing.pki().issueSeal(enrolled.getCsr()));
        keys.uploadCertificateChainPem(enrolled.getId(), school.getId(), chain);

        DocumentView sealed = new SigningApi(key).sealDocument(registered.getId(), null);
        assertThat(sealed.getStatus().getValue()).isEqualTo("SEALED");
        File signedPdf = documents.downloadDocumentFile(registered.getId(), null, null);
        VerificationReport report = new SigningApi(client(null)).verifyDocument(signedPdf);
        assertThat(report.getValid()).isTrue();

        ApiException missing = catchThrowableOfType(ApiException.class, () -> documents.getDocument(UUID.randomUUID()));
        assertThat(missing.getCode()).isEqualTo(404);
        Problem problem = key.getObjectMapper().readValue(missing.getResponseBody(), Problem.class);
        assertThat(problem.getStatus()).isEqualTo(404);
        assertThat(problem.getType().toString()).endsWith("/not-found");
        assertThat(problem.getRequestId()).isNotBlank();
    }

    private static File file(String name, byte[] content) throws Exception {
        Path dir = Files.createTempDirectory("sdk");
        Path file = dir.resolve(name);
        Files.write(file, content);
        file.toFile().deleteOnExit();
        return file.toFile();
    }
}
