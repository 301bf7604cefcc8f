package io.longnam.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Every {@code longnam.*} setting of the foundation in one typed place (env: {@code LONGNAM_...}). */
@ConfigMapping(prefix = "longnam")
public interface LongnamConfig {

    /** Base URL that download links and QR codes point at, as seen from outside. */
    @WithDefault("http://localhost:8080")
    String publicBaseUrl();

    /** {@code path} (starting with '/') under {@link #publicBaseUrl()}, whether or not the base ends with '/'. */
    default String publicUrl(String path) {
        String base = publicBaseUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    /** When set and no platform administrator exists yet, a platform-admin API key with this value is created. */
    Optional<String> bootstrapApiKey();

    /** PEM bundle of platform trust anchors for verification ({@code LONGNAM_TRUST_ANCHORS}). */
    Optional<String> trustAnchors();

    Upload upload();

    Pdf pdf();

    Verification verification();

    Links links();

    Retention retention();

    interface Upload {
        /** Largest accepted upload; larger ones get 413. */
        @WithDefault("52428800")
        long maxBytes();
    }

    /**
     * Bounds on PDFs we register, seal and verify. DSS's modification check costs per page (quadratic in a page tree
     * that names pages many times), so the limits are checked cheaply before any of that work starts.
     */
    interface Pdf {
        /**
         * Transcripts, certificates and letters are a few pages; 1000 leaves room for bound reports while keeping a
         * verification at a few seconds (a sealed real 20,000-page PDF took 37 s).
         */
        @WithDefault("1000")
        int maxPages();

        /** Objects in the cross-reference table; a text page needs a handful, image-rich pages a few dozen. */
        @WithDefault("100000")
        int maxObjects();
    }

    interface Verification {
        /** Public verifications one client address may run per minute. */
        @WithDefault("30")
        int perMinute();

        /** Views of the public verification page ({@code /v/{id}}) one client address may make per minute. */
        @WithDefault("60")
        int pagePerMinute();

        /** How long a caller waits for a signature check (queueing included) before it is cancelled. */
        @WithDefault("20s")
        Duration timeBudget();

        /** Threads that run signature checks; 0: half the processors (at least one), the rest stays for sealing. */
        @WithDefault("0")
        int threads();

        /** Checks that may wait for a thread; beyond that callers are told to retry later. */
        @WithDefault("16")
        int queue();
    }

    interface Links {
        @WithDefault("P7D")
        Duration defaultTtl();

        @WithDefault("P366D")
        Duration maxTtl();
    }

    interface Retention {
        /** How often the expiry purge runs (Quarkus scheduler syntax, e.g. {@code 15m}). */
        @WithDefault("15m")
        String purgeEvery();

        @WithDefault("200")
        int batchSize();
    }
}
