package io.longnam.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.longnam.common.ProblemException;
import io.longnam.support.TestPdfs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

class PdfInspectorTest {

    static final PdfInspector.Limits LIMITS = new PdfInspector.Limits(2_097_152, 100_000, 1000);

    @Test
    void aPageNamed200000TimesIsRefusedWithoutWalkingIt() {
        byte[] attack = TestPdfs.pageNamedTimes(200_000);
        long start = System.nanoTime();
        assertThatThrownBy(() -> PdfInspector.inspect(attack, LIMITS)).isInstanceOfSatisfying(ProblemException.class,
                p -> assertThat(p.slug()).isEqualTo("corrupt-pdf"))
                .hasMessageContaining("same page or node more than once");
        assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds to refuse").isLessThan(2000);
    }

    @Test
    void aWellFormedTreeOverThePageLimitIsRefusedWithLimitAndFinding() {
        assertThat(PdfInspector.inspect(TestPdfs.blankPages(1000), LIMITS).pages()).isEqualTo(1000);
        assertThatThrownBy(() -> PdfInspector.inspect(TestPdfs.blankPages(1001), LIMITS))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(422);
                    assertThat(p.slug()).isEqualTo("pdf-too-complex");
                    assertThat(p.toProblem(null).any()).containsAllEntriesOf(
                            Map.of("measure", "pages", "limit", 1000L, "found", 1001L));
                });
    }

    @Test
    void objectsAndBytesAreBoundedBeforeThePagesAreWalked() {
        byte[] pdf = TestPdfs.blankPages(20);
        assertThatThrownBy(() -> PdfInspector.inspect(pdf, new PdfInspector.Limits(2_097_152, 10, 1000)))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.toProblem(null).any())
                        .containsEntry("measure", "objects").containsEntry("limit", 10L));
        assertThatThrownBy(() -> PdfInspector.inspect(pdf, new PdfInspector.Limits(100, 100_000, 1000)))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.toProblem(null).any())
                        .containsEntry("measure", "bytes").containsEntry("found", (long) pdf.length));
    }

    @Test
    void aCountThatDisagreesWithTheTreeIsRefused() throws IOException {
        byte[] lying;
        try (PDDocument doc = Loader.loadPDF(TestPdfs.blankPages(2)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.getPages().getCOSObject().setInt(COSName.COUNT, 200_000);
            doc.save(out);
            lying = out.toByteArray();
        }
        assertThatThrownBy(() -> PdfInspector.inspect(lying, LIMITS)).hasMessageContaining("declares 200000 page(s) but holds 2");
    }

    @Test
    void somethingBeforeTheHeaderMakesItNoPdf() {
        byte[] pdf = TestPdfs.onePage("polyglot");
        for (String prefix : new String[]{"<html><script>alert(1)</script></html>\n", "GIF89a\u0001\u0000\u0001\u0000\n", " "}) {
            assertThatThrownBy(() -> PdfInspector.inspect(TestPdfs.behind(prefix, pdf), LIMITS))
                    .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(415));
        }
        assertThat(PdfInspector.inspect(pdf, LIMITS).pages()).isEqualTo(1);
    }
}
