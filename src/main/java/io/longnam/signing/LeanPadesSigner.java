package io.longnam.signing;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import io.longnam.kms.KmsException;
import io.longnam.kms.ProviderContentSigner;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Calendar;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * PAdES B-B and B-T without DSS on the signing path: one PDFBox load, an incremental save for external signing, and
 * a BouncyCastle CMS SignedData (sub-filter ETSI.CAdES.detached) whose signature value the seal key's provider
 * computes. The signed attributes are those DSS puts for PAdES baseline B: content-type, message-digest,
 * signing-certificate-v2 (ESSCertIDv2, SHA-256, issuerSerial) and CMS algorithm protection, and no signing-time,
 * since PAdES carries the time in the signature dictionary's /M. For B-T the TSA's token over the signature value is
 * the unsigned attribute id-aa-signatureTimeStampToken. DSS still validates everything this makes.
 */
final class LeanPadesSigner {

    /**
     * CMS structure around the certificates and the signature value: version, algorithm identifiers, the encapsulated
     * content type, the signer identifier and the signed attributes except for the two issuer names (counted apart).
     * Measured ≈ 400 bytes for SHA-384; the rest is margin for ASN.1 length octets.
     */
    private static final int CMS_STRUCTURE = 768;
    /** What a time-stamp token is given until this TSA's first token has shown its real size. */
    private static final int FIRST_TOKEN_ALLOWANCE = 8 * 1024;
    /** Later tokens of the same TSA differ from the largest seen by a few bytes (serial, time, signature length). */
    private static final int TOKEN_MARGIN = 128;
    private static final COSName ETSI_CADES_DETACHED = COSName.getPDFName("ETSI.CAdES.detached");
    private static final DigestCalculatorProvider DIGESTS = digests();

    private final TSPSource tsp;
    private final AtomicInteger largestToken = new AtomicInteger();

    /** {@code tsp} null: no TSA configured (callers refuse B-T before this is reached). */
    LeanPadesSigner(TSPSource tsp) {
        this.tsp = tsp;
    }

    /** Where a visible signature goes and what it shows: a page (from 0), a box in page space, the image to fill it. */
    record Appearance(int pageIndex, PDRectangle box, BufferedImage image) {
    }

    /** Places a visible signature once the document is loaded (the box may depend on the page); null: invisible. */
    @FunctionalInterface
    interface Placement {
        Appearance place(PDDocument document) throws IOException;
    }

    /** What the signature dictionary says besides the signature: /Name, /Reason, /Location (each may be null). */
    record Fields(String name, String reason, String location) {
    }

    /** Thrown for inputs the lean path does not place like DSS does (rotated pages); the caller signs with DSS. */
    static final class NotHandled extends RuntimeException {
        NotHandled(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Returns {@code pdf} with one more signature as an incremental update. {@link KmsException} and
     * {@link TsaUnavailableException} come through as thrown; an unreadable PDF or one whose certification forbids
     * changes is a {@link SealingException}; {@link IllegalArgumentException} from {@code placement} as thrown.
     */
    byte[] sign(byte[] pdf, SealKey key, SignatureLevel level, Fields fields, Placement placement) {
        return sign(pdf, null, key, level, fields, placement);
    }

    /**
     * {@link #sign(byte[], SealKey, SignatureLevel, Fields, Placement)} starting from {@code loaded}, {@code pdf}
     * already parsed by the caller (null: parse it here). The signature is added to {@code loaded}, so the caller
     * must not use it afterwards except to close it.
     */
    byte[] sign(byte[] pdf, PDDocument loaded, SealKey key, SignatureLevel level, Fields fields, Placement placement) {
        if (level.needsRevocationData()) {
            throw new IllegalArgumentException(level + " is made by DSS");
        }
        int reserved = reservedSize(key, level);
        byte[] signed = attempt(pdf, loaded, key, level, fields, placement, reserved);
        if (signed == null) {
            // Only a time-stamp token larger than any earlier one can outgrow the reservation; the second attempt
            // reserves what this one needed (it asks the TSA again: the first token covers a value no PDF carries),
            // on a fresh parse, since the first attempt added its signature to the document it had.
            signed = attempt(pdf, null, key, level, fields, placement, reservedSize(key, level));
        }
        if (signed == null) {
            throw new SealingException("the signature did not fit the space reserved for it", null);
        }
        return signed;
    }

    /** The signed PDF, or null when the CMS came out larger than {@code reserved}. */
    private byte[] attempt(byte[] pdf, PDDocument loaded, SealKey key, SignatureLevel level, Fields fields,
                           Placement placement, int reserved) {
        try (PDDocument doc = loaded == null ? Loader.loadPDF(pdf) : loaded; SignatureOptions options = new SignatureOptions()) {
            refuseIfCertifiedWithoutChanges(doc);
            Appearance appearance = placement == null ? null : placement.place(doc);
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(ETSI_CADES_DETACHED);
            signature.setName(fields.name());
            signature.setReason(fields.reason());
            signature.setLocation(fields.location());
            signature.setSignDate(Calendar.getInstance());
            options.setPreferredSignatureSize(reserved);
            options.setPage(appearance == null ? 0 : appearance.pageIndex());
            doc.addSignature(signature, options);
            if (appearance != null) {
                draw(doc, signature, appearance);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * reserved + 8 * 1024);
            ExternalSigningSupport external = doc.saveIncrementalForExternalSigning(out);
            byte[] cms = cms(key, level, external.getContent());
            if (cms.length > reserved) {
                return null;
            }
            external.setSignature(cms);
            return out.toByteArray();
        } catch (IOException e) {
            throw new SealingException("sealing at " + level + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Bytes reserved for the CMS in /Contents, from what it will hold: the chain's certificates, the largest
     * signature value the key can give, the issuer name twice (signer identifier and ESSCertIDv2), the structure,
     * and for B-T the largest token this TSA has sent so far.
     */
    int reservedSize(SealKey key, SignatureLevel level) {
        int size = CMS_STRUCTURE + 2 * key.certificate().getIssuerX500Principal().getEncoded().length
                + key.chainEncodedLength() + key.maxSignatureLength();
        if (level.needsTimestamp()) {
            int token = largestToken.get();
            size += token == 0 ? FIRST_TOKEN_ALLOWANCE : token + TOKEN_MARGIN;
        }
        return size;
    }

    private byte[] cms(SealKey key, SignatureLevel level, InputStream content) throws IOException {
        try {
            X509Certificate certificate = key.certificate();
            Attribute signingCertificate = signingCertificateV2(certificate);
            DefaultSignedAttributeTableGenerator standard = new DefaultSignedAttributeTableGenerator(
                    new AttributeTable(signingCertificate));
            CMSAttributeTableGenerator withoutSigningTime = parameters -> standard.getAttributes(parameters)
                    .remove(CMSAttributes.signingTime);
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(DIGESTS)
                    .setSignedAttributeGenerator(withoutSigningTime)
                    .build(new ProviderContentSigner(key.provider(), key.keyRef(), key.algorithm()), certificate));
            generator.addCertificates(new JcaCertStore(key.chain()));
            CMSSignedData signed = generator.generate(new StreamedContent(content), false);
            if (level.needsTimestamp()) {
                signed = withSignatureTimestamp(signed);
            }
            return signed.getEncoded(ASN1Encoding.DER);
        } catch (CMSException | OperatorCreationException | CertificateEncodingException e) {
            Throwable cause = e.getCause();
            if (cause instanceof KmsException kms) {
                throw kms;
            }
            throw new SealingException("building the CMS signature failed: " + e.getMessage(), e);
        }
    }

    /** ESSCertIDv2 with SHA-256 (the default algorithm, so DER leaves it out) and the issuer and serial number. */
    private static Attribute signingCertificateV2(X509Certificate certificate) throws CertificateEncodingException {
        byte[] hash = sha256(certificate.getEncoded());
        X500Name issuer = new JcaX509CertificateHolder(certificate).getIssuer();
        BigInteger serial = certificate.getSerialNumber();
        ESSCertIDv2 id = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), hash,
                new IssuerSerial(new GeneralNames(new GeneralName(issuer)), serial));
        return new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id})));
    }

    /** B-T: the TSA's token over the SHA-256 of the signature value, as DSS requests it, in the unsigned attributes. */
    private CMSSignedData withSignatureTimestamp(CMSSignedData signed) throws IOException {
        SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
        byte[] token = tsp.getTimeStampResponse(DigestAlgorithm.SHA256, sha256(signer.getSignature())).getBytes();
        largestToken.accumulateAndGet(token.length, Math::max);
        Attribute attribute = new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                new DERSet(ASN1Primitive.fromByteArray(token)));
        SignerInformation stamped = SignerInformation.replaceUnsignedAttributes(signer, new AttributeTable(attribute));
        return CMSSignedData.replaceSigners(signed, new SignerInformationStore(stamped));
    }

    /** Fills the new signature field's widget: the box on its page and an appearance that draws the image into it. */
    private static void draw(PDDocument doc, PDSignature signature, Appearance appearance) throws IOException {
        PDSignatureField field = null;
        for (PDSignatureField candidate : doc.getSignatureFields()) {
            if (candidate.getCOSObject().getDictionaryObject(COSName.V) == signature.getCOSObject()) {
                field = candidate;
            }
        }
        if (field == null) {
            throw new IOException("PDFBox did not create the signature field");
        }
        PDRectangle box = appearance.box();
        PDAnnotationWidget widget = field.getWidgets().getFirst();
        widget.setRectangle(box);
        PDAppearanceStream stream = new PDAppearanceStream(doc);
        stream.setBBox(new PDRectangle(box.getWidth(), box.getHeight()));
        stream.setResources(new PDResources());
        PDImageXObject image = LosslessFactory.createFromImage(doc, appearance.image());
        try (PDPageContentStream content = new PDPageContentStream(doc, stream)) {
            content.drawImage(image, 0, 0, box.getWidth(), box.getHeight());
        }
        PDAppearanceDictionary dictionary = new PDAppearanceDictionary();
        dictionary.setNormalAppearance(stream);
        widget.setAppearance(dictionary);
    }

    /**
     * A certification signature with DocMDP permission 1 forbids any change, a further signature included; DSS
     * refuses to sign such a document, and so does this.
     */
    private static void refuseIfCertifiedWithoutChanges(PDDocument doc) {
        COSDictionary perms = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PERMS);
        COSDictionary certification = perms == null ? null : perms.getCOSDictionary(COSName.DOCMDP);
        COSArray references = certification == null ? null : certification.getCOSArray(COSName.REFERENCE);
        if (references == null) {
            return;
        }
        for (COSBase item : references) {
            COSBase resolved = item instanceof COSObject indirect ? indirect.getObject() : item;
            if (resolved instanceof COSDictionary reference
                    && COSName.DOCMDP.equals(reference.getCOSName(COSName.getPDFName("TransformMethod")))) {
                COSDictionary params = reference.getCOSDictionary(COSName.getPDFName("TransformParams"));
                if (params != null && params.getInt(COSName.P, 2) == 1) {
                    throw new SealingException("the document is certified with no changes allowed", null);
                }
            }
        }
    }

    /** The byte ranges PDFBox hands out, digested by the CMS generator as they stream by (never held in memory twice). */
    private record StreamedContent(InputStream in) implements CMSTypedData {
        @Override
        public org.bouncycastle.asn1.ASN1ObjectIdentifier getContentType() {
            return CMSObjectIdentifiers.data;
        }

        @Override
        public void write(OutputStream out) throws IOException {
            in.transferTo(out);
        }

        @Override
        public Object getContent() {
            return in;
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static DigestCalculatorProvider digests() {
        try {
            return new JcaDigestCalculatorProviderBuilder().build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("BouncyCastle's JCA digest provider cannot be built", e);
        }
    }
}
