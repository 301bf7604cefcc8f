package io.longnam.identity;

import io.longnam.identity.RoleDtos.BuiltInRoleView;
import io.longnam.identity.RoleDtos.PermissionCatalogue;
import io.longnam.identity.RoleDtos.PermissionView;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.Arrays;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/permissions")
@Tag(name = "Roles")
@SecurityRequirement(name = "apiKey")
public class PermissionResource {

    private static final PermissionCatalogue CATALOGUE = new PermissionCatalogue(
            Arrays.stream(Permission.values()).map(p -> new PermissionView(p.value(), p.description())).toList(),
            Arrays.stream(Role.values()).map(r -> new BuiltInRoleView(r.name(), RoleDtos.values(r.permissions()))).toList());

    // Any caller: the catalogue is the same for everyone and reveals no tenant's data.
    @GET
    @Authenticated
    @Operation(operationId = "listPermissions", summary = "The permissions there are and what each built-in role confers", description = "The building blocks of custom roles.")
    public PermissionCatalogue catalogue() {
        return CATALOGUE;
    }
}
