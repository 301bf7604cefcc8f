import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Sequential registration of one-page PDFs through the public API (run by bench/register.sh). */
public class RegisterBench {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String adminKey = args[1];
        int n = Integer.parseInt(args[2]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String org = BenchSupport.field(post(http, base + "/api/v1/organizations", adminKey,
                "{\"name\":\"Bench school\",\"code\":\"bench-" + System.nanoTime() + "\"}"), "id");
        String key = BenchSupport.field(post(http, base + "/api/v1/organizations/" + org + "/api-keys", adminKey,
                "{\"name\":\"bench\",\"roles\":[\"REGISTRAR\"]}"), "key");

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

    static String post(HttpClient http, String url, String key, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException(url + " → " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

}
