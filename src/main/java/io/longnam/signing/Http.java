package io.longnam.signing;

import eu.europa.esig.dss.service.http.commons.CommonsDataLoader;
import eu.europa.esig.dss.service.http.commons.OCSPDataLoader;
import java.time.Duration;

/** DSS HTTP loaders with bounded timeouts: a hanging CRL or OCSP server must not hold a seal request forever. */
final class Http {

    static final Duration REVOCATION_TIMEOUT = Duration.ofSeconds(10);

    private Http() {
    }

    static <T extends CommonsDataLoader> T withTimeouts(T loader, Duration timeout) {
        int millis = Math.toIntExact(timeout.toMillis());
        loader.setTimeoutConnection(millis);
        loader.setTimeoutConnectionRequest(millis);
        loader.setTimeoutResponse(millis);
        loader.setTimeoutSocket(millis);
        return loader;
    }

    static CommonsDataLoader crlAndAia() {
        return withTimeouts(new CommonsDataLoader(), REVOCATION_TIMEOUT);
    }

    static OCSPDataLoader ocsp() {
        return withTimeouts(new OCSPDataLoader(), REVOCATION_TIMEOUT);
    }
}
