package io.longnam.testoidc;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points the default OIDC provider at the shared test Keycloak. Restricted to the classes that name it. */
public class KeycloakTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.oidc.auth-server-url", Keycloak.shared().realmUrl(),
                "quarkus.oidc.tenant-enabled", "true");
    }

    @Override
    public void stop() {
        // Left running on purpose: the next test run reuses it (see Keycloak).
    }
}
