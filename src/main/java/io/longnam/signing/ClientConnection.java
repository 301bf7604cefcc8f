package io.longnam.signing;

import io.vertx.core.http.HttpServerResponse;
import java.util.function.Consumer;

/** Runs a cancellation when the HTTP client disconnects before its answer is written. */
final class ClientConnection {

    private ClientConnection() {
    }

    static Consumer<Runnable> onClose(HttpServerResponse response) {
        return cancel -> {
            response.closeHandler(ignored -> cancel.run());
            // The client may have gone before the handler was in place; Vert.x would then never call it.
            if (response.closed()) {
                cancel.run();
            }
        };
    }
}
