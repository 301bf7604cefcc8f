package io.longnam.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.longnam.kms.KeyAlgorithm;
import io.longnam.kms.KeyProvider;
import io.longnam.kms.Pkcs11KeyProvider;
import io.longnam.kms.SoftwareKeyProvider;
import io.longnam.testpki.PdfTools;
import io.longnam.testpki.SoftHsm;
import io.longnam.testpki.TestPki;
import io.longnam.testpki.TestTsa;
import io.longnam.testpki.TestSigningConfig;
import io.longnam.testpki.TestTsaConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PadesSealerTest {

    static final Path OUT = Path.of("target", "signing-test");

    static TestPki pki;
    static TestTsa tsa;
    static SoftwareKeyProvider software;
    static Pkcs11KeyProvider pkcs11;
    static PadesSealer sealer;
    static SignatureVerifier verifier = new SignatureVerifier();
    static Path nssDb;
    static SealKey softwareRsa;
    /** The engine {@link #sealer} uses: the lean one here, DSS in {@link PadesSealerDssTest}. */
    static TestSigningConfig engine;

    @BeforeAll
    static void setUp() throws IOException {
        Files.createDirectories(OUT);
        pki = new TestPki();
        tsa = new TestTsa(pki);
        byte[] master = new byte[32];
        new SecureRandom().nextBytes(master);
        software = new SoftwareKeyProvider(master);
        SoftHsm hsm = SoftHsm.shared();
        pkcs11 = new Pkcs11KeyProvider(hsm.library(), hsm.tokenLabel(), hsm.pin());
        sealer = new PadesSealer(TestTsaConfig.of(tsa.url()), TestSigningConfig.LEAN);
        engine = TestSigningConfig.LEAN;
        nssDb = PdfTools.nssDbTrusting(Files.createTempDirectory(OUT, "nss"), pki.root());
        softwareRsa = SealKeys.issue(software, KeyAlgorithm.RSA_2048, pki);
    }

    @AfterAll
    static void tearDown() {
        pkcs11.close();
        tsa.close();
        pki.close();
    }

    static Stream<Arguments> providersAlgorithmsLevels() {
        return Stream.of("software", "pkcs11").flatMap(p -> Stream.of(KeyAlgorithm.RSA_2048, KeyAlgorithm.EC_P256)
                .flatMap(a -> Stream.of(SignatureLevel.B_B, SignatureLevel.B_T).map(l -> Arguments.of(p, a, l))));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("providersAlgorithmsLevels")
    void sealedPdfIsValidForPopplerAndDss(String providerName, KeyAlgorithm algorithm, SignatureLevel level) throws IOException {
        KeyProvider provider = providerName.equals("software") ? software : pkcs11;
        SealKey key = SealKeys.issue(provider, algorithm, pki);

        byte[] sealed = sealer.seal(PdfTools.onePage("matrix"), key, SealRequest.invisible(level, "ออกเอกสาร", "Bangkok"));

        Path file = OUT.resolve("sealed-" + providerName + "-" + algorithm + "-" + level + ".pdf");
        Files.write(file, sealed);
        String pdfsig = PdfTools.pdfsig(nssDb, file);
        assertThat(pdfsig).contains("Signature is Valid").contains("Certificate is Trusted")
                .contains("ETSI.CAdES.detached");
        VerificationReport report = verifier.verify(sealed, List.of(pki.root()));
        assertThat(report.valid()).as(report.toString()).isTrue();
        SignatureReport signature = report.signatures().getFirst();
        assertThat(signature.indication()).isEqualTo(SignatureIndication.TOTAL_PASSED);
        assertThat(signature.level()).isEqualTo(level);
        assertThat(signature.signer()).contains("O=Longnam Test School");
        assertThat(signature.chain()).hasSize(3);
        assertThat(signature.intact()).isTrue();
        assertThat(signature.trusted()).isTrue();
        assertThat(signature.coversWholeDocument()).isTrue();
        if (level == SignatureLevel.B_T) {
            assertThat(signature.timestamp()).isNotNull();
            assertThat(signature.timestamp().valid()).isTrue();
        } else {
            assertThat(signature.timestamp()).isNull();
        }
    }

    @ParameterizedTest
    @MethodSource("longTermLevels")
    void longTermLevelsCarryValidationDataAndAreReportedAsSuch(SignatureLevel level) throws IOException {
        byte[] sealed = sealer.seal(PdfTools.onePage("long term"), softwareRsa,
                SealRequest.invisible(level, "archive", "Bangkok"));
        Files.write(OUT.resolve("sealed-" + level + ".pdf"), sealed);

        VerificationReport report = verifier.verify(sealed, List.of(pki.root()));

        assertThat(report.valid()).as(report.toString()).isTrue();
        assertThat(report.signatures().getFirst().level()).isEqualTo(level);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).contains("/DSS");
        assertThat(PdfTools.pdfsig(nssDb, OUT.resolve("sealed-" + level + ".pdf"))).contains("Signature is Valid");
    }

    static Stream<SignatureLevel> longTermLevels() {
        return Stream.of(SignatureLevel.B_LT, SignatureLevel.B_LTA);
    }

    @Test
    void timestampTokenInTheSignatureVerifiesWithOpenssl() throws Exception {
        byte[] sealed = sealer.seal(PdfTools.onePage("tst"), softwareRsa,
                SealRequest.invisible(SignatureLevel.B_T, "tst", "Bangkok"));
        SignerInformation signer = firstSigner(sealed);
        var attribute = signer.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        byte[] token = attribute.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded("DER");

        Path dir = Files.createTempDirectory(OUT, "tst");
        Files.write(dir.resolve("token.tst"), token);
        Files.write(dir.resolve("signature-value.bin"), signer.getSignature());
        Files.writeString(dir.resolve("ca.pem"), io.longnam.testpki.TestPki.pem(List.of(pki.issuingCa(), pki.root())));

        String out = PdfTools.run(List.of("openssl", "ts", "-verify", "-token_in", "-in", dir.resolve("token.tst").toString(),
                "-data", dir.resolve("signature-value.bin").toString(), "-CAfile", dir.resolve("ca.pem").toString()));
        assertThat(out).contains("Verification: OK");
    }

    @Test
    void alteringOneSignedByteMakesTheSignatureInvalid() {
        byte[] sealed = sealer.seal(PdfTools.onePage("Original title"), softwareRsa,
                SealRequest.invisible(SignatureLevel.B_B, "tamper", "Bangkok"));
        int at = new String(sealed, StandardCharsets.ISO_8859_1).indexOf("Original title");
        assertThat(at).isPositive();
        sealed[at] = 'X';

        VerificationReport report = verifier.verify(sealed, List.of(pki.root()));

        assertThat(report.valid()).isFalse();
        assertThat(report.signatures()).singleElement().satisfies(s -> {
            assertThat(s.intact()).isFalse();
            assertThat(s.indication()).isEqualTo(SignatureIndication.TOTAL_FAILED);
        });
    }

    @Test
    void contentChangedAfterSigningIsNotCovered() throws IOException {
        byte[] sealed = sealer.seal(PdfTools.onePage("later edit"), softwareRsa,
                SealRequest.invisible(SignatureLevel.B_B, "edit", "Bangkok"));
        byte[] edited;
        try (PDDocument doc = Loader.loadPDF(sealed)) {
            PDPage page = doc.getPage(0);
            try (PDPageContentStream content = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, false)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 30);
                content.newLineAtOffset(72, 400);
                content.showText("PAID 1,000,000 THB");
                content.endText();
            }
            page.getCOSObject().setNeedToBeUpdated(true);
            var out = new java.io.ByteArrayOutputStream();
            doc.saveIncremental(out);
            edited = out.toByteArray();
        }
        Files.write(OUT.resolve("sealed-then-edited.pdf"), edited);

        VerificationReport report = verifier.verify(edited, List.of(pki.root()));

        assertThat(report.valid()).isFalse();
        assertThat(report.signatures()).singleElement().satisfies(s -> {
            assertThat(s.intact()).isTrue();
            assertThat(s.coversWholeDocument()).isFalse();
            // DSS's default policy only warns about the change
            assertThat(s.indication()).isEqualTo(SignatureIndication.TOTAL_PASSED);
        });
    }

    @Test
    void secondSealAddsASignatureAndKeepsTheFirstValid() throws IOException {
        SealKey other = SealKeys.issue(pkcs11, KeyAlgorithm.EC_P256, pki);
        byte[] once = sealer.seal(PdfTools.onePage("twice"), softwareRsa,
                SealRequest.invisible(SignatureLevel.B_T, "first", "Bangkok"));
        byte[] twice = sealer.seal(once, other, SealRequest.invisible(SignatureLevel.B_T, "second", "Khon Kaen"));

        assertThat(twice).startsWith(once);
        VerificationReport report = verifier.verify(twice, List.of(pki.root()));
        assertThat(report.valid()).as(report.toString()).isTrue();
        assertThat(report.signatures()).hasSize(2).allSatisfy(s -> {
            assertThat(s.indication()).isEqualTo(SignatureIndication.TOTAL_PASSED);
            assertThat(s.coversWholeDocument()).isTrue();
        });
        Path file = OUT.resolve("sealed-twice.pdf");
        Files.write(file, twice);
        String pdfsig = PdfTools.pdfsig(nssDb, file);
        assertThat(pdfsig.split("Signature is Valid", -1)).hasSize(3);
    }

    @Test
    void failingTsaGivesTsaUnavailableAndNoDocument() {
        tsa.failing(true);
        try {
            int before = tsa.requests();
            assertThatThrownBy(() -> sealer.seal(PdfTools.onePage("tsa down"), softwareRsa,
                    SealRequest.invisible(SignatureLevel.B_T, "x", "y")))
                    .isInstanceOf(TsaUnavailableException.class).hasMessageContaining(tsa.url());
            assertThat(tsa.requests()).isGreaterThan(before);
        } finally {
            tsa.failing(false);
        }
    }

    @Test
    void timestampedLevelsWithoutTsaAreRefusedNotDowngraded() {
        PadesSealer withoutTsa = new PadesSealer(TestTsaConfig.none(), engine);
        for (SignatureLevel level : List.of(SignatureLevel.B_T, SignatureLevel.B_LT, SignatureLevel.B_LTA)) {
            assertThatThrownBy(() -> withoutTsa.seal(PdfTools.onePage("no tsa"), softwareRsa,
                    SealRequest.invisible(level, "x", "y")))
                    .isInstanceOf(TsaUnavailableException.class).hasMessageContaining("no TSA is configured");
        }
        assertThat(withoutTsa.seal(PdfTools.onePage("b-b"), softwareRsa, SealRequest.invisible(SignatureLevel.B_B, "x", "y")))
                .isNotEmpty();
    }

    @Test
    void sealWithARevokedCertificateIsNotValid() {
        SealKey key = SealKeys.issue(software, KeyAlgorithm.EC_P256, pki);
        byte[] sealed = sealer.seal(PdfTools.onePage("revoked"), key, SealRequest.invisible(SignatureLevel.B_B, "x", "y"));
        pki.revoke(key.certificate());

        VerificationReport report = verifier.verify(sealed, List.of(pki.root()));

        assertThat(report.valid()).isFalse();
        assertThat(report.signatures().getFirst().indication()).isNotEqualTo(SignatureIndication.TOTAL_PASSED);
        assertThat(report.signatures().getFirst().subIndication()).contains("REVOKED");
    }

    @Test
    void documentWithoutSignaturesIsNotValid() {
        VerificationReport report = verifier.verify(PdfTools.onePage("unsigned"), List.of(pki.root()));
        assertThat(report.valid()).isFalse();
        assertThat(report.signatures()).isEmpty();
    }

    @Test
    void untrustedRootIsReportedAsNotTrusted() throws Exception {
        byte[] sealed = sealer.seal(PdfTools.onePage("other root"), softwareRsa,
                SealRequest.invisible(SignatureLevel.B_B, "x", "y"));
        try (TestPki stranger = new TestPki()) {
            VerificationReport report = verifier.verify(sealed, List.of(stranger.root()));
            assertThat(report.valid()).isFalse();
            assertThat(report.signatures().getFirst().trusted()).isFalse();
            assertThat(report.signatures().getFirst().intact()).isTrue();
        }
    }

    @Test
    void visibleThaiSealIsDrawnOnThePage() throws IOException {
        byte[] logo = TestLogo.png();
        VisibleSeal appearance = new VisibleSeal(1, 300, 620, 250, 80,
                "ประทับตราอิเล็กทรอนิกส์ โรงเรียนบ้านหนองใหญ่\nวันที่ ๒๕ พฤศจิกายน ๒๕๖๙", logo);
        byte[] sealed = sealer.seal(PdfTools.onePage("visible"), softwareRsa,
                new SealRequest(SignatureLevel.B_T, "ประทับตรา", "หนองใหญ่", appearance));

        Path file = OUT.resolve("sealed-visible-thai.pdf");
        Files.write(file, sealed);
        Path png = PdfTools.renderFirstPage(file, OUT.resolve("sealed-visible-thai"));
        assertThat(png).exists();
        assertThat(verifier.verify(sealed, List.of(pki.root())).valid()).isTrue();
        assertThat(PdfTools.pdfsig(nssDb, file)).contains("Signature is Valid");
    }

    @Test
    void approvalMarkOnASealedDocumentKeepsBothSignaturesValid() throws IOException {
        SealKey approver = SealKeys.issue(pkcs11, KeyAlgorithm.EC_P256, pki);
        byte[] sealed = sealer.seal(PdfTools.onePage("approve after seal"), softwareRsa,
                SealRequest.invisible(SignatureLevel.B_T, "ออกเอกสาร", "Bangkok"));
        ApprovalMark mark = new ApprovalMark(1, 360, 60, 170, 100, TestLogo.png(), "นางสาวสมศรี ใจดี", "หัวหน้างานวิชาการ",
                java.time.LocalDate.of(2026, 11, 29), "อนุมัติ ขั้นที่ 1", "โรงเรียนทดสอบ");

        byte[] approved = sealer.signApproval(sealed, approver, SignatureLevel.B_B, mark);

        assertThat(approved).startsWith(sealed);
        VerificationReport report = verifier.verify(approved, List.of(pki.root()));
        assertThat(report.valid()).as(report.toString()).isTrue();
        assertThat(report.signatures()).hasSize(2).allSatisfy(s -> assertThat(s.indication()).isEqualTo(SignatureIndication.TOTAL_PASSED));
        Path file = OUT.resolve("sealed-then-approved-" + engine.engine() + ".pdf");
        Files.write(file, approved);
        assertThat(PdfTools.pdfsig(nssDb, file).split("Signature is Valid", -1)).hasSize(3);
        try (PDDocument doc = Loader.loadPDF(approved)) {
            var signature = doc.getLastSignatureDictionary();
            assertThat(signature.getName()).isEqualTo("นางสาวสมศรี ใจดี");
            var widget = doc.getSignatureFields().getLast().getWidgets().getFirst();
            assertThat(widget.getRectangle().getLowerLeftX()).isEqualTo(360f);
            assertThat(widget.getRectangle().getLowerLeftY()).isEqualTo(60f);
        }
    }

    private static SignerInformation firstSigner(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            byte[] contents = doc.getSignatureDictionaries().getFirst().getContents(pdf);
            // /Contents is zero-padded to the reserved size: read only the first ASN.1 object
            try (var in = new org.bouncycastle.asn1.ASN1InputStream(contents)) {
                CMSSignedData cms = new CMSSignedData(in.readObject().getEncoded());
                return cms.getSignerInfos().getSigners().iterator().next();
            }
        }
    }
}
