import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * Bulk approval of N documents (TOR 2.5.7) through the API, as a signer would do it: one request, then the job's
 * workers sign every document (organisation key on the signer's behalf, PAdES B-B with the approval mark) and record
 * each approval. Printed: documents/s from the request to the job's end, the service's CPU per signature, and both
 * against the raw RSA-2048 ceiling of this machine measured in the same run (run by bench/approve.sh).
 *
 * <p>Args: baseUrl adminKey caDir n issuer keyDir servicePid. Reuses SealBench's helpers (same directory).
 */
public class ApproveBench {

    static PrivateKey oidcKey;
    static String issuer;

    public static void main(String[] args) throws Exception {
        SealBench.base = args[0];
        String adminKey = args[1];
        Path caDir = Path.of(args[2]);
        int n = Integer.parseInt(args[3]);
        issuer = args[4];
        oidcKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(Path.of(args[5], "oidc-key.der"))));
        String servicePid = args[6];
        SealBench.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Executors.newCachedThreadPool()).build();

        String org = BenchSupport.field(BenchSupport.send(SealBench.http, SealBench.base, "POST", "/api/v1/organizations", adminKey,
                "{\"name\":\"Bench school\",\"code\":\"approve-" + System.nanoTime() + "\"}", 201), "id");
        String admin = BenchSupport.field(BenchSupport.send(SealBench.http, SealBench.base, "POST", "/api/v1/organizations/" + org + "/api-keys", adminKey,
                "{\"name\":\"bench\",\"roles\":[\"ORG_ADMIN\"]}", 201), "key");
        SealBench.enrol(org, admin, "software", caDir);
        String creator = person(org, admin, "ครูทะเบียน", "REGISTRAR");
        String first = person(org, admin, "นายสมชาย ใจดี", "SIGNER");
        String second = person(org, admin, "นางวันเพ็ญ ศรีสุข", "SIGNER");
        for (String signer : List.of(first, second)) {
            BenchSupport.send(SealBench.http, SealBench.base, "POST", "/api/v1/me/signature-images/drawings", signer, "{\"width\":800,\"height\":400,\"strokes\":["
                    + "{\"points\":[{\"x\":60,\"y\":300},{\"x\":200,\"y\":80},{\"x\":330,\"y\":320},{\"x\":470,\"y\":120},{\"x\":740,\"y\":260}]}]}", 201);
        }
        String firstId = BenchSupport.field(BenchSupport.send(SealBench.http, SealBench.base, "GET", "/api/v1/me", first, "", 200), "userId");
        String secondId = BenchSupport.field(BenchSupport.send(SealBench.http, SealBench.base, "GET", "/api/v1/me", second, "", 200), "userId");

        // Warm-up batch (JIT of the whole path), then the timed one.
        for (int round = 0; round < 2; round++) {
            int count = round == 0 ? Math.min(50, n) : n;
            Queue<String> docs = SealBench.register(creator, count, 4);
            String ids = String.join("\",\"", docs);
            BenchSupport.send(SealBench.http, SealBench.base, "POST", "/api/v1/workflow-batches", creator, "{\"documentIds\":[\"" + ids + "\"],\"steps\":["
                    + "{\"users\":[\"" + firstId + "\"],\"mode\":\"ANY\",\"position\":\"รองผู้อำนวยการ\",\"placement\":{\"page\":1,\"x\":60,\"y\":80,\"width\":200,\"height\":90}},"
                    + "{\"users\":[\"" + secondId + "\"],\"mode\":\"ANY\",\"placement\":{\"page\":1,\"x\":320,\"y\":80,\"width\":200,\"height\":90}}]}", 201);
            double cpu0 = BenchSupport.cpuSeconds(servicePid);
            long t0 = System.nanoTime();
            String job = BenchSupport.field(BenchSupport.send(SealBench.http, SealBench.base, "POST", "/api/v1/workflows/approvals", first,
                    "{\"documentType\":\"PP1\"}", 202), "id");
            String status;
            do {
                Thread.sleep(100);
                status = BenchSupport.field(BenchSupport.send(SealBench.http, SealBench.base, "GET", "/api/v1/jobs/" + job, first, "", 200), "status");
            } while (status.equals("QUEUED") || status.equals("RUNNING"));
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuMs = (BenchSupport.cpuSeconds(servicePid) - cpu0) * 1000 / count;
            if (!status.equals("SUCCEEDED")) {
                throw new IllegalStateException("job " + job + " ended " + status);
            }
            if (round == 1) {
                double ceiling = SealBench.rsaCeiling(SealBench.CORES, 5);
                double perCoreMs = 1000.0 * SealBench.CORES / ceiling;
                System.out.printf("bulk approval: %d documents in %.2f s = %.1f documents/s; service CPU %.1f ms per signature%n",
                        count, seconds, count / seconds, cpuMs);
                System.out.printf("ceiling: raw JDK RSA-2048 SHA256withRSA on %d threads: %.0f signatures/s (%.2f ms CPU each)%n",
                        SealBench.CORES, ceiling, perCoreMs);
                System.out.printf("ratio: %.3f of the RSA ceiling in documents/s; CPU per approval = %.0f x one raw RSA signature%n",
                        count / seconds / ceiling, cpuMs / perCoreMs);
            }
        }
    }

    /** A person with a token from the stub provider, made an active member with one role; answers the token. */
    static String person(String org, String adminKey, String name, String role) throws Exception {
        String sub = "bench-" + UUID.randomUUID();
        long now = System.currentTimeMillis() / 1000;
        String token = jwt("{\"iss\":\"" + issuer + "\",\"sub\":\"" + sub + "\",\"aud\":\"longnam\",\"iat\":" + now
                + ",\"exp\":" + (now + 7200) + ",\"name\":\"" + name + "\",\"email\":\"" + sub + "@bench.example\"}");
        String userId = BenchSupport.field(BenchSupport.send(SealBench.http, SealBench.base, "GET", "/api/v1/me", token, "", 200), "userId");
        BenchSupport.send(SealBench.http, SealBench.base, "POST", "/api/v1/organizations/" + org + "/members", adminKey,
                "{\"userId\":\"" + userId + "\",\"roles\":[\"" + role + "\"]}", 201);
        return token;
    }

    static String jwt(String claims) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String head = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"bench\"}".getBytes(StandardCharsets.UTF_8));
        String body = b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(oidcKey);
        s.update((head + "." + body).getBytes(StandardCharsets.US_ASCII));
        return head + "." + body + "." + b64.encodeToString(s.sign());
    }
}
