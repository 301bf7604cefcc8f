package io.longnam.kms;

import io.longnam.common.ProblemException;
import java.util.function.Supplier;

/** Translates provider failures into answers: unreachable → 503 retryable; any other refusal → 502 `kms-error` without the provider's detail. */
public final class Kms {

    private Kms() {
    }

    static <T> T call(Supplier<T> action) {
        return call("the operation", action);
    }

    /** {@code refusal} completes "the key-management provider refused …" in the 502 answer. */
    public static <T> T call(String refusal, Supplier<T> action) {
        try {
            return action.get();
        } catch (KmsUnavailableException e) {
            throw ProblemException.unavailable("kms-unavailable", "the key-management provider is unreachable; retry later");
        } catch (KmsException e) {
            // Provider messages can name slots or aliases; clients get a generic statement, operators the log.
            io.quarkus.logging.Log.warnf("key provider failure: %s", e.getMessage());
            throw new ProblemException(502, "kms-error", "Key provider error",
                    "the key-management provider refused " + refusal, null, null);
        }
    }

    static void run(Runnable action) {
        call(() -> {
            action.run();
            return null;
        });
    }
}
