package io.longnam.signing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.OptionalInt;

/** {@code longnam.signing.*} (env: {@code LONGNAM_SIGNING_...}). */
@ConfigMapping(prefix = "longnam.signing")
public interface SigningConfig {

    /** Which code makes B-B and B-T PAdES signatures. B-LT and B-LTA are always made by DSS. */
    enum Engine {
        /** PDFBox's external-signing incremental save and a BouncyCastle CMS: no DSS on the signing path. */
        LEAN,
        /** EU DSS, as for the long-term levels. */
        DSS
    }

    /** {@code LONGNAM_SIGNING_ENGINE=lean|dss}. */
    @WithDefault("lean")
    Engine engine();

    /**
     * {@code LONGNAM_SIGNING_CONCURRENT}: signatures made at once ({@link SigningGate}); more wait in arrival order.
     * Default: twice the processors.
     */
    OptionalInt concurrent();

    /** {@code LONGNAM_SIGNING_QUEUE_WAIT}: how long a signature waits for its turn before 503 {@code signing-busy}. */
    @WithDefault("30s")
    Duration queueWait();
}
