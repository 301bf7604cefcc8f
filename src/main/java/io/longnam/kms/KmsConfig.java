package io.longnam.kms;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** {@code longnam.kms.*}: which key providers run and how they reach their keys. */
@ConfigMapping(prefix = "longnam.kms")
public interface KmsConfig {

    Software software();

    Pkcs11 pkcs11();

    interface Software {
        @WithDefault("true")
        boolean enabled();

        /** Base64 of 32 random bytes ({@code LONGNAM_KMS_SOFTWARE_MASTER_KEY}); required in production. */
        Optional<String> masterKey();
    }

    interface Pkcs11 {
        @WithDefault("false")
        boolean enabled();

        /** Path of the PKCS#11 module, e.g. /usr/lib/softhsm/libsofthsm2.so ({@code LONGNAM_KMS_PKCS11_LIBRARY}). */
        Optional<String> library();

        /** Label of the token to use ({@code LONGNAM_KMS_PKCS11_TOKEN_LABEL}); its slot is looked up at startup. */
        Optional<String> tokenLabel();

        /** User PIN ({@code LONGNAM_KMS_PKCS11_PIN}). */
        Optional<String> pin();
    }
}
