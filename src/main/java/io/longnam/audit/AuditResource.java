package io.longnam.audit;

import io.longnam.audit.AuditService.ChainVerification;
import io.longnam.identity.CurrentCaller;
import io.longnam.identity.Permission;
import io.longnam.tenancy.OrganizationService;
import io.quarkus.security.PermissionsAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/organizations/{orgId}/audit")
@Tag(name = "Audit")
@SecurityRequirement(name = "apiKey")
public class AuditResource {

    @Inject
    AuditService audit;
    @Inject
    OrganizationService organizations;
    @Inject
    CurrentCaller caller;

    @GET
    @Path("verification")
    @PermissionsAllowed(Permission.Names.AUDIT_READ)
    @Operation(summary = "Walk the organisation's audit hash chain and report the first tampered row, if any")
    public ChainVerification verify(@PathParam("orgId") UUID orgId) {
        return audit.verify(organizations.visible(caller.get(), orgId).id);
    }
}
