package io.longnam.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.longnam.support.Api;
import io.longnam.support.Api.Tenant;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * #18: "a {@code kill -9} of the service between the change and the delivery still delivers", with a real process.
 * The packaged service runs as a child JVM; the receiver holds the first delivery attempt open, the child is killed
 * with SIGKILL while the attempt is in flight (its outbox row claimed, nothing recorded), and a second child started on
 * the same database sends the event again once the dead worker's lease has passed.
 */
class WebhookKillIT {

    static final Path JAR = Path.of(System.getProperty("longnam.app.jar", "target/quarkus-app/quarkus-run.jar"));
    static final String DB_URL = "jdbc:postgresql://127.0.0.1:5432/" + env("TEST_DATABASE", "longnam_test");
    static final String DB_USER = env("LONGNAM_DB_USER", "longnam");
    static final String DB_PASSWORD = env("LONGNAM_DB_PASSWORD", "longnam");
    /** 128 + SIGKILL: what the JDK reports for a child ended by signal 9. */
    static final int KILLED_BY_SIGKILL = 137;
    static final Pattern LISTENING = Pattern.compile("Listening on: http://127\\.0\\.0\\.1:(\\d+)");

    private final String masterKey = randomKey();
    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void leaveNoProcessBehind() throws InterruptedException {
        for (Process p : children) {
            p.destroyForcibly();
            p.waitFor();
        }
    }

    @Test
    void anEventWhoseServiceWasKilledMidDeliveryIsDeliveredAfterRestartOncePerId() throws Exception {
        try (Receiver receiver = new Receiver(0)) {
            Process first = start(true, "first");
            Tenant school = Api.school("kill-9");
            String created = school.as().contentType("application/json")
                    .body(Receiver.webhook(receiver.url(), "document.registered"))
                    .post(WebhookDeliveryTest.WEBHOOKS, school.orgId()).then().statusCode(201).extract().asString();
            String secret = io.restassured.path.json.JsonPath.from(created).getString("secret");
            UUID hook = UUID.fromString(io.restassured.path.json.JsonPath.from(created).getString("id"));
            receiver.holdNextRequest();
            UUID document = Api.register(school, "survives kill -9");

            assertThat(receiver.awaitHeld(20)).as("the first attempt reaches the receiver").isTrue();
            first.destroyForcibly();
            assertThat(first.waitFor()).as("ended by SIGKILL, no shutdown hooks").isEqualTo(KILLED_BY_SIGKILL);
            // Between the change and the delivery: the row is claimed by the dead worker, its attempt never recorded.
            assertThat(deliveryState(hook)).isEqualTo("PENDING/1/0");
            receiver.release();

            start(false, "second");
            assertThat(receiver.await(40, r -> r.stream().anyMatch(q -> q.answered() < 300) && r.size() >= 2))
                    .as("delivered after the restart; service logs in target/webhook-kill-it").isTrue();
            awaitState(hook, "DELIVERED");

            List<Receiver.Request> requests = List.copyOf(receiver.requests);
            for (Receiver.Request r : requests) {
                assertThat(WebhookDeliveryTest.verify(secret, r)).as("signature of attempt " + r).isTrue();
            }
            Set<String> ids = requests.stream().map(Receiver.Request::id).collect(Collectors.toSet());
            assertThat(ids).hasSize(1);
            assertThat(receiver.processed).hasSize(1);
            Receiver.Request delivered = requests.getLast();
            assertThat(WebhookDeliveryTest.body(delivered).path("id").asText()).isEqualTo(delivered.id());
            assertThat(WebhookDeliveryTest.body(delivered).path("data").path("targetId").asText())
                    .isEqualTo(document.toString());
        }
    }

    /**
     * Starts the packaged service on a port it picks itself (a port probed free here could be taken before the child
     * binds it); the first start empties the database, as every test run's does.
     */
    private Process start(boolean cleanDatabase, String name) throws Exception {
        assertThat(JAR).as("the packaged service (mvn package)").exists();
        Path logs = Path.of("target", "webhook-kill-it");
        Files.createDirectories(logs);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of(java.toString(),
                // Startup dominates this test's time; C1 alone starts the service sooner and it serves a few requests.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dquarkus.http.port=0",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.datasource.jdbc.url=" + DB_URL,
                "-Dquarkus.datasource.username=" + DB_USER,
                "-Dquarkus.datasource.password=" + DB_PASSWORD,
                "-Dquarkus.flyway.clean-disabled=false",
                "-Dquarkus.flyway.clean-at-start=" + cleanDatabase,
                "-Dlongnam.bootstrap-api-key=" + Api.PLATFORM_KEY,
                "-Dlongnam.kms.software.master-key=" + masterKey,
                "-Dlongnam.kms.pkcs11.enabled=false",
                "-Dlongnam.webhooks.allowed-networks=127.0.0.1/32",
                "-Dlongnam.webhooks.poll-every=1s",
                // The dead worker's claim is due again this long after it was taken; the attempt budget stays below it.
                "-Dlongnam.webhooks.lease=PT3S",
                "-Dlongnam.webhooks.timeout=PT2S",
                "-jar", JAR.toString());
        // A start that fails is tried once more, so a passing hiccup of the machine (the database slow to accept a
        // login on a loaded CI host) does not decide the test; a service that cannot start fails both times, and the
        // failure carries both logs' messages.
        Process first = launch(command, logs.resolve(name + ".log"));
        try {
            RestAssured.port = awaitReady(first, logs.resolve(name + ".log"));
            return first;
        } catch (AssertionError failed) {
            first.destroyForcibly().waitFor();
            Process again = launch(command, logs.resolve(name + "-again.log"));
            try {
                RestAssured.port = awaitReady(again, logs.resolve(name + "-again.log"));
                return again;
            } catch (AssertionError failedAgain) {
                throw new AssertionError(failed.getMessage() + "\n--- and again:\n" + failedAgain.getMessage());
            }
        }
    }

    private Process launch(List<String> command, Path log) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        children.add(p);
        return p;
    }

    /** Waits for the child's "Listening on" line and its readiness check, and answers its port. */
    private static int awaitReady(Process p, Path log) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new AssertionError("the service ended with exit code " + p.exitValue() + " before it was ready; "
                        + log + " ends with:\n" + tail(log));
            }
            Matcher listening = LISTENING.matcher(read(log));
            if (listening.find()) {
                int port = Integer.parseInt(listening.group(1));
                HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build();
                try {
                    if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return port;
                    }
                } catch (IOException notYet) {
                    // listening, not answering yet
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("service not ready within 90 s; " + log + " ends with:\n" + tail(log));
    }

    /** Decodes leniently: a log is evidence, and a stray byte must not hide it. */
    private static String read(Path log) throws IOException {
        return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
    }

    /**
     * The last lines of a child's log without stack frames, so a CI report that shows only the failure message still
     * shows why (the cause chain's messages, not the frames).
     */
    private static String tail(Path log) throws IOException {
        List<String> lines = read(log).lines().filter(l -> !l.startsWith("\tat ") && !l.startsWith("\t..."))
                .toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** status/attempts/logged attempts of the endpoint's one delivery. */
    private static String deliveryState(UUID endpoint) throws Exception {
        try (Connection c = DriverManager.getConnection(DB_URL, DB_USER, DB_PASSWORD);
             PreparedStatement s = c.prepareStatement("""
                     select d.status, d.attempts, (select count(*) from webhook_attempt a where a.delivery_id = d.id)
                     from webhook_delivery d where d.endpoint_id = ?""")) {
            s.setObject(1, endpoint);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                String state = r.getString(1) + "/" + r.getInt(2) + "/" + r.getInt(3);
                assertThat(r.next()).as("one delivery").isFalse();
                return state;
            }
        }
    }

    private static void awaitState(UUID endpoint, String status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!deliveryState(endpoint).startsWith(status + "/") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(deliveryState(endpoint)).startsWith(status + "/");
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
