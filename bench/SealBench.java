import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * PAdES B-B seals of one-page PDFs through the API, per key provider and client concurrency (1, 2 x cores, 16 and
 * 50 clients), with p50/p99 latency, against the raw RSA-2048 ceiling measured in the same run (run by bench/seal.sh).
 *
 * <p>Args: baseUrl adminKey caDir sealsPerRun providers(comma) [servicePid [jfrFile]]. With the service's pid, the
 * service's CPU time per seal is printed too: it depends far less than seals/s on what else the machine runs.
 * With jfrFile, the timed software run at 16 clients (the throughput figure) is recorded with JFR
 * (settings=profile).
 */
public class SealBench {

    static final int CORES = Runtime.getRuntime().availableProcessors();
    static final int PROFILED_CLIENTS = 16;
    static HttpClient http;
    static String base;

    public static void main(String[] args) throws Exception {
        base = args[0];
        String adminKey = args[1];
        Path caDir = Path.of(args[2]);
        int n = Integer.parseInt(args[3]);
        String[] providers = args[4].split(",");
        String servicePid = args.length > 5 ? args[5] : null;
        String jfr = args.length > 6 ? args[6] : null;
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newCachedThreadPool()).build();

        String org = BenchSupport.field(BenchSupport.send(http, base, "POST", "/api/v1/organizations", adminKey,
                "{\"name\":\"Bench school\",\"code\":\"seal-" + System.nanoTime() + "\"}", 201), "id");
        String key = BenchSupport.field(BenchSupport.send(http, base, "POST", "/api/v1/organizations/" + org + "/api-keys", adminKey,
                "{\"name\":\"bench\",\"roles\":[\"ORG_ADMIN\"]}", 201), "key");

        int[] concurrencies = {1, 2 * CORES, PROFILED_CLIENTS, 50};
        List<String> results = new ArrayList<>();
        for (String provider : providers) {
            String keyId = enrol(org, key, provider, caDir);
            // JIT warm-up of the whole path (registration and seal) with this key, not timed.
            sealAll(key, keyId, register(key, Math.max(300, n), 2 * CORES), 2 * CORES, new ConcurrentLinkedQueue<>());
            for (int c : concurrencies) {
                Queue<String> docs = register(key, n, 2 * CORES);
                boolean profile = jfr != null && provider.equals("software") && c == PROFILED_CLIENTS;
                if (profile) {
                    BenchSupport.jcmd(servicePid, "JFR.start", "name=seal", "settings=profile", "filename=" + jfr);
                }
                String load0 = BenchSupport.load();
                double cpu0 = BenchSupport.cpuSeconds(servicePid);
                Queue<Long> latencies = new ConcurrentLinkedQueue<>();
                double seconds = sealAll(key, keyId, docs, c, latencies);
                double cpuMs = (BenchSupport.cpuSeconds(servicePid) - cpu0) * 1000 / n;
                if (profile) {
                    BenchSupport.jcmd(servicePid, "JFR.stop", "name=seal");
                }
                double rate = n / seconds;
                results.add(provider + " " + c);
                long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
                System.out.printf("seal %-8s C=%-2d %5d B-B seals in %6.2f s: %7.1f seals/s, p50 %6.1f ms, p99 %6.1f ms (service CPU %.2f ms/seal)  load %s -> %s%s%n",
                        provider, c, n, seconds, rate, BenchSupport.percentile(sorted, 50), BenchSupport.percentile(sorted, 99), cpuMs, load0, BenchSupport.load(),
                        profile ? "  [JFR]" : "");
                results.set(results.size() - 1, provider + "|" + c + "|" + rate);
            }
        }

        String load0 = BenchSupport.load();
        double ceiling = rsaCeiling(CORES, 5);
        System.out.printf("ceiling: raw JDK RSA-2048 SHA256withRSA on %d threads (%d cores), 5 s: %.0f signatures/s  load %s -> %s%n",
                CORES, CORES, ceiling, load0, BenchSupport.load());
        for (String r : results) {
            String[] p = r.split("\\|");
            System.out.printf("ratio %-8s C=%-2s %7.1f seals/s = %.3f of the RSA ceiling%n", p[0], p[1],
                    Double.parseDouble(p[2]), Double.parseDouble(p[2]) / ceiling);
        }
    }

    /** Enrols an RSA-2048 key in the provider, has the bench CA issue its certificate and attaches the chain. */
    static String enrol(String org, String key, String provider, Path caDir) throws Exception {
        String body = BenchSupport.send(http, base, "POST", "/api/v1/organizations/" + org + "/signing-keys", key,
                "{\"alias\":\"bench-" + provider + "\",\"algorithm\":\"RSA_2048\",\"provider\":\"" + provider
                        + "\",\"subject\":\"CN=Bench Seal,O=Bench School,C=TH\"}", 201);
        String keyId = BenchSupport.field(body, "id");
        Path csr = caDir.resolve(provider + ".csr");
        Path crt = caDir.resolve(provider + ".pem");
        Files.writeString(csr, unescape(BenchSupport.field(body, "csr")));
        BenchSupport.run("openssl", "x509", "-req", "-in", csr.toString(), "-CA", caDir.resolve("ca.pem").toString(),
                "-CAkey", caDir.resolve("ca.key").toString(), "-CAcreateserial", "-days", "30", "-sha256",
                "-extfile", caDir.resolve("leaf.ext").toString(), "-out", crt.toString());
        String chain = Files.readString(crt) + Files.readString(caDir.resolve("ca.pem"));
        BenchSupport.send(http, base, "PUT", "/api/v1/organizations/" + org + "/signing-keys/" + keyId + "/certificate", key,
                "{\"certificateChain\":\"" + chain.replace("\n", "\\n") + "\"}", 200);
        return keyId;
    }

    /** Registers n one-page PDFs with c client threads; answers their ids. */
    static Queue<String> register(String key, int n, int c) throws Exception {
        Queue<String> ids = new ConcurrentLinkedQueue<>();
        AtomicLong next = new AtomicLong();
        parallel(c, () -> {
            while (next.getAndIncrement() < n) {
                ids.add(BenchSupport.field(BenchSupport.registerPdf(http, base, key, BenchSupport.onePagePdf("Transcript " + UUID.randomUUID())), "id"));
            }
        });
        return ids;
    }

    /** Seals every document in the queue with c client threads; answers the elapsed seconds, adds each seal's ns. */
    static double sealAll(String key, String keyId, Queue<String> docs, int c, Queue<Long> latencies) throws Exception {
        String json = "{\"level\":\"B-B\",\"keyId\":\"" + keyId + "\"}";
        long start = System.nanoTime();
        parallel(c, () -> {
            String id;
            while ((id = docs.poll()) != null) {
                long sent = System.nanoTime();
                String body = BenchSupport.send(http, base, "POST", "/api/v1/documents/" + id + "/seal", key, json, 200);
                latencies.add(System.nanoTime() - sent);
                if (!body.contains("\"SEALED\"")) {
                    throw new IllegalStateException("not sealed: " + body);
                }
            }
        });
        return (System.nanoTime() - start) / 1e9;
    }

    interface Work {
        void run() throws Exception;
    }

    static void parallel(int threads, Work work) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    work.run();
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
    }

    /** RSA-2048 SHA256withRSA signatures/s over 32-byte messages on {@code threads} threads, after a warm-up. */
    static double rsaCeiling(int threads, int seconds) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair pair = g.generateKeyPair();
        AtomicLong count = new AtomicLong();
        long[] window = new long[2];
        Work signer = () -> {
            Signature s = Signature.getInstance("SHA256withRSA");
            byte[] data = new byte[32];
            long warmEnd = System.nanoTime() + 2_000_000_000L;
            while (System.nanoTime() < warmEnd) {
                s.initSign(pair.getPrivate());
                s.update(data);
                data[0] ^= s.sign()[0];
            }
            synchronized (window) {
                if (window[0] == 0) {
                    window[0] = System.nanoTime();
                    window[1] = window[0] + seconds * 1_000_000_000L;
                }
            }
            long local = 0;
            while (System.nanoTime() < window[1]) {
                s.initSign(pair.getPrivate());
                s.update(data);
                data[0] ^= s.sign()[0];
                local++;
            }
            count.addAndGet(local);
        };
        parallel(threads, signer);
        return count.get() / (double) seconds;
    }

    static String unescape(String s) {
        return s.replace("\\n", "\n").replace("\\r", "\r").replace("\\/", "/");
    }

}
