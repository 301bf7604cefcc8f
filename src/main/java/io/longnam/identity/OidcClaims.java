package io.longnam.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Which token claims carry a person's national ID, e-mail and name. Agencies' providers name them differently, so
 * each OIDC tenant may override the defaults: {@code longnam.oidc.providers.<tenant>.national-id-claim=pid}.
 */
@ConfigMapping(prefix = "longnam.oidc")
public interface OidcClaims {

    @WithDefault("citizen_id")
    String nationalIdClaim();

    @WithDefault("email")
    String emailClaim();

    @WithDefault("name")
    String nameClaim();

    /** Keyed by the Quarkus OIDC tenant id ({@code Default} for the unnamed provider). */
    Map<String, Provider> providers();

    interface Provider {
        Optional<String> nationalIdClaim();

        Optional<String> emailClaim();

        Optional<String> nameClaim();
    }

    /** What one verified token says about its holder. */
    record Person(String issuer, String subject, String nationalId, String email, String name) {
    }

    default Person person(String tenant, JsonWebToken token) {
        Provider p = tenant == null ? null : providers().get(tenant);
        return new Person(token.getIssuer(), token.getSubject(),
                text(token, p == null ? nationalIdClaim() : p.nationalIdClaim().orElse(nationalIdClaim())),
                text(token, p == null ? emailClaim() : p.emailClaim().orElse(emailClaim())),
                text(token, p == null ? nameClaim() : p.nameClaim().orElse(nameClaim())));
    }

    private static String text(JsonWebToken token, String claim) {
        Object value = token.getClaim(claim);
        if (value == null) {
            return null;
        }
        String s = value instanceof jakarta.json.JsonString js ? js.getString() : value.toString();
        return s.isBlank() ? null : s.strip();
    }
}
