package io.longnam.webhook;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * POSTs one delivery to the address {@link EndpointAddresses} checked, never to what the name resolves to later:
 * the connection goes to that address while Host, TLS server name and certificate check use the URL's host.
 * Redirects are not followed (a redirect to an internal address would undo the check).
 */
@ApplicationScoped
public class WebhookSender {

    static final int EXCERPT_CHARS = 1000;

    @Inject
    Vertx vertx;
    @Inject
    WebhooksConfig config;

    private HttpClient client;

    /** What came back: a status (null when no answer) and an excerpt, or why nothing came back. */
    public record Outcome(Integer statusCode, String excerpt, String error) {
        boolean succeeded() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    @PostConstruct
    void start() {
        int timeout = (int) config.timeout().toMillis();
        client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(timeout).setKeepAlive(false)
                .setVerifyHost(true).setTrustAll(false).setForceSni(true).setMaxRedirects(0)
                .setIdleTimeout(timeout).setIdleTimeoutUnit(TimeUnit.MILLISECONDS));
    }

    @PreDestroy
    void stop() {
        client.close();
    }

    public Outcome post(URI uri, InetAddress address, Map<String, String> headers, String body) {
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
        String target = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                .setHost(uri.getHost()).setPort(port).setSsl(https).setURI(target).setFollowRedirects(false)
                .setTimeout(config.timeout().toMillis());
        headers.forEach(options::putHeader);
        Promise<Outcome> answer = Promise.promise();
        client.request(options).onFailure(answer::tryFail).onSuccess(request -> request.send(Buffer.buffer(body))
                .onFailure(answer::tryFail)
                .onSuccess(response -> {
                    Buffer excerpt = Buffer.buffer();
                    // Only the start of the answer is kept; the rest is read and dropped so the connection ends cleanly.
                    response.handler(chunk -> {
                        if (excerpt.length() < EXCERPT_CHARS * 4) {
                            excerpt.appendBuffer(chunk, 0, Math.min(chunk.length(), EXCERPT_CHARS * 4 - excerpt.length()));
                        }
                    });
                    response.exceptionHandler(answer::tryFail);
                    response.endHandler(v -> answer.tryComplete(new Outcome(response.statusCode(), excerpt(excerpt), null)));
                }));
        try {
            return answer.future().toCompletionStage().toCompletableFuture()
                    .get(config.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new Outcome(null, null, "no answer within " + config.timeout());
        } catch (ExecutionException e) {
            return new Outcome(null, null, describe(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, null, "interrupted");
        }
    }

    private static String excerpt(Buffer bytes) {
        String text = new String(bytes.getBytes(), StandardCharsets.UTF_8);
        return text.length() > EXCERPT_CHARS ? text.substring(0, EXCERPT_CHARS) : text;
    }

    /** A short, class-name-free reason for the attempt log, which organisation admins read. */
    private static String describe(Throwable failure) {
        String name = failure.getClass().getSimpleName();
        if (name.contains("Timeout")) {
            return "timed out";
        }
        if (name.contains("ConnectException") || name.contains("Connect")) {
            return "connection refused or unreachable";
        }
        if (name.contains("SSL") || name.contains("Ssl") || name.contains("Certificate")) {
            return "TLS handshake failed";
        }
        return "connection failed";
    }
}
