package io.longnam.kms;

import io.longnam.common.Hashes;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The key providers enabled by configuration, looked up by the provider name stored with each key.
 * Built at startup so that a missing master key or an unreachable token stops the service from starting
 * instead of failing the first seal.
 */
@Startup
@ApplicationScoped
public class KeyProviders {

    private static final Logger LOG = Logger.getLogger(KeyProviders.class);

    private final Map<String, KeyProvider> byName = new LinkedHashMap<>();

    @Inject
    public KeyProviders(KmsConfig config) {
        this(config, LaunchMode.current());
    }

    KeyProviders(KmsConfig config, LaunchMode mode) {
        if (config.software().enabled()) {
            byName.put(SoftwareKeyProvider.NAME, new SoftwareKeyProvider(masterKey(config, mode)));
        }
        if (config.pkcs11().enabled()) {
            KmsConfig.Pkcs11 p = config.pkcs11();
            String library = p.library().orElseThrow(() -> missing("longnam.kms.pkcs11.library"));
            String label = p.tokenLabel().orElseThrow(() -> missing("longnam.kms.pkcs11.token-label"));
            String pin = p.pin().orElseThrow(() -> missing("longnam.kms.pkcs11.pin"));
            byName.put(Pkcs11KeyProvider.NAME, new Pkcs11KeyProvider(library, label, pin.toCharArray()));
        }
    }

    static byte[] masterKey(KmsConfig config, LaunchMode mode) {
        var configured = config.software().masterKey().filter(k -> !k.isBlank());
        if (configured.isPresent()) {
            return SoftwareKeyProvider.decodeMasterKey(configured.get());
        }
        if (mode == LaunchMode.NORMAL) {
            throw new IllegalStateException("longnam.kms.software.enabled=true but no master key is set:"
                    + " set LONGNAM_KMS_SOFTWARE_MASTER_KEY to base64 of 32 random bytes"
                    + " (e.g. `openssl rand -base64 32`), or disable the software key provider");
        }
        LOG.warnf("Software KMS is using the built-in %s master key: keys it wraps are NOT protected."
                + " Set LONGNAM_KMS_SOFTWARE_MASTER_KEY outside dev/test.", mode.getDefaultProfile());
        // fixed so that dev databases stay usable across restarts
        return Hashes.sha256("longnam development master key - not secret".getBytes(StandardCharsets.US_ASCII));
    }

    private static IllegalStateException missing(String property) {
        return new IllegalStateException("longnam.kms.pkcs11.enabled=true but " + property + " is not set");
    }

    /** The provider stored with a key; fails for providers not enabled here. */
    public KeyProvider get(String name) {
        KeyProvider provider = byName.get(name);
        if (provider == null) {
            throw new KmsException("key provider '" + name + "' is not enabled (enabled: " + byName.keySet() + ")");
        }
        return provider;
    }

    public Set<String> names() {
        return byName.keySet();
    }

    @PreDestroy
    void close() {
        byName.values().forEach(p -> {
            if (p instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.warnf("closing key provider %s failed: %s", p.name(), e.getMessage());
                }
            }
        });
    }

    @Override
    public String toString() {
        return "KeyProviders" + byName.keySet();
    }
}
