package io.longnam.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.longnam.kms.KeyAlgorithm;
import io.longnam.kms.SoftwareKeyProvider;
import io.longnam.testpki.PdfTools;
import io.longnam.testpki.TestPki;
import io.longnam.testpki.TestSigningConfig;
import io.longnam.testpki.TestTsa;
import io.longnam.testpki.TestTsaConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the lean path does its own way: the CMS it builds, the room it reserves, the documents it refuses. */
class LeanPadesSignerTest {

    static TestPki pki;
    static TestTsa tsa;
    static SealKey key;
    static PadesSealer lean;
    static PadesSealer dss;

    @BeforeAll
    static void setUp() {
        pki = new TestPki();
        tsa = new TestTsa(pki);
        byte[] master = new byte[32];
        new SecureRandom().nextBytes(master);
        key = SealKeys.issue(new SoftwareKeyProvider(master), KeyAlgorithm.RSA_2048, pki);
        lean = new PadesSealer(TestTsaConfig.of(tsa.url()), TestSigningConfig.LEAN);
        dss = new PadesSealer(TestTsaConfig.of(tsa.url()), TestSigningConfig.DSS);
    }

    @AfterAll
    static void tearDown() {
        tsa.close();
        pki.close();
    }

    @Test
    void signedAttributesAreThoseDssPutsForPadesBaselineB() throws Exception {
        SealRequest request = SealRequest.invisible(SignatureLevel.B_B, "ออกเอกสาร", "Bangkok");
        SignerInformation ours = signer(lean.seal(PdfTools.onePage("attributes"), key, request));
        SignerInformation theirs = signer(dss.seal(PdfTools.onePage("attributes"), key, request));

        assertThat(oids(ours)).isEqualTo(oids(theirs)).contains(CMSAttributes.contentType.getId(),
                CMSAttributes.messageDigest.getId(), PKCSObjectIdentifiers.id_aa_signingCertificateV2.getId())
                .doesNotContain(CMSAttributes.signingTime.getId());
        SigningCertificateV2 signingCertificate = SigningCertificateV2.getInstance(ours.getSignedAttributes()
                .get(PKCSObjectIdentifiers.id_aa_signingCertificateV2).getAttrValues().getObjectAt(0));
        var id = signingCertificate.getCerts()[0];
        assertThat(id.getHashAlgorithm().getAlgorithm().getId()).isEqualTo("2.16.840.1.101.3.4.2.1");
        assertThat(id.getIssuerSerial().getSerial().getValue()).isEqualTo(key.certificate().getSerialNumber());
        assertThat(id.getIssuerSerial().getIssuer().getNames()[0].getTagNo()).isEqualTo(GeneralName.directoryName);
        assertThat(ours.getDigestAlgOID()).isEqualTo(theirs.getDigestAlgOID());
    }

    @Test
    void signatureDictionaryCarriesTheSigningTimeAndTheFields() throws IOException {
        byte[] sealed = lean.seal(PdfTools.onePage("fields"), key, SealRequest.invisible(SignatureLevel.B_B, "ออกเอกสาร", "ขอนแก่น"));
        try (PDDocument doc = Loader.loadPDF(sealed)) {
            PDSignature signature = doc.getLastSignatureDictionary();
            assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
            assertThat(signature.getSignDate()).isNotNull();
            assertThat(signature.getReason()).isEqualTo("ออกเอกสาร");
            assertThat(signature.getLocation()).isEqualTo("ขอนแก่น");
        }
    }

    @Test
    void signatureContainerIsSizedFromItsContent() throws Exception {
        // Until a TSA's first token has shown its size, a generous allowance is reserved for it.
        lean.seal(PdfTools.onePage("first token"), key, SealRequest.invisible(SignatureLevel.B_T, "x", "y"));
        for (SignatureLevel level : List.of(SignatureLevel.B_B, SignatureLevel.B_T)) {
            byte[] sealed = lean.seal(PdfTools.onePage("size"), key, SealRequest.invisible(level, "x", "y"));
            int reserved = reservedBytes(sealed);
            int used = cms(sealed).length;
            // B-B: only the ASN.1 length octets and a shorter issuer name than allowed for stay unused; B-T also the
            // margin for the next token.
            assertThat(reserved - used).as(level + ": reserved " + reserved + ", used " + used).isBetween(0, 1024);
            assertThat(reserved).isLessThan(PadesSealer.contentSize(key, level));
        }
    }

    @Test
    void visibleSealOnARotatedPageIsLeftToDssAndVerifies() throws IOException {
        byte[] rotated;
        try (PDDocument doc = Loader.loadPDF(PdfTools.onePage("rotated")); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.getPage(0).setRotation(90);
            doc.save(out);
            rotated = out.toByteArray();
        }
        VisibleSeal seal = new VisibleSeal(1, 72, 72, 200, 60, "ประทับตรา", null);

        byte[] sealed = lean.seal(rotated, key, new SealRequest(SignatureLevel.B_B, "x", "y", seal));

        // DSS reserves its rounded, padded size; the lean path would reserve far less.
        assertThat(reservedBytes(sealed)).isEqualTo(PadesSealer.contentSize(key, SignatureLevel.B_B));
        assertThat(new SignatureVerifier().verify(sealed, List.of(pki.root())).valid()).isTrue();
    }

    @Test
    void documentCertifiedWithoutChangesIsRefused() throws IOException {
        assertThatThrownBy(() -> lean.seal(certifiedNoChanges(), key, SealRequest.invisible(SignatureLevel.B_B, "x", "y")))
                .isInstanceOf(SealingException.class).hasMessageContaining("no changes allowed");
    }

    /** A PDF whose catalog says it is certified with DocMDP permission 1 (no changes at all). */
    private static byte[] certifiedNoChanges() throws IOException {
        try (PDDocument doc = Loader.loadPDF(PdfTools.onePage("certified")); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            COSDictionary params = new COSDictionary();
            params.setInt(COSName.P, 1);
            COSDictionary reference = new COSDictionary();
            reference.setItem(COSName.getPDFName("TransformMethod"), COSName.DOCMDP);
            reference.setItem(COSName.getPDFName("TransformParams"), params);
            COSArray references = new COSArray();
            references.add(reference);
            COSDictionary signature = new COSDictionary();
            signature.setItem(COSName.REFERENCE, references);
            COSDictionary perms = new COSDictionary();
            perms.setItem(COSName.DOCMDP, signature);
            doc.getDocumentCatalog().getCOSObject().setItem(COSName.PERMS, perms);
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static Set<String> oids(SignerInformation signer) {
        Set<String> oids = new TreeSet<>();
        for (var attribute : signer.getSignedAttributes().toASN1Structure().getAttributes()) {
            oids.add(attribute.getAttrType().getId());
        }
        return oids;
    }

    private static SignerInformation signer(byte[] pdf) throws Exception {
        return new CMSSignedData(cms(pdf)).getSignerInfos().getSigners().iterator().next();
    }

    /** The CMS in the last signature's /Contents without the zero padding after it. */
    private static byte[] cms(byte[] pdf) throws IOException {
        try (ASN1InputStream in = new ASN1InputStream(contents(pdf))) {
            return in.readObject().getEncoded("DER");
        }
    }

    private static int reservedBytes(byte[] pdf) throws IOException {
        return contents(pdf).length;
    }

    private static byte[] contents(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getLastSignatureDictionary().getContents(pdf);
        }
    }
}
