import io.longnam.render.DocxTemplate;
import io.longnam.render.RenderOptions;
import io.longnam.render.RenderResult;
import io.longnam.render.Renderer;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;

/**
 * docx + JSON → PDF/A-3 with the engine (in-process, 2 threads, warm) against LibreOffice headless converting the
 * same merged docx: one cold process per file, one process per batch, and one batch process per core in parallel.
 * Run by bench/render.sh with the project's classpath. Args: workDir [engineSeconds=10] [batch=50].
 */
public class RenderBench {

    static final String QR_URL = "https://sign.example.test/v/0123456789";

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int engineSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int threads = 2;
        Files.createDirectories(work);

        byte[] template = template();
        byte[] json = data().getBytes(StandardCharsets.UTF_8);
        Files.write(work.resolve("template.docx"), template);
        Files.write(work.resolve("data.json"), json);
        Renderer renderer = new Renderer();
        RenderOptions options = new RenderOptions(null, "ระเบียนแสดงผลการเรียน", "โรงเรียนบ้านใหญ่", QR_URL);

        // Engine: the whole docx + JSON → PDF/A-3 path (JSON parsing, merge, conversion, PDF/A-3 post-processing).
        Work render = () -> {
            RenderResult r = renderer.renderDocx(template, Renderer.parseJson(json), options);
            if (r.pdf().length < 1000) {
                throw new IllegalStateException("tiny PDF");
            }
        };
        Files.write(work.resolve("engine.pdf"), renderer.renderDocx(template, Renderer.parseJson(json), options).pdf());
        timed(threads, 10, render); // warm-up
        String load0 = load();
        double engine = timed(threads, engineSeconds, render);
        System.out.printf("engine       docx+JSON -> PDF/A-3, %d threads, %d s warm: %7.1f docs/s (%.1f ms/doc per thread)  load %s -> %s%n",
                threads, engineSeconds, engine, threads * 1000 / engine, load0, load());
        double single = timed(1, Math.max(3, engineSeconds / 2), render);
        System.out.printf("engine       1 thread: %7.1f docs/s (%.1f ms/doc)  load %s%n", single, 1000 / single, load());

        // The same merged docx for LibreOffice.
        byte[] merged = DocxTemplate.mergedDocx(template, Renderer.parseJson(json), QR_URL);
        List<Path> batchA = copies(work.resolve("in-a"), merged, batch);
        List<Path> batchB = copies(work.resolve("in-b"), merged, batch);
        Path profileA = work.resolve("lo-1");
        Path profileB = work.resolve("lo-2");
        // First start of a profile creates it (seconds); not part of any figure.
        soffice(profileA, work.resolve("out-init"), List.of(batchA.getFirst()));
        soffice(profileB, work.resolve("out-init"), List.of(batchB.getFirst()));
        Files.copy(work.resolve("out-init").resolve("doc-000.pdf"), work.resolve("libreoffice.pdf"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        int coldFiles = Math.min(10, batch);
        load0 = load();
        long t0 = System.nanoTime();
        for (int i = 0; i < coldFiles; i++) {
            soffice(profileA, work.resolve("out-cold"), List.of(batchA.get(i)));
        }
        double cold = coldFiles / seconds(t0);
        System.out.printf("libreoffice  one cold soffice per file (%d files): %7.2f docs/s (%.0f ms/doc)  load %s -> %s%n",
                coldFiles, cold, 1000 / cold, load0, load());

        load0 = load();
        t0 = System.nanoTime();
        soffice(profileA, work.resolve("out-batch"), batchA);
        double one = batch / seconds(t0);
        System.out.printf("libreoffice  one soffice converting %d files: %7.1f docs/s  load %s -> %s%n", batch, one, load0, load());

        load0 = load();
        t0 = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Future<?> a = pool.submit(() -> soffice(profileA, work.resolve("out-par-a"), batchA));
            Future<?> b = pool.submit(() -> soffice(profileB, work.resolve("out-par-b"), batchB));
            a.get();
            b.get();
        }
        double two = 2 * batch / seconds(t0);
        System.out.printf("libreoffice  two soffice in parallel, %d files each, own profiles: %7.1f docs/s  load %s -> %s%n",
                batch, two, load0, load());
        for (String dir : List.of("out-batch", "out-par-a", "out-par-b")) {
            long pdfs;
            try (var files = Files.list(work.resolve(dir))) {
                pdfs = files.filter(p -> p.toString().endsWith(".pdf")).count();
            }
            if (pdfs != batch) {
                throw new IllegalStateException(dir + ": LibreOffice produced " + pdfs + " PDFs of " + batch);
            }
        }
        double best = Math.max(cold, Math.max(one, two));
        System.out.printf("ratio        engine %.1f docs/s / LibreOffice best %.1f docs/s = %.1fx (goal >= 50x: %s)%n",
                engine, best, engine / best, engine / best >= 50 ? "met" : "NOT met");
        System.out.printf("             vs one cold soffice per file: %.0fx; vs one batch process: %.1fx%n", engine / cold, engine / one);
        System.out.println("outputs: " + work.resolve("engine.pdf") + ", " + work.resolve("libreoffice.pdf"));
    }

    interface Work {
        void run() throws Exception;
    }

    /** Runs {@code work} on {@code threads} threads for {@code seconds}; answers completions per second. */
    static double timed(int threads, int seconds, Work work) throws Exception {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        work.run();
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        return done.get() / seconds(start);
    }

    static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    static List<Path> copies(Path dir, byte[] docx, int n) throws Exception {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path p = dir.resolve(String.format("doc-%03d.docx", i));
            Files.write(p, docx);
            files.add(p);
        }
        return files;
    }

    static Void soffice(Path profile, Path outDir, List<Path> files) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("soffice", "-env:UserInstallation=" + profile.toUri(), "--headless",
                "--norestore", "--convert-to", "pdf", "--outdir", outDir.toString()));
        files.forEach(f -> cmd.add(f.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("soffice failed: " + out);
        }
        return null;
    }

    static String load() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    static String data() {
        StringBuilder rows = new StringBuilder();
        String[][] courses = {{"ท21101", "ภาษาไทย 1", "1.5", "4"}, {"ค21101", "คณิตศาสตร์พื้นฐาน 1", "1.5", "3.5"},
                {"ว21101", "วิทยาศาสตร์และเทคโนโลยี 1", "1.5", "3"}, {"ส21101", "สังคมศึกษา ศาสนาและวัฒนธรรม 1", "1.5", "4"},
                {"ส21102", "ประวัติศาสตร์ 1", "0.5", "3.5"}, {"พ21101", "สุขศึกษาและพลศึกษา 1", "1.0", "4"},
                {"ศ21101", "ศิลปะ 1", "1.0", "2.5"}, {"ง21101", "การงานอาชีพ 1", "0.5", "4"},
                {"อ21101", "ภาษาอังกฤษพื้นฐาน 1", "1.5", "3"}, {"ว21103", "วิทยาการคำนวณ 1", "0.5", "4"}};
        for (String[] c : courses) {
            rows.append(rows.isEmpty() ? "" : ",").append(String.format(
                    "{\"code\":\"%s\",\"name\":\"%s\",\"credits\":\"%s\",\"grade\":\"%s\"}", c[0], c[1], c[2], c[3]));
        }
        return "{\"title\":\"ระเบียนแสดงผลการเรียน\",\"school\":\"โรงเรียนบ้านใหญ่วิทยาคม\","
                + "\"studentName\":\"เด็กหญิงใจดี มีสุขศรี\",\"studentId\":\"12345\",\"idNumber\":\"1-1037-01234-56-7\","
                + "\"classLevel\":\"มัธยมศึกษาปีที่ 1\",\"issuedOn\":\"15 พฤษภาคม 2568\",\"gpa\":\"3.55\","
                + "\"director\":\"นายสมชาย ใจกว้าง\",\"courses\":[" + rows + "]}";
    }

    /** A one-page A4 Thai transcript template: headed fields, a 10-row course table (one repeated row), a QR code. */
    static byte[] template() throws Exception {
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createStyles().setStyles(CTStyles.Factory.parse(
                    "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                            + "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"TH SarabunPSK\" w:hAnsi=\"TH SarabunPSK\" w:cs=\"TH SarabunPSK\"/>"
                            + "<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>"));
            var section = doc.getDocument().getBody().addNewSectPr();
            var size = section.addNewPgSz();
            size.setW(BigInteger.valueOf(11906));
            size.setH(BigInteger.valueOf(16838));
            var margins = section.addNewPgMar();
            for (Consumer<BigInteger> side : List.<Consumer<BigInteger>>of(margins::setTop, margins::setBottom,
                    margins::setLeft, margins::setRight)) {
                side.accept(BigInteger.valueOf(1134));
            }
            XWPFParagraph school = doc.createParagraph();
            school.setAlignment(ParagraphAlignment.CENTER);
            XWPFRun s = school.createRun();
            s.setBold(true);
            s.setFontSize(18);
            s.setText("{{school}}");
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            title.createRun().setText("{{ti");
            XWPFRun bold = title.createRun(); // Word splits placeholders over runs
            bold.setBold(true);
            bold.setText("tle}}");
            line(doc, "ชื่อ-นามสกุล {{studentName}}   เลขประจำตัวนักเรียน {{studentId}}");
            line(doc, "เลขประจำตัวประชาชน {{idNumber}}   ระดับชั้น {{classLevel}}");
            XWPFTable table = doc.createTable(2, 4);
            var grid = table.getCTTbl().addNewTblGrid();
            for (int w : new int[]{1500, 5200, 1300, 1300}) {
                grid.addNewGridCol().setW(BigInteger.valueOf(w));
            }
            String[] head = {"รหัสวิชา", "รายวิชา", "หน่วยกิต", "ผลการเรียน"};
            String[] cells = {"{{courses.code}}", "{{courses.name}}", "{{courses.credits}}", "{{courses.grade}}"};
            XWPFTableRow row = table.getRow(1);
            for (int i = 0; i < 4; i++) {
                table.getRow(0).getCell(i).setText(head[i]);
                row.getCell(i).setText(cells[i]);
            }
            line(doc, "ผลการเรียนเฉลี่ย {{gpa}}");
            line(doc, "ออกให้ ณ วันที่ {{issuedOn}}");
            line(doc, "ลงชื่อ ........................................ ผู้อำนวยการ ({{director}})");
            line(doc, "{{qr}}");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        }
    }

    static void line(XWPFDocument doc, String text) {
        doc.createParagraph().createRun().setText(text);
    }
}
