package io.longnam.signing;

import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.http.commons.CommonsDataLoader;
import eu.europa.esig.dss.service.http.commons.OCSPDataLoader;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.spi.x509.aia.DefaultAIASource;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
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

    /**
     * CRLs, OCSP answers and missing intermediates (AIA) fetched online, each with bounded timeouts, and outside the
     * signing gate: a signature waiting on a CRL server leaves its turn to others meanwhile.
     */
    static CommonCertificateVerifier withOnlineRevocation(CommonCertificateVerifier verifier) {
        CommonsDataLoader loader = withTimeouts(new CommonsDataLoader() {
            @Override
            public byte[] get(String url) {
                return SigningGate.outside(() -> super.get(url));
            }

            @Override
            public byte[] post(String url, byte[] content) {
                return SigningGate.outside(() -> super.post(url, content));
            }
        }, REVOCATION_TIMEOUT);
        verifier.setCrlSource(new OnlineCRLSource(loader));
        verifier.setOcspSource(new OnlineOCSPSource(withTimeouts(new OCSPDataLoader() {
            @Override
            public byte[] post(String url, byte[] content) {
                return SigningGate.outside(() -> super.post(url, content));
            }
        }, REVOCATION_TIMEOUT)));
        verifier.setAIASource(new DefaultAIASource(loader));
        return verifier;
    }
}
