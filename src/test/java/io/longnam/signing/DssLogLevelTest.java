package io.longnam.signing;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** #19 item 5: DSS's per-signature INFO lines stay out of the log unless LONGNAM_DSS_LOG_LEVEL asks for them. */
@QuarkusTest
class DssLogLevelTest {

    @Test
    void dssInfoLinesAreOffAndItsWarningsKept() {
        // The loggers that wrote "New CommonCertificateVerifier created" and "Document validation..." per signature.
        for (String category : new String[] {"eu.europa.esig.dss.spi.validation.CommonCertificateVerifier",
                "eu.europa.esig.dss.validation.SignedDocumentValidator", "eu.europa.esig.dss.pades.signature"}) {
            Logger logger = Logger.getLogger(category);
            assertThat(logger.isLoggable(Level.INFO)).as(category + " at INFO").isFalse();
            assertThat(logger.isLoggable(Level.WARNING)).as(category + " at WARN").isTrue();
        }
        assertThat(Logger.getLogger("io.longnam.signing.SealService").isLoggable(Level.INFO)).isTrue();
    }
}
