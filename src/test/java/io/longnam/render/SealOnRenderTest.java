package io.longnam.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.http.commons.CommonsDataLoader;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import io.longnam.support.Api;
import io.longnam.support.Api.Tenant;
import io.longnam.support.Sql;
import io.longnam.support.SoftwareSealKey;
import io.longnam.testpki.PdfTools;
import io.longnam.testpki.TestPki;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

@QuarkusTest
class SealOnRenderTest {

    static final Path OUT = Path.of("target/render-api");
    static TestPki pki;
    static Path nssDb;

    @Inject
    DataSource ds;

    @BeforeAll
    static void pki() throws Exception {
        pki = new TestPki();
        Files.createDirectories(OUT);
        nssDb = PdfTools.nssDbTrusting(Files.createTempDirectory(OUT, "nss"), pki.root());
    }

    @AfterAll
    static void close() {
        pki.close();
    }

    @Test
    void sealOnRenderGivesASealedDocumentThatPdfsigAcceptsAndThatStaysPdfA3() throws Exception {
        Tenant school = Api.school("โรงเรียนประทับตรา");
        SoftwareSealKey.enrol(school, pki);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("templateId", "PP2");
        body.put("data", RenderResourceTest.pp2Json());
        body.put("seal", true);
        String id = school.as().contentType(ContentType.JSON).body(body).post("/api/v1/renders").then().statusCode(201)
                .body("status", equalTo("SEALED")).body("inputFormat", equalTo("TEMPLATE_JSON"))
                .body("versions.kind", org.hamcrest.Matchers.contains("RENDERED", "SEALED")).extract().path("id");
        byte[] sealed = RenderResourceTest.file(school, id);
        Path file = OUT.resolve("sealed-pp2.pdf");
        Files.write(file, sealed);
        assertThat(PdfTools.pdfsig(nssDb, file)).contains("Signature is Valid").contains("Certificate is Trusted");
        // The issue's requirement: a PDF/A input stays valid PDF/A after sealing (the seal is an incremental update).
        PdfChecks.assertPdfA3u(sealed);
        assertThat(PdfChecks.pdftotext(sealed)).contains("เด็กหญิงใจดี มีสุข");
        school.as().get("/api/v1/documents/{id}/verification", id).then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void sealRequestedWithoutAKeyFailsBeforeAnythingIsRegistered() {
        Tenant school = Api.school("โรงเรียนไม่มีกุญแจ");
        school.as().contentType(ContentType.JSON)
                .body(Map.of("templateId", "PP2", "data", RenderResourceTest.pp2Json(), "seal", true))
                .post("/api/v1/renders").then().statusCode(409).body("type", org.hamcrest.Matchers.endsWith("no-default-key"));
        school.as().multiPart("templateId", "PP2")
                .multiPart("data", "d.xml", RenderResourceTest.pp2Xml().getBytes(StandardCharsets.UTF_8), "application/xml")
                .multiPart("options", "o.json", "{\"signEmbeddedXml\":true}".getBytes(StandardCharsets.UTF_8), "application/json")
                .post("/api/v1/renders").then().statusCode(409);
        Tenant registrar = school.withRoles("REGISTRAR");
        registrar.as().contentType(ContentType.JSON)
                .body(Map.of("templateId", "PP2", "data", RenderResourceTest.pp2Json(), "seal", true))
                .post("/api/v1/renders").then().statusCode(403);
        assertThat(Sql.count(ds, "select count(*) from document where organization_id = ?", school.orgId())).isZero();
    }

    @Test
    void embeddedXmlIsXadesSignedAndValidatesOnceExtractedFromTheSealedPdf() throws Exception {
        Tenant school = Api.school("โรงเรียนลงนามเอกซ์เอ็มแอล");
        SoftwareSealKey.enrol(school, pki);
        byte[] pdf = Samples.renderer().renderText("ระเบียนแสดงผลการเรียน ผู้ใหญ่".getBytes(StandardCharsets.UTF_8),
                RenderOptions.defaults()).pdf();
        byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><transcript xmlns=\"urn:example:etranscript\">"
                + "<studentName>เด็กหญิงใจดี มีสุข</studentName><gpax>3.47</gpax></transcript>").getBytes(StandardCharsets.UTF_8);
        String id = school.as().multiPart("file", "transcript.pdf", pdf, "application/pdf")
                .multiPart("xml", "transcript.xml", xml, "application/xml")
                .multiPart("options", "options.json", "{\"seal\":true,\"signEmbeddedXml\":true}".getBytes(StandardCharsets.UTF_8), "application/json")
                .post("/api/v1/renders").then().statusCode(201)
                .body("status", equalTo("SEALED")).body("inputFormat", equalTo("PDF_XML")).extract().path("id");
        byte[] sealed = RenderResourceTest.file(school, id);
        Files.write(OUT.resolve("sealed-pdf-xml.pdf"), sealed);
        PdfChecks.assertPdfA3u(sealed);
        assertThat(PdfTools.pdfsig(nssDb, OUT.resolve("sealed-pdf-xml.pdf"))).contains("Signature is Valid");

        byte[] signedXml = Samples.renderer().extractAttachment(sealed, "transcript.xml");
        Files.write(OUT.resolve("transcript-signed.xml"), signedXml);
        Reports reports = validateXades(signedXml);
        String sigId = reports.getSimpleReport().getFirstSignatureId();
        assertThat(reports.getSimpleReport().getSignaturesCount()).isEqualTo(1);
        assertThat(reports.getSimpleReport().getIndication(sigId)).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(reports.getDiagnosticData().getSignatureById(sigId).isSignatureIntact()).isTrue();
        assertThat(reports.getSimpleReport().getSignatureFormat(sigId).toString()).isEqualTo("XAdES-BASELINE-B");

        Document original = parse(xml);
        Document withoutSignature = parse(signedXml);
        NodeList signatures = withoutSignature.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "Signature");
        assertThat(signatures.getLength()).isEqualTo(1);
        signatures.item(0).getParentNode().removeChild(signatures.item(0));
        original.normalizeDocument();
        withoutSignature.normalizeDocument();
        assertThat(withoutSignature.getDocumentElement().isEqualNode(original.getDocumentElement()))
                .as("signed XML minus its Signature equals what was sent").isTrue();
    }

    @Test
    void signEmbeddedXmlWithJsonDataIsAFieldError() {
        Tenant school = Api.school("โรงเรียนเจสัน");
        SoftwareSealKey.enrol(school, pki);
        school.as().contentType(ContentType.JSON)
                .body(Map.of("templateId", "PP2", "data", RenderResourceTest.pp2Json(), "signEmbeddedXml", true))
                .post("/api/v1/renders").then().statusCode(400).body("errors[0].field", equalTo("signEmbeddedXml"));
    }

    static Reports validateXades(byte[] xml) {
        CommonTrustedCertificateSource anchors = new CommonTrustedCertificateSource();
        anchors.addCertificate(new CertificateToken(pki.root()));
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setTrustedCertSources(anchors);
        verifier.setCrlSource(new OnlineCRLSource(new CommonsDataLoader()));
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(xml));
        validator.setCertificateVerifier(verifier);
        return validator.validateDocument();
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }
}
