package io.longnam.common;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

@OpenAPIDefinition(info = @Info(title = "longnam signing service", version = "1.0",
        description = "Multi-tenant API to register, seal, verify, deliver and expire electronic documents "
                + "(ปพ.1, ปพ.2, official letters). Errors are RFC 9457 application/problem+json."))
@SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "Organisation API key (`Authorization: Bearer ln_...`) or an agency client's token from "
                + "`POST /oauth2/token` (`Bearer lnt_...`)")
@SecurityScheme(securitySchemeName = "clientBasic", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "An agency client's id and secret, at the token endpoint only")
@SecurityScheme(securitySchemeName = "oidc", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "Access token of a configured identity provider: `Authorization: Bearer <JWT>`; a user with "
                + "several memberships names the organisation it acts for in `X-Organization-Id`")
public class LongnamApi extends Application {
}
