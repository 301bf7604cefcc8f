package io.longnam.identity;

import io.longnam.identity.TwoFactorDtos.CodeSubmission;
import io.longnam.identity.TwoFactorDtos.EmailCodeSent;
import io.longnam.identity.TwoFactorDtos.TotpEnrolmentStarted;
import io.longnam.identity.TwoFactorDtos.TwoFactorStatus;
import io.quarkus.security.PermissionsAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A person's own second factors (TOR 2.5.6); the step-up itself is {@link StepUpResource}. */
@Path("/api/v1/me/two-factor")
@Tag(name = "Two-factor")
@SecurityRequirement(name = "oidc")
@PermissionsAllowed(Permission.Names.STEP_UP)
public class TwoFactorResource {

    @Inject
    TwoFactorService twoFactor;
    @Inject
    CurrentCaller caller;

    @GET
    @Operation(operationId = "getTwoFactorStatus", summary = "The caller's second factors",
            description = "Whether the organisation acted for requires a step-up before approving, the authenticator's state"
                    + " and where e-mail codes go. People only: API keys and clients get 403 not-a-person.")
    public TwoFactorStatus status() {
        return twoFactor.status(caller.get());
    }

    @POST
    @Path("totp")
    @Operation(operationId = "startTotpEnrolment", summary = "Enrol an authenticator app (TOTP)",
            description = "Answers a new secret and its otpauth:// URI once (RFC 6238: SHA-1, 6 digits, 30 s). The"
                    + " enrolment stays pending until confirmed with a first code; calling again replaces a pending one. An"
                    + " active authenticator must be removed first (409 totp-already-enrolled).")
    @APIResponse(responseCode = "201", description = "Pending enrolment; Location is the two-factor status",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TotpEnrolmentStarted.class)))
    public Response startTotp(@Context UriInfo uri) {
        TotpEnrolmentStarted started = twoFactor.startTotp(caller.get());
        return Response.created(uri.getBaseUriBuilder().path("/api/v1/me/two-factor").build()).entity(started).build();
    }

    @POST
    @Path("totp/confirmation")
    @Operation(operationId = "confirmTotpEnrolment", summary = "Activate the pending authenticator with a first code",
            description = "A wrong code answers 422 two-factor-code-invalid and counts towards the limit of wrong codes"
                    + " (then 429 with Retry-After); every failure is audited.")
    public TwoFactorStatus confirmTotp(@Valid @NotNull CodeSubmission request) {
        return twoFactor.confirmTotp(caller.get(), request.code());
    }

    @DELETE
    @Path("totp")
    @Operation(operationId = "removeTotp", summary = "Remove the authenticator",
            description = "A pending enrolment goes at once; an active authenticator only with a step-up grant (TOTP or"
                    + " e-mail code) in the X-Step-Up header, else 403 step-up-required.")
    @APIResponse(responseCode = "204", description = "Removed")
    public void removeTotp(@HeaderParam(StepUpService.HEADER) String grant) {
        twoFactor.removeTotp(caller.get(), grant);
    }

    @POST
    @Path("email-codes")
    @Operation(operationId = "sendEmailCode", summary = "Mail a one-time code",
            description = "Queues a mail with a six-digit code to the account's e-mail address (Thai, or English when"
                    + " Accept-Language prefers it). The code works once, for a short time; a newer code retires older"
                    + " ones. Requests are limited per person (429 with Retry-After).")
    @APIResponse(responseCode = "202", description = "Queued for sending",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EmailCodeSent.class)))
    public Response sendEmailCode(@Context HttpHeaders headers) {
        return Response.accepted(twoFactor.sendEmailCode(caller.get(), language(headers))).build();
    }

    /** The first of Thai or English the client accepts; none named means Thai (see MailTemplates). */
    private static Locale language(HttpHeaders headers) {
        for (Locale l : headers.getAcceptableLanguages()) {
            if (l.getLanguage().equals("th") || l.getLanguage().equals("en")) {
                return l;
            }
        }
        return null;
    }
}
