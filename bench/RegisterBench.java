import java.net.http.HttpClient;
import java.util.UUID;

/** Sequential registration of one-page PDFs through the public API (run by bench/register.sh). */
public class RegisterBench {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String adminKey = args[1];
        int n = Integer.parseInt(args[2]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String org = BenchSupport.field(BenchSupport.send(http, base, "POST", "/api/v1/organizations", adminKey,
                "{\"name\":\"Bench school\",\"code\":\"bench-" + System.nanoTime() + "\"}", 201), "id");
        String key = BenchSupport.field(BenchSupport.send(http, base, "POST", "/api/v1/organizations/" + org + "/api-keys", adminKey,
                "{\"name\":\"bench\",\"roles\":[\"REGISTRAR\"]}", 201), "key");

        int warmup = Math.min(100, n / 10);
        for (int i = 0; i < warmup; i++) {
            BenchSupport.registerPdf(http, base, key, BenchSupport.onePagePdf("warm-up " + i));
        }
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            BenchSupport.registerPdf(http, base, key, BenchSupport.onePagePdf("Transcript " + i + " " + UUID.randomUUID()));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("registered %d one-page PDFs sequentially in %.2f s: %.1f documents/s (%.2f ms each, after %d warm-up)%n",
                n, seconds, n / seconds, seconds * 1000 / n, warmup);
    }

}
