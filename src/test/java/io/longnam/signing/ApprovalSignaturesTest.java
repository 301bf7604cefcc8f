package io.longnam.signing;

import static org.assertj.core.api.Assertions.assertThat;

import io.longnam.kms.SigningKeyService;
import io.longnam.support.Api;
import io.longnam.support.Api.Tenant;
import io.longnam.support.Keys;
import io.longnam.support.People;
import io.longnam.support.People.Person;
import io.longnam.testoidc.KeycloakTestResource;
import io.longnam.testpki.PdfTools;
import io.longnam.testpki.SigningFixture;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.junit.jupiter.api.Test;

/**
 * A document approved by three people — two with their own keys (one on the HSM, one in software), one without, whose
 * approval is made with the organisation's key on their behalf — and then sealed: every signature stays valid for
 * poppler and DSS, and each mark shows where it was placed. Run with -Dsigning.updateReference=true to rewrite the
 * reference page after an intended change of the mark's layout, then look at it before committing.
 */
@QuarkusTest
@QuarkusTestResource(value = KeycloakTestResource.class, restrictToAnnotatedClass = true)
class ApprovalSignaturesTest {

    static final Path OUT = Path.of("target", "approval-signatures");
    static final String REFERENCE = "reference/approval-signatures.png";
    /** Mean absolute grey-level difference (0-255) tolerated, as for the rendered forms' references. */
    static final double TOLERANCE = 1.5;
    static final float PAGE_HEIGHT = PDRectangle.A4.getHeight();
    static final LocalDate DATE = LocalDate.of(2026, 11, 29);
    /** The strokes of the test signature images: a blue no text or page content uses. */
    static final Color STROKE = new Color(0x10, 0x40, 0xe0);
    static final float GREY = 0.85f;

    record Box(float x, float y, float width, float height) {
    }

    /** Boxes from the page's bottom-left, as workflow placements are given; the third lies on a grey band. */
    static final List<Box> BOXES = List.of(new Box(50, 50, 160, 100), new Box(220, 50, 160, 100),
            new Box(390, 50, 160, 100));
    static final Box GREY_BAND = new Box(380, 40, 190, 120);
    static final List<String> SIGNERS = List.of("นางสาวสมศรี ใจดี", "นายประสิทธิ์ มั่นคง", "นายวิชัย ไม่มีกุญแจ");
    static final List<String> POSITIONS = List.of("หัวหน้างานวิชาการ", "รองผู้อำนวยการ", "ผู้อำนวยการโรงเรียน");

    private static byte[] signed;

    SigningFixture signing;
    @Inject
    PadesSealer sealer;
    @Inject
    SigningKeyService keys;
    @Inject
    SignatureVerifier verifier;

    @Test
    void popplerFindsThreeApprovalsAndTheSealValid() throws IOException {
        Path pdf = Files.write(OUT.resolve("approved.pdf"), chain());
        String report = PdfTools.pdfsig(PdfTools.nssDbTrusting(Files.createTempDirectory(OUT, "nss"), signing.pki().root()), pdf);

        List<String> signatures = List.of(report.split("Signature #")).subList(1, 5);
        assertThat(report).as(report).doesNotContain("Signature #5");
        assertThat(signatures).as(report).allSatisfy(s -> assertThat(s).contains("Signature is Valid."));
        assertThat(signatures.subList(0, 3)).as(report).noneSatisfy(s -> assertThat(s).contains("Total document signed"));
        assertThat(signatures.get(3)).as(report).contains("Total document signed");
        assertThat(commonName(signatures.get(0))).isEqualTo(SIGNERS.get(0));
        assertThat(commonName(signatures.get(1))).isEqualTo(SIGNERS.get(1));
        assertThat(commonName(signatures.get(2))).startsWith("ตราประทับ");
    }

    @Test
    void dssFindsEverySignatureIntactAndTrusted() {
        VerificationReport report = verifier.verify(chain(), List.of(signing.pki().root()));

        assertThat(report.signatures()).hasSize(4);
        assertThat(report.signatures()).allSatisfy(s -> {
            assertThat(s.intact()).isTrue();
            assertThat(s.indication()).as(s.toString()).isEqualTo(SignatureIndication.TOTAL_PASSED);
            assertThat(s.coversWholeDocument()).isTrue();
        });
        assertThat(report.valid()).isTrue();
        assertThat(report.signatures()).extracting(SignatureReport::signer).anySatisfy(d -> assertThat(d).contains(SIGNERS.get(0)))
                .anySatisfy(d -> assertThat(d).contains(SIGNERS.get(1)))
                .noneSatisfy(d -> assertThat(d).contains(SIGNERS.get(2)));
    }

    @Test
    void eachApprovalNamesItsSignerAndStepAndNoneCertifies() throws IOException {
        try (PDDocument doc = Loader.loadPDF(chain())) {
            List<PDSignature> signatures = doc.getSignatureDictionaries();
            assertThat(signatures).hasSize(4);
            for (int i = 0; i < 3; i++) {
                assertThat(signatures.get(i).getName()).isEqualTo(SIGNERS.get(i));
                assertThat(signatures.get(i).getReason()).isEqualTo(reason(i));
                assertThat(signatures.get(i).getCOSObject().containsKey(COSName.REFERENCE)).as("DocMDP reference").isFalse();
            }
            assertThat(doc.getDocumentCatalog().getCOSObject().containsKey(COSName.PERMS)).isFalse();
        }
    }

    @Test
    void eachBoxShowsTheSignatureInkAboveTheText() throws IOException {
        BufferedImage page = page72dpi(chain());
        for (Box box : BOXES) {
            int top = Math.round(PAGE_HEIGHT - box.y() - box.height());
            int bottom = Math.round(PAGE_HEIGHT - box.y());
            int[] strokeRows = rows(page, box, top, bottom, ApprovalSignaturesTest::isStroke);
            int[] textRows = rows(page, box, top, bottom, ApprovalSignaturesTest::isText);
            assertThat(strokeRows[2]).as("ink pixels in " + box).isGreaterThan(150);
            assertThat(textRows[2]).as("text pixels in " + box).isGreaterThan(150);
            assertThat(strokeRows[1]).as("lowest ink row of " + box + " above its first text row").isLessThan(textRows[0]);
            assertThat(textRows[1] - textRows[0]).as("three lines of text in " + box).isGreaterThan(30);
        }
    }

    @Test
    void aBoxAtY50LiesAtTheBottomOfThePage() throws IOException {
        BufferedImage page = page72dpi(chain());
        Box first = BOXES.getFirst();
        Box mirrored = new Box(first.x(), PAGE_HEIGHT - first.y() - first.height(), first.width(), first.height());
        int bottomRow = Math.round(PAGE_HEIGHT - first.y());
        int topRow = Math.round(PAGE_HEIGHT - first.y() - first.height());

        assertThat(count(page, first, topRow, bottomRow, ApprovalSignaturesTest::isStroke)).isGreaterThan(60);
        assertThat(count(page, first, bottomRow, page.getHeight(), ApprovalSignaturesTest::isText)).isZero();
        assertThat(count(page, mirrored, Math.round(first.y()), Math.round(first.y() + first.height()),
                p -> isStroke(p) || isText(p))).isZero();
    }

    @Test
    void thePageShowsThroughTheMark() throws IOException {
        BufferedImage page = page72dpi(chain());
        Box third = BOXES.get(2);
        int top = Math.round(PAGE_HEIGHT - third.y() - third.height());
        int grey = Math.round(GREY * 255);
        // The box's top corners hold no ink: what shows there is the grey band drawn on the page before signing.
        for (int[] xy : new int[][] {{Math.round(third.x()) + 2, top + 2}, {Math.round(third.x() + third.width()) - 3, top + 2}}) {
            int rgb = page.getRGB(xy[0], xy[1]);
            assertThat(List.of((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff)).as("pixel at " + xy[0] + "," + xy[1])
                    .allSatisfy(c -> assertThat(c).isBetween(grey - 6, grey + 6));
        }
    }

    @Test
    void signedPageLooksLikeTheReviewedReference() throws IOException {
        byte[] png = png(page72dpi(chain()));
        Files.write(OUT.resolve("approval-signatures.png"), png);
        if (Boolean.getBoolean("signing.updateReference")) {
            Files.write(Path.of("src/test/resources", REFERENCE), png);
            return;
        }
        BufferedImage expected;
        try (var in = ApprovalSignaturesTest.class.getClassLoader().getResourceAsStream(REFERENCE)) {
            assertThat(in).as(REFERENCE).isNotNull();
            expected = ImageIO.read(in);
        }
        assertThat(meanDifference(expected, ImageIO.read(new ByteArrayInputStream(png)))).isLessThan(TOLERANCE);
    }

    /** The approved and sealed document, made once for all the checks above. */
    private synchronized byte[] chain() {
        if (signed != null) {
            return signed;
        }
        try {
            Files.createDirectories(OUT);
            Tenant school = Api.school("โรงเรียนสายอนุมัติ");
            Keys.enrol(school, signing.pki(), "software", "RSA_2048");
            List<SealKey> signerKeys = new ArrayList<>();
            Person hsmSigner = People.person(SIGNERS.get(0));
            UUID hsmUser = UUID.fromString(People.activated(school, hsmSigner, "SIGNER"));
            Keys.enrolPersonal(hsmSigner, signing.pki(), "pkcs11", "RSA_2048");
            signerKeys.add(keys.personalKey(hsmUser).orElseThrow());
            Person softwareSigner = People.person(SIGNERS.get(1));
            UUID softwareUser = UUID.fromString(People.activated(school, softwareSigner, "SIGNER"));
            Keys.enrolPersonal(softwareSigner, signing.pki(), "software", "EC_P256");
            signerKeys.add(keys.personalKey(softwareUser).orElseThrow());
            Person keyless = People.person(SIGNERS.get(2));
            UUID keylessUser = UUID.fromString(People.activated(school, keyless, "SIGNER"));
            assertThat(keys.personalKey(keylessUser)).isEmpty();
            signerKeys.add(keys.sealKey(school.orgId(), null));

            byte[] pdf = input();
            List<SignatureLevel> levels = List.of(SignatureLevel.B_B, SignatureLevel.B_T, SignatureLevel.B_B);
            for (int i = 0; i < 3; i++) {
                Box b = BOXES.get(i);
                pdf = sealer.signApproval(pdf, signerKeys.get(i), levels.get(i), new ApprovalMark(1, b.x(), b.y(),
                        b.width(), b.height(), signatureImage(i), SIGNERS.get(i), POSITIONS.get(i), DATE, reason(i),
                        "โรงเรียนสายอนุมัติ"));
            }
            signed = sealer.seal(pdf, keys.sealKey(school.orgId(), null),
                    SealRequest.invisible(SignatureLevel.B_T, "ประทับตราโรงเรียน", "โรงเรียนสายอนุมัติ"));
            return signed;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String reason(int step) {
        return "อนุมัติ ขั้นที่ " + (step + 1) + " — " + POSITIONS.get(step);
    }

    /** An A4 page with a heading (clear of the first box's mirror image) and, under the third box, a grey band that must stay visible through the mark. */
    private static byte[] input() throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.setNonStrokingColor(GREY, GREY, GREY);
                content.addRect(GREY_BAND.x(), GREY_BAND.y(), GREY_BAND.width(), GREY_BAND.height());
                content.fill();
                content.setNonStrokingColor(0f, 0f, 0f);
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 16);
                content.newLineAtOffset(240, 770);
                content.showText("Approval chain test document");
                content.endText();
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** A transparent PNG with a pen-like flourish, different for each signer. */
    private static byte[] signatureImage(int signer) throws IOException {
        BufferedImage image = new BufferedImage(400, 160, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(STROKE);
        g.setStroke(new BasicStroke(9f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D path = new Path2D.Float();
        path.moveTo(20, 120);
        path.curveTo(80, 10 + 20 * signer, 120, 150, 170, 60);
        path.curveTo(210, 0, 260, 140 - 20 * signer, 300, 70);
        path.curveTo(330, 30, 360, 110, 385, 40);
        g.draw(path);
        g.drawLine(40, 140, 360, 135 - 5 * signer);
        g.dispose();
        return png(image);
    }

    private static BufferedImage page72dpi(byte[] pdf) throws IOException {
        Path dir = Files.createTempDirectory(OUT, "page");
        Path in = Files.write(dir.resolve("in.pdf"), pdf);
        PdfTools.run(List.of("pdftoppm", "-r", "72", "-png", "-f", "1", "-l", "1", "-singlefile", in.toString(),
                dir.resolve("page").toString()));
        return ImageIO.read(dir.resolve("page.png").toFile());
    }

    /**
     * The strokes' blue: blue exceeds red by 208 at full cover and by that share of it where antialiased, while the
     * text's navy never exceeds red by more than 100.
     */
    private static boolean isStroke(int rgb) {
        return (rgb & 0xff) - ((rgb >> 16) & 0xff) > 120;
    }

    private static boolean isText(int rgb) {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        return r < 140 && g < 140 && b < 190 && !isStroke(rgb);
    }

    /** Pixels matching {@code test} in the box's columns between two rows (72 dpi: one pixel per point). */
    private static int count(BufferedImage page, Box box, int fromRow, int toRow, java.util.function.IntPredicate test) {
        int n = 0;
        for (int y = Math.max(0, fromRow); y < Math.min(page.getHeight(), toRow); y++) {
            for (int x = Math.round(box.x()); x < Math.round(box.x() + box.width()); x++) {
                if (test.test(page.getRGB(x, y))) {
                    n++;
                }
            }
        }
        return n;
    }

    /**
     * First row, last row and number of the pixels matching {@code test} in the box's columns between two rows. Rows
     * with fewer than five such pixels do not count as first or last: resampling leaves a few dark pixels along the
     * strokes' edges.
     */
    private static int[] rows(BufferedImage page, Box box, int fromRow, int toRow, java.util.function.IntPredicate test) {
        int first = Integer.MAX_VALUE;
        int last = -1;
        int n = 0;
        for (int y = fromRow; y < toRow; y++) {
            int inRow = 0;
            for (int x = Math.round(box.x()); x < Math.round(box.x() + box.width()); x++) {
                if (test.test(page.getRGB(x, y))) {
                    inRow++;
                }
            }
            if (inRow >= 5) {
                first = Math.min(first, y);
                last = y;
            }
            n += inRow;
        }
        return new int[] {first, last, n};
    }

    private static String commonName(String pdfsigSection) {
        Matcher m = Pattern.compile("Signer Certificate Common Name: (.*)").matcher(pdfsigSection);
        assertThat(m.find()).as(pdfsigSection).isTrue();
        return m.group(1).strip();
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static double meanDifference(BufferedImage a, BufferedImage b) {
        assertThat(b.getWidth()).isEqualTo(a.getWidth());
        assertThat(b.getHeight()).isEqualTo(a.getHeight());
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                sum += Math.abs(grey(a.getRGB(x, y)) - grey(b.getRGB(x, y)));
            }
        }
        return (double) sum / (a.getWidth() * (long) a.getHeight());
    }

    private static int grey(int rgb) {
        return (((rgb >> 16) & 0xff) * 299 + ((rgb >> 8) & 0xff) * 587 + (rgb & 0xff) * 114) / 1000;
    }
}
