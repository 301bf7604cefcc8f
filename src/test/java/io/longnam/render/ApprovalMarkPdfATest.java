package io.longnam.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.longnam.kms.CertificateChains;
import io.longnam.kms.Csr;
import io.longnam.kms.GeneratedKey;
import io.longnam.kms.KeyAlgorithm;
import io.longnam.kms.SoftwareKeyProvider;
import io.longnam.signing.ApprovalMark;
import io.longnam.signing.PadesSealer;
import io.longnam.signing.SealKey;
import io.longnam.signing.SealRequest;
import io.longnam.signing.SignatureLevel;
import io.longnam.signing.VisibleSeal;
import io.longnam.testpki.TestPki;
import io.longnam.testpki.TestSigningConfig;
import io.longnam.testpki.TestTsaConfig;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The approval mark is transparent where PDF/A allows it and keeps the document's PDF/A conformance either way. */
class ApprovalMarkPdfATest {

    static TestPki pki;
    static PadesSealer sealer;
    static SealKey key;

    @BeforeAll
    static void setUp() {
        pki = new TestPki();
        byte[] master = new byte[32];
        new SecureRandom().nextBytes(master);
        SoftwareKeyProvider software = new SoftwareKeyProvider(master);
        GeneratedKey generated = software.generate("approver", KeyAlgorithm.EC_P256);
        String csr = Csr.pkcs10Pem(software, generated.keyRef(), KeyAlgorithm.EC_P256, "CN=นางสาวสมศรี ใจดี,O=โรงเรียนทดสอบ,C=TH");
        key = new SealKey(software, generated.keyRef(), KeyAlgorithm.EC_P256,
                CertificateChains.forKey(pki.chainPem(pki.issueSeal(csr)), generated.publicKey(), Instant.now()));
        sealer = new PadesSealer(TestTsaConfig.none(), TestSigningConfig.LEAN);
    }

    @AfterAll
    static void tearDown() {
        pki.close();
    }

    @Test
    void aPdfA3LetterStaysPdfA3WithATransparentMark() throws IOException {
        byte[] letter = Samples.renderer().render(LetterTemplate.ID, Samples.letter(), Samples.options()).pdf();

        byte[] approved = sealer.signApproval(letter, key, SignatureLevel.B_B, mark());

        PdfChecks.assertPdfA3u(approved);
        assertThat(markImages(approved)).isNotEmpty().allSatisfy(i -> assertThat(i.getCOSObject().containsKey(COSName.SMASK))
                .as("soft mask of the mark's image").isTrue());
    }

    @Test
    void aPdfA3LetterStaysPdfA3WithAVisibleSeal() {
        byte[] letter = Samples.renderer().render(LetterTemplate.ID, Samples.letter(), Samples.options()).pdf();

        byte[] sealed = sealer.seal(letter, key, new SealRequest(SignatureLevel.B_B, "ประทับตรา", "โรงเรียนทดสอบ",
                new VisibleSeal(1, 300, 700, 250, 80, "ประทับตราอิเล็กทรอนิกส์ โรงเรียนทดสอบ", null)));

        PdfChecks.assertPdfA3u(sealed);
    }

    @Test
    void aPdfA1DocumentGetsAnOpaqueMark() throws IOException {
        byte[] approved = sealer.signApproval(claimingPdfA1(), key, SignatureLevel.B_B, mark());

        assertThat(markImages(approved)).isNotEmpty().allSatisfy(i -> assertThat(i.getCOSObject().containsKey(COSName.SMASK))
                .as("soft mask of the mark's image").isFalse());
    }

    private static ApprovalMark mark() throws IOException {
        BufferedImage ink = new BufferedImage(300, 120, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = ink.createGraphics();
        g.setColor(new Color(0x10, 0x40, 0xe0));
        g.setStroke(new BasicStroke(8f));
        g.drawArc(20, 20, 260, 80, 10, 160);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(ink, "png", png);
        return new ApprovalMark(1, 360, 60, 170, 100, png.toByteArray(), "นางสาวสมศรี ใจดี", "หัวหน้างานวิชาการ",
                LocalDate.of(2026, 11, 29), "อนุมัติ ขั้นที่ 1 — หัวหน้างานวิชาการ", "โรงเรียนทดสอบ");
    }

    /** A one-page PDF whose XMP metadata declares PDF/A-1b: PDF/A-1 forbids the soft mask transparency needs. */
    private static byte[] claimingPdfA1() throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage(PDRectangle.A4));
            PDMetadata metadata = new PDMetadata(doc);
            metadata.importXMPMetadata(("""
                    <?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
                    <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                    <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
                    <pdfaid:part>1</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance></rdf:Description>
                    </rdf:RDF></x:xmpmeta><?xpacket end="w"?>""").getBytes(StandardCharsets.UTF_8));
            doc.getDocumentCatalog().setMetadata(metadata);
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** The images drawn by the signature fields' appearances. */
    private static List<PDImageXObject> markImages(byte[] pdf) throws IOException {
        List<PDImageXObject> images = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDField field : doc.getDocumentCatalog().getAcroForm().getFieldTree()) {
                if (field instanceof PDSignatureField signature) {
                    for (var widget : signature.getWidgets()) {
                        collect(widget.getNormalAppearanceStream().getResources(), images);
                    }
                }
            }
            return images;
        }
    }

    private static void collect(PDResources resources, List<PDImageXObject> images) throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDImageXObject image) {
                images.add(image);
            } else if (x instanceof PDFormXObject form) {
                collect(form.getResources(), images);
            }
        }
    }
}
