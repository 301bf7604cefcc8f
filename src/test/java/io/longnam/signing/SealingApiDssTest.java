package io.longnam.signing;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;

/** Every {@link SealingApiTest} case again through the API with {@code longnam.signing.engine=dss}. */
@QuarkusTest
@TestProfile(SealingApiDssTest.DssEngine.class)
class SealingApiDssTest extends SealingApiTest {

    public static class DssEngine implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("longnam.signing.engine", "dss");
        }
    }
}
