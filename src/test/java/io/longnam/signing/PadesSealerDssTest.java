package io.longnam.signing;

import io.longnam.testpki.TestSigningConfig;
import io.longnam.testpki.TestTsaConfig;
import org.junit.jupiter.api.BeforeAll;

/** Every {@link PadesSealerTest} case again with {@code longnam.signing.engine=dss}. */
class PadesSealerDssTest extends PadesSealerTest {

    /** Runs after {@link PadesSealerTest#setUp()}, which JUnit calls first for this class too. */
    @BeforeAll
    static void onDss() {
        engine = TestSigningConfig.DSS;
        sealer = new PadesSealer(TestTsaConfig.of(tsa.url()), engine);
    }
}
