package io.longnam.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A webhook receiver on loopback that records every request and answers 500 for the first {@code failures}. Like a
 * receiver built on the Standard Webhooks advice, it processes each webhook-id once ({@link #processed}) however often
 * the id arrives.
 */
final class Receiver implements AutoCloseable {

    record Request(String id, String timestamp, String signature, String body, int answered) {
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Ids processed, in order: a repeated id is recognised as a duplicate and not processed again. */
    final List<String> processed = new CopyOnWriteArrayList<>();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final AtomicInteger failuresLeft;
    private final HttpServer server;
    private final AtomicBoolean holdNext = new AtomicBoolean();
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    Receiver(int failures) throws IOException {
        failuresLeft = new AtomicInteger(failures);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        // A held request must not stop the next one from being served.
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var h = exchange.getRequestHeaders();
            String id = h.getFirst("webhook-id");
            if (id != null && seen.add(id)) {
                processed.add(id);
            }
            if (holdNext.compareAndSet(true, false)) {
                held.countDown();
                awaitRelease();
            }
            int status = failuresLeft.getAndDecrement() > 0 ? 500 : 204;
            requests.add(new Request(id, h.getFirst("webhook-timestamp"), h.getFirst("webhook-signature"), body, status));
            byte[] answer = (status == 500 ? "receiver is down" : "").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
            exchange.close();
        });
        server.start();
    }

    /** The next request is processed but not answered until {@link #release()}: the sender waits on it. */
    void holdNextRequest() {
        holdNext.set(true);
    }

    boolean awaitHeld(int seconds) throws InterruptedException {
        return held.await(seconds, TimeUnit.SECONDS);
    }

    void release() {
        release.countDown();
    }

    private void awaitRelease() {
        try {
            release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
        release();
        server.stop(0);
    }
}
