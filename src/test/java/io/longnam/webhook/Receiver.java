package io.longnam.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** A webhook receiver on loopback that records every request and answers 500 for the first {@code failures}. */
final class Receiver implements AutoCloseable {

    record Request(String id, String timestamp, String signature, String body, int answered) {
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft;
    private final HttpServer server;

    Receiver(int failures) throws IOException {
        failuresLeft = new AtomicInteger(failures);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = failuresLeft.getAndDecrement() > 0 ? 500 : 204;
            var h = exchange.getRequestHeaders();
            requests.add(new Request(h.getFirst("webhook-id"), h.getFirst("webhook-timestamp"),
                    h.getFirst("webhook-signature"), body, status));
            byte[] answer = (status == 500 ? "receiver is down" : "").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
            exchange.close();
        });
        server.start();
    }

    void failAlways() {
        failuresLeft.set(Integer.MAX_VALUE);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Request> accepted() {
        return requests.stream().filter(r -> r.answered() < 300).toList();
    }

    /** Waits up to {@code seconds} for the recorded requests to satisfy {@code done}. */
    boolean await(int seconds, Predicate<List<Request>> done) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            if (done.test(List.copyOf(requests))) {
                return true;
            }
            Thread.sleep(100);
        }
        return done.test(List.copyOf(requests));
    }

    static Map<String, Object> webhook(String url, String... events) {
        return Map.of("url", url, "events", List.of(events));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
