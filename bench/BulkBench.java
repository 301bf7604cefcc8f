import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One bulk job of N realistic ปพ.1 records (30-40 courses, Thai names), sealed B-B with a software RSA-2048 key
 * whose certificate a throwaway openssl CA issues; run by bench/bulk.sh. Prints wall time, documents/s and the
 * highest heap use seen in /q/metrics while polling.
 */
public class BulkBench {

    static final String[] GIVEN = {"ใจดี", "สมชาย", "มานี", "ปิติ", "ชูใจ", "วีระ", "สุดารัตน์", "อนุชา", "กนกพร", "ธนากร",
            "ณัฐวุฒิ", "พิมพ์ชนก", "ศุภชัย", "กัญญาณัฐ", "ปวีณ์ธิดา", "ภูริณัฐ"};
    static final String[] FAMILY = {"มีสุข", "ใฝ่เรียน", "รักไทย", "ศรีสวัสดิ์", "บุญมา", "แก้วกาญจนา", "ทองดี", "วงศ์สวัสดิ์",
            "เจริญผล", "สุขประเสริฐ", "พงษ์พานิช"};
    static final String[][] SUBJECTS = {
            {"ท", "ภาษาไทย"}, {"ค", "คณิตศาสตร์"}, {"ว", "วิทยาศาสตร์และเทคโนโลยี"}, {"ส", "สังคมศึกษา ศาสนาและวัฒนธรรม"},
            {"ส", "ประวัติศาสตร์"}, {"พ", "สุขศึกษาและพลศึกษา"}, {"ศ", "ศิลปะ"}, {"ง", "การงานอาชีพ"}, {"อ", "ภาษาอังกฤษ"},
            {"ค", "คณิตศาสตร์เพิ่มเติม"}, {"ว", "วิทยาการคำนวณ"}, {"จ", "ภาษาจีนเพื่อการสื่อสาร"}};
    static final String[] GRADES = {"4", "3.5", "3", "2.5", "2", "4", "3.5", "3"};

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String adminKey = args[1];
        int n = Integer.parseInt(args[2]);
        Path work = Path.of(args[3]);
        String servicePid = args.length > 4 ? args[4] : null;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        String org = BenchSupport.field(BenchSupport.send(http, base, "POST", "/api/v1/organizations", adminKey,
                "{\"name\":\"โรงเรียนทดสอบสมรรถนะ\",\"code\":\"bulk-" + System.nanoTime() + "\"}", 201), "id");
        String key = BenchSupport.field(BenchSupport.send(http, base, "POST", "/api/v1/organizations/" + org + "/api-keys", adminKey,
                "{\"name\":\"bench\",\"roles\":[\"ORG_ADMIN\"]}", 201), "key");

        // Seal key: software RSA-2048, CSR signed by the throwaway CA bench/bulk.sh made.
        String enrolled = BenchSupport.send(http, base, "POST", "/api/v1/organizations/" + org + "/signing-keys", key,
                "{\"alias\":\"bench seal\",\"algorithm\":\"RSA_2048\",\"provider\":\"software\","
                        + "\"subject\":\"CN=โรงเรียนทดสอบสมรรถนะ,O=Longnam Bench,C=TH\"}", 201);
        String keyId = BenchSupport.field(enrolled, "id");
        Files.writeString(work.resolve("key.csr"), BenchSupport.field(enrolled, "csr").replace("\\n", "\n"));
        Files.writeString(work.resolve("ext.cnf"), "keyUsage=critical,digitalSignature,nonRepudiation\n");
        Process openssl = new ProcessBuilder("openssl", "x509", "-req", "-in", "key.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                "-CAcreateserial", "-days", "30", "-sha256", "-extfile", "ext.cnf", "-out", "key.pem")
                .directory(work.toFile()).inheritIO().start();
        if (openssl.waitFor() != 0) {
            throw new IllegalStateException("openssl could not issue the seal certificate");
        }
        String chain = Files.readString(work.resolve("key.pem")) + Files.readString(work.resolve("ca.pem"));
        BenchSupport.send(http, base, "PUT", "/api/v1/organizations/" + org + "/signing-keys/" + keyId + "/certificate", key,
                "{\"certificateChain\":\"" + chain.replace("\n", "\\n") + "\"}", 200);

        byte[] body = records(n);
        System.out.printf("job body: %d records, %.1f MB of JSON%n", n, body.length / 1e6);

        double cpuBefore = BenchSupport.cpuSeconds(servicePid);
        long start = System.nanoTime();
        HttpResponse<String> submitted = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/jobs"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (submitted.statusCode() != 202) {
            throw new IllegalStateException("submit → " + submitted.statusCode() + " " + submitted.body());
        }
        double acceptedAfter = (System.nanoTime() - start) / 1e9;
        String job = BenchSupport.field(submitted.body(), "id");
        body = null;

        long peakHeap = 0;
        String view;
        long lastPrint = 0;
        while (true) {
            view = BenchSupport.send(http, base, "GET", "/api/v1/jobs/" + job, key, null, 200);
            peakHeap = Math.max(peakHeap, heapUsed(http, base));
            String status = BenchSupport.field(view, "status");
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                break;
            }
            if (System.nanoTime() - lastPrint > 15e9) {
                lastPrint = System.nanoTime();
                System.out.printf("  %5.0f s: %s done=%s failed=%s%n", (lastPrint - start) / 1e9, status, BenchSupport.number(view, "done"), BenchSupport.number(view, "failed"));
            }
            Thread.sleep(500);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long done = Long.parseLong(BenchSupport.number(view, "done"));
        System.out.printf("job %s: %s, %s done, %s failed%n", job, BenchSupport.field(view, "status"), BenchSupport.number(view, "done"), BenchSupport.number(view, "failed"));
        System.out.printf("submit accepted after %.1f s; wall time %.1f s for %d sealed ปพ.1 (B-B): %.1f documents/s; "
                + "peak heap seen in /q/metrics %.0f MiB%n", acceptedAfter, seconds, n, done / seconds, peakHeap / 1048576.0);
        if (servicePid != null) {
            double cpu = BenchSupport.cpuSeconds(servicePid) - cpuBefore;
            System.out.printf("service CPU during the job: %.0f s (%.1f ms per document; on %d dedicated cores that is at most "
                    + "%.0f documents/s before PostgreSQL's own share)%n", cpu, cpu * 1000 / done,
                    Runtime.getRuntime().availableProcessors(), done / cpu * Runtime.getRuntime().availableProcessors());
        }
        if (done != n) {
            System.exit(1);
        }
    }

    /** {"templateId":"PP1","seal":true,"level":"B-B","ownerRefField":"studentId","records":[...]} */
    static byte[] records(int n) {
        Random random = new Random(42);
        StringBuilder sb = new StringBuilder(n * 7000);
        sb.append("{\"templateId\":\"PP1\",\"seal\":true,\"level\":\"B-B\",\"ownerRefField\":\"studentId\",\"records\":[");
        for (int i = 1; i <= n; i++) {
            if (i > 1) {
                sb.append(',');
            }
            boolean girl = random.nextBoolean();
            sb.append("{\"formSet\":\"").append(String.format("%04d", i / 500 + 1)).append("\",\"formNumber\":\"")
                    .append(String.format("%07d", i)).append("\",\"level\":\"มัธยมศึกษาตอนต้น\",\"schoolName\":\"โรงเรียนทดสอบสมรรถนะวิทยาคม\",")
                    .append("\"affiliation\":\"สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาเชียงใหม่\",\"province\":\"เชียงใหม่\",")
                    .append("\"studentName\":\"").append(girl ? "เด็กหญิง" : "เด็กชาย").append(GIVEN[random.nextInt(GIVEN.length)])
                    .append(' ').append(FAMILY[random.nextInt(FAMILY.length)]).append("\",\"studentId\":\"").append(10000 + i)
                    .append("\",\"nationalId\":\"").append(nationalId(i)).append("\",\"gender\":\"").append(girl ? "หญิง" : "ชาย")
                    .append("\",\"nationality\":\"ไทย\",\"religion\":\"พุทธ\",\"birthDate\":\"2011-0").append(1 + random.nextInt(9))
                    .append("-1").append(random.nextInt(10)).append("\",\"fatherName\":\"นาย").append(GIVEN[random.nextInt(GIVEN.length)])
                    .append(' ').append(FAMILY[random.nextInt(FAMILY.length)]).append("\",\"courses\":[");
            int courses = 30 + random.nextInt(11);
            for (int c = 0; c < courses; c++) {
                String[] s = SUBJECTS[c % SUBJECTS.length];
                int year = c * 3 / courses;
                int sem = c * 6 / courses % 2 + 1;
                if (c > 0) {
                    sb.append(',');
                }
                sb.append("{\"year\":\"").append(2566 + year).append("\",\"semester\":\"").append(sem).append("\",\"code\":\"")
                        .append(s[0]).append(21 + year).append(String.format("%03d", c + 1)).append("\",\"name\":\"").append(s[1])
                        .append("\",\"credits\":").append(c % 4 == 0 ? "1.5" : "1.0").append(",\"grade\":\"")
                        .append(GRADES[random.nextInt(GRADES.length)]).append("\"}");
            }
            sb.append("],\"gpax\":").append(String.format("%.2f", 2.5 + random.nextDouble() * 1.5))
                    .append(",\"readingResult\":\"ดีเยี่ยม\",\"characteristicsResult\":\"ดีเยี่ยม\",\"activitiesResult\":\"ผ่าน\",")
                    .append("\"graduationDate\":\"2026-03-31\",\"registrarName\":\"นางสาวพิมพ์ใจ ใฝ่เรียน\",")
                    .append("\"directorName\":\"นายผู้ใหญ่ บ้านใหญ่\",\"issueDate\":\"2026-03-31\"}");
        }
        sb.append("]}");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String nationalId(int n) {
        String base = String.format("11017%07d", n);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (base.charAt(i) - '0') * (13 - i);
        }
        return base + (11 - sum % 11) % 10;
    }

    static long heapUsed(HttpClient http, String base) throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.eE+]+)").matcher(metrics);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return (long) sum;
    }

}
