package io.longnam.identity;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/**
 * An API key to check. A type of its own, not Quarkus's {@code TokenAuthenticationRequest}: that one belongs to the
 * OIDC identity provider, and sharing it would let either provider be asked about the other's tokens.
 */
public class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final String key;

    public ApiKeyAuthenticationRequest(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
