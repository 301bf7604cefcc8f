package io.longnam.common;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

// The server is relative so that the console and generated clients call the host they were given, not port 80.
@OpenAPIDefinition(info = @Info(title = "longnam signing service", version = "1.0",
        description = "Multi-tenant API to register, seal, verify, deliver and expire electronic documents "
                + "(ปพ.1, ปพ.2, official letters). Errors are RFC 9457 application/problem+json (schema `Problem`); "
                + "the README lists the problem types.",
        contact = @Contact(name = "longnam maintainers (security reports: see the README)"),
        license = @License(name = "Proprietary: use is governed by the operating agency's terms", identifier = "LicenseRef-longnam-proprietary")),
        servers = @Server(url = "/", description = "The host that serves this document"),
        tags = {
                @Tag(name = "Documents", description = "Register PDFs, list, read, download and delete documents"),
                @Tag(name = "Renders", description = "Render templates, text, tables and PDF + XML into registered PDF/A-3 documents"),
                @Tag(name = "Templates", description = "Built-in and uploaded docx templates and the fields they take"),
                @Tag(name = "Signing", description = "Seal documents (PAdES) and verify signatures, publicly or per document"),
                @Tag(name = "Signing keys", description = "An organisation's seal keys: generate with a CSR, attach the chain, import PKCS#12"),
                @Tag(name = "Download links", description = "Expiring, countable links that hand a document to its owner without a login"),
                @Tag(name = "Bulk jobs", description = "Background renders of many records, with progress and per-item results"),
                @Tag(name = "Organizations", description = "The tenant tree and each organisation's settings"),
                @Tag(name = "API keys", description = "An organisation's API keys: issue, list, rotate, revoke; who am I"),
                @Tag(name = "Agency clients", description = "OAuth 2.0 client-credentials clients of agencies and their tokens"),
                @Tag(name = "Users", description = "People who log in through an identity provider, their activation and memberships"),
                @Tag(name = "Roles", description = "Permissions, custom roles and groups"),
                @Tag(name = "Audit", description = "The hash-chained audit trail of state changes"),
                @Tag(name = "Logs", description = "The access log of requests"),
                @Tag(name = "Retention", description = "Erasing documents by period"),
                @Tag(name = "Two-factor", description = "A person's second factors and step-up for sensitive operations"),
                @Tag(name = "Personal signing keys", description = "A person's own signing keys and certificates"),
                @Tag(name = "Signature images", description = "A person's signature images for visible signatures"),
                @Tag(name = "Workflows", description = "Approval chains: steps, personal signatures, comments, rejection, tasks, bulk approval, templates"),
                @Tag(name = "Webhooks", description = "Signed callbacks (Standard Webhooks) of an organisation's events, their deliveries and attempts"),
                @Tag(name = "Reports", description = "Document counts by period, organisation, format, channel, status and type; dashboard"),
                @Tag(name = "Content pages", description = "Project, contact and terms pages in Thai and English: drafts, publishing, versions")})
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
