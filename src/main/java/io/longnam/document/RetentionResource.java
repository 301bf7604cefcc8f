package io.longnam.document;

import io.longnam.document.DocumentDtos.PeriodPurge;
import io.longnam.document.DocumentDtos.PurgeResult;
import io.longnam.identity.CurrentCaller;
import io.longnam.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/organizations/{orgId}/document-purges")
@Tag(name = "Retention")
@SecurityRequirement(name = "apiKey")
public class RetentionResource {

    @Inject
    RetentionService retention;
    @Inject
    CurrentCaller caller;

    @POST
    @RolesAllowed(Role.Names.ORG_ADMIN)
    @Operation(summary = "Erase the organisation's documents created within a period", description = "createdFrom inclusive, createdTo exclusive. Tombstones remain.")
    public PurgeResult purge(@PathParam("orgId") UUID orgId, PeriodPurge period) {
        return retention.purgePeriod(caller.get(), orgId, period);
    }
}
