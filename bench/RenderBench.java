import io.longnam.render.DocxTemplate;
import io.longnam.render.Renderer;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
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
 * docx + JSON → registered PDF/A-3 through the API, in both render modes, against LibreOffice headless converting the
 * same merged docx in batch (one process per core, own profiles), all in one run (#19 items 2 and 6):
 * <ul>
 * <li>stored: the docx uploaded once as a template, rendered by id with JSON ({@code POST /api/v1/renders});
 * <li>inline: the same docx uploaded with every render ({@code POST /api/v1/renders/files}).
 * </ul>
 * Run by bench/render.sh against the service common.sh started, with the project's classpath (for the template and
 * the merge step handed to LibreOffice). Args: workDir baseUrl adminKey [seconds=20] [batch=50] [clients=4]
 * [servicePid [jfrDir]]. With jfrDir, each API mode's second timed round is recorded with JFR (settings=profile).
 */
public class RenderBench {

    static final String QR_URL = "https://sign.example.test/v/0123456789";
    static final int CORES = Runtime.getRuntime().availableProcessors();
    static HttpClient http;
    static String base;

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        base = args[1];
        String adminKey = args[2];
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int batch = args.length > 4 ? Integer.parseInt(args[4]) : 50;
        int clients = args.length > 5 ? Integer.parseInt(args[5]) : 4;
        String servicePid = args.length > 6 ? args[6] : null;
        Path jfrDir = args.length > 7 ? Path.of(args[7]) : null;
        Files.createDirectories(work);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newCachedThreadPool()).build();

        byte[] template = template();
        String data = data();
        Files.write(work.resolve("template.docx"), template);
        Files.writeString(work.resolve("data.json"), data);

        String org = BenchSupport.field(BenchSupport.send(http, base, "POST", "/api/v1/organizations", adminKey,
                "{\"name\":\"โรงเรียนบ้านใหญ่วิทยาคม\",\"code\":\"render-" + System.nanoTime() + "\"}", 201), "id");
        String key = BenchSupport.field(BenchSupport.send(http, base, "POST", "/api/v1/organizations/" + org + "/api-keys", adminKey,
                "{\"name\":\"bench\",\"roles\":[\"ORG_ADMIN\"]}", 201), "key");
        String templateId = BenchSupport.field(multipart("/api/v1/templates", key, List.of(
                new Part("name", null, "text/plain; charset=UTF-8", "ระเบียนแสดงผลการเรียน".getBytes(StandardCharsets.UTF_8)),
                new Part("file", "transcript.docx", DOCX, template))), "id");
        String stored = "{\"templateId\":\"" + templateId + "\",\"data\":" + data + "}";
        byte[] json = data.getBytes(StandardCharsets.UTF_8);
        Work byId = () -> document(BenchSupport.send(http, base, "POST", "/api/v1/renders", key, stored, 201));
        Work inline = () -> document(multipart("/api/v1/renders/files", key, List.of(
                new Part("template", "transcript.docx", DOCX, template), new Part("data", "data.json", "application/json", json))));

        // JIT warm-up of both paths, not timed. Then two interleaved rounds, best of each mode: the service's CPU
        // figure includes its JIT threads, and on a shared machine one round can fall into someone else's build.
        timed(clients, 15, byId, null);
        timed(clients, 15, inline, null);
        Result storedRun = null;
        Result inlineRun = null;
        for (int round = 1; round <= 2; round++) {
            Path jfr = round == 2 ? jfrDir : null;
            Result s = measure("stored", clients, seconds, byId, servicePid, jfr);
            Result i = measure("inline", clients, seconds, inline, servicePid, jfr);
            storedRun = storedRun == null || s.rate() > storedRun.rate() ? s : storedRun;
            inlineRun = inlineRun == null || i.rate() > inlineRun.rate() ? i : inlineRun;
        }

        // LibreOffice converts the same merged docx: one batch process per core, each with its own profile.
        byte[] merged = DocxTemplate.mergedDocx(template, Renderer.parseJson(json), QR_URL);
        List<List<Path>> batches = new ArrayList<>();
        List<Path> profiles = new ArrayList<>();
        for (int i = 0; i < CORES; i++) {
            batches.add(copies(work.resolve("in-" + i), merged, batch));
            profiles.add(work.resolve("lo-" + i));
            // The first start of a profile creates it (seconds); not part of any figure.
            soffice(profiles.get(i), work.resolve("out-init"), List.of(batches.get(i).getFirst()));
        }
        Files.copy(work.resolve("out-init").resolve("doc-000.pdf"), work.resolve("libreoffice.pdf"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String load0 = BenchSupport.load();
        long t0 = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(CORES)) {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < CORES; i++) {
                int n = i;
                runs.add(pool.submit(() -> soffice(profiles.get(n), work.resolve("out-" + n), batches.get(n))));
            }
            for (Future<?> f : runs) {
                f.get();
            }
        }
        double libreOffice = CORES * batch / seconds(t0);
        for (int i = 0; i < CORES; i++) {
            try (var files = Files.list(work.resolve("out-" + i))) {
                long pdfs = files.filter(p -> p.toString().endsWith(".pdf")).count();
                if (pdfs != batch) {
                    throw new IllegalStateException("LibreOffice produced " + pdfs + " PDFs of " + batch);
                }
            }
        }
        System.out.printf("libreoffice  %d soffice batch processes in parallel (one per core), %d files each: %6.1f docs/s  load %s -> %s%n",
                CORES, batch, libreOffice, load0, BenchSupport.load());
        for (Result r : List.of(storedRun, inlineRun)) {
            System.out.printf("ratio        %-6s best %6.1f renders/s / LibreOffice %5.1f docs/s = %.2fx (target >= 2x: %s)%n",
                    r.mode(), r.rate(), libreOffice, r.rate() / libreOffice, r.rate() / libreOffice >= 2 ? "met" : "NOT met");
        }
        Files.write(work.resolve("api.pdf"), file(key, BenchSupport.field(BenchSupport.send(http, base, "POST", "/api/v1/renders", key, stored, 201), "id")));
        System.out.println("outputs: " + work.resolve("api.pdf") + ", " + work.resolve("libreoffice.pdf"));
    }

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    record Result(String mode, double rate) {
    }

    record Part(String name, String filename, String type, byte[] bytes) {
    }

    interface Work {
        void run() throws Exception;
    }

    static Result measure(String mode, int clients, int seconds, Work work, String servicePid, Path jfrDir) throws Exception {
        if (jfrDir != null) {
            BenchSupport.jcmd(servicePid, "JFR.start", "name=" + mode, "settings=profile",
                    "filename=" + jfrDir.resolve("render-" + mode + ".jfr").toAbsolutePath());
        }
        String load0 = BenchSupport.load();
        double cpu0 = BenchSupport.cpuSeconds(servicePid);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long done = timed(clients, seconds, work, latencies);
        double cpuMs = (BenchSupport.cpuSeconds(servicePid) - cpu0) * 1000 / done;
        if (jfrDir != null) {
            BenchSupport.jcmd(servicePid, "JFR.stop", "name=" + mode);
        }
        double rate = done / (double) seconds;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("api %-6s %s, %d clients, %d s: %6.1f renders/s  p50 %d ms p99 %d ms  service CPU %.1f ms/render  load %s -> %s%s%n",
                mode, mode.equals("stored") ? "template by id + JSON" : "docx + JSON uploaded", clients, seconds, rate,
                sorted.get(sorted.size() / 2) / 1_000_000, sorted.get((int) (sorted.size() * 0.99)) / 1_000_000, cpuMs,
                load0, BenchSupport.load(), jfrDir != null ? "  [JFR]" : "");
        return new Result(mode, rate);
    }

    /** Runs {@code work} on {@code threads} threads for {@code seconds}; answers the completions. */
    static long timed(int threads, int seconds, Work work, List<Long> latencies) throws Exception {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        long t = System.nanoTime();
                        work.run();
                        if (latencies != null) {
                            latencies.add(System.nanoTime() - t);
                        }
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        return done.get();
    }

    static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    static void document(String body) {
        if (!body.contains("\"REGISTERED\"")) {
            throw new IllegalStateException("not registered: " + body);
        }
    }

    static String multipart(String path, String key, List<Part> parts) throws Exception {
        String boundary = "----bench" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part p : parts) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.name() + "\""
                    + (p.filename() == null ? "" : "; filename=\"" + p.filename() + "\"") + "\r\nContent-Type: " + p.type()
                    + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(p.bytes());
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("POST " + path + " → " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static byte[] file(String key, String documentId) throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/documents/" + documentId + "/file"))
                .header("Authorization", "Bearer " + key).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("document file → " + r.statusCode());
        }
        return r.body();
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
