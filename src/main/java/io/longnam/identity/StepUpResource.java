package io.longnam.identity;

import io.longnam.identity.TwoFactorDtos.StepUpGrantView;
import io.longnam.identity.TwoFactorDtos.StepUpRequest;
import io.quarkus.security.PermissionsAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/me/step-up")
@Tag(name = "Two-factor")
@SecurityRequirement(name = "oidc")
@PermissionsAllowed(Permission.Names.STEP_UP)
public class StepUpResource {

    @Inject
    TwoFactorService twoFactor;
    @Inject
    CurrentCaller caller;

    @POST
    @Operation(operationId = "stepUp", summary = "Trade a second-factor code for a step-up grant",
            description = "With a current TOTP code (each accepted once) or the latest e-mail code, answers a grant that"
                    + " approvals accept in the X-Step-Up header until it expires (minutes), as often as needed — one check"
                    + " covers a bulk approval. Wrong codes: 422 two-factor-code-invalid, audited; too many: 429 with"
                    + " Retry-After. The grant is not addressable: it is the secret itself, so no Location is given.")
    @APIResponse(responseCode = "201", description = "Grant issued",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = StepUpGrantView.class)))
    public Response stepUp(@Valid @NotNull StepUpRequest request) {
        StepUpGrantView grant = twoFactor.stepUp(caller.get(), request);
        return Response.status(Response.Status.CREATED).entity(grant).build();
    }
}
