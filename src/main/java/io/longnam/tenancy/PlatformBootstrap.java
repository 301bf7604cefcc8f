package io.longnam.tenancy;

import io.longnam.common.LongnamConfig;
import io.longnam.identity.Role;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Set;

/** Lets a fresh install be driven from the API: the first platform-admin key comes from configuration. */
@ApplicationScoped
public class PlatformBootstrap {

    static final String PLATFORM_CODE = "platform";
    private static final int MIN_BOOTSTRAP_KEY_LENGTH = 32;

    @Inject
    LongnamConfig config;
    @Inject
    OrganizationService organizations;
    @Inject
    ApiKeyService keys;

    @Transactional
    void onStart(@Observes StartupEvent event) {
        config.bootstrapApiKey().filter(k -> !k.isBlank()).ifPresent(this::bootstrap);
    }

    void bootstrap(String key) {
        if (key.length() < MIN_BOOTSTRAP_KEY_LENGTH) {
            throw new IllegalStateException("LONGNAM_BOOTSTRAP_API_KEY must be at least " + MIN_BOOTSTRAP_KEY_LENGTH
                    + " characters of random data");
        }
        boolean adminExists = ApiKey.<ApiKey>stream("revokedAt is null").anyMatch(k -> k.roleSet().contains(Role.PLATFORM_ADMIN));
        if (adminExists) {
            return;
        }
        Organization platform = Organization.<Organization>find("code", PLATFORM_CODE).firstResultOptional()
                .orElseGet(() -> organizations.insert("Platform", PLATFORM_CODE, null, "system:bootstrap"));
        keys.issue(platform.id, "bootstrap", Set.of(Role.PLATFORM_ADMIN), null, null, "system:bootstrap", key);
        Log.infof("created the bootstrap platform-admin API key (prefix %s)", ApiKeyService.prefixOf(key));
    }
}
