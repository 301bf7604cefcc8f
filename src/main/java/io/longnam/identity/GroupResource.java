package io.longnam.identity;

import io.longnam.common.Page;
import io.longnam.identity.GroupDtos.CreateGroup;
import io.longnam.identity.GroupDtos.GroupMemberView;
import io.longnam.identity.GroupDtos.GroupPatch;
import io.longnam.identity.GroupDtos.GroupView;
import io.quarkus.security.PermissionsAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/organizations/{orgId}/groups")
@Tag(name = "Users")
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "oidc")
@PermissionsAllowed(Permission.Names.GROUP_MANAGE)
public class GroupResource {

    @Inject
    GroupService groups;
    @Inject
    CurrentCaller caller;

    @GET
    @PermissionsAllowed(Permission.Names.USER_READ)
    @Operation(operationId = "listGroups", summary = "The organisation's groups of users")
    public Page<GroupView> list(@PathParam("orgId") UUID orgId) {
        return groups.list(caller.get(), orgId);
    }

    @POST
    @Operation(operationId = "createGroup", summary = "Create a group, optionally nested in another",
            description = "`roles` (built-in or custom names) apply in this organisation to the group's members and to the "
                    + "members of all its sub-groups. The parent is a group of this organisation or of one above it.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = GroupView.class)))
    public Response create(@PathParam("orgId") UUID orgId, @Valid @NotNull CreateGroup request, @Context UriInfo uri) {
        GroupView g = groups.create(caller.get(), orgId, request);
        return Response.created(uri.getAbsolutePathBuilder().path(g.id().toString()).build()).entity(g).build();
    }

    @GET
    @Path("{groupId}")
    @PermissionsAllowed(Permission.Names.USER_READ)
    @Operation(operationId = "getGroup", summary = "One group")
    public GroupView get(@PathParam("orgId") UUID orgId, @PathParam("groupId") UUID groupId) {
        return groups.get(caller.get(), orgId, groupId);
    }

    @PATCH
    @Path("{groupId}")
    @Operation(operationId = "updateGroup", summary = "Rename a group, change its roles or move it")
    public GroupView patch(@PathParam("orgId") UUID orgId, @PathParam("groupId") UUID groupId,
                           @Valid @NotNull GroupPatch patch) {
        return groups.patch(caller.get(), orgId, groupId, patch);
    }

    @DELETE
    @Path("{groupId}")
    @Operation(operationId = "deleteGroup", summary = "Delete a group without sub-groups; its members keep their own memberships")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("orgId") UUID orgId, @PathParam("groupId") UUID groupId) {
        groups.delete(caller.get(), orgId, groupId);
    }

    @GET
    @Path("{groupId}/members")
    @PermissionsAllowed(Permission.Names.USER_READ)
    @Operation(operationId = "listGroupMembers", summary = "The group's direct members")
    public Page<GroupMemberView> members(@PathParam("orgId") UUID orgId, @PathParam("groupId") UUID groupId) {
        return groups.members(caller.get(), orgId, groupId);
    }

    @PUT
    @Path("{groupId}/members/{userId}")
    @Operation(operationId = "addGroupMember", summary = "Add a user to the group (adding twice changes nothing)")
    public GroupMemberView addMember(@PathParam("orgId") UUID orgId, @PathParam("groupId") UUID groupId,
                                     @PathParam("userId") UUID userId) {
        return groups.addMember(caller.get(), orgId, groupId, userId);
    }

    @DELETE
    @Path("{groupId}/members/{userId}")
    @Operation(operationId = "removeGroupMember", summary = "Remove a user from the group")
    @APIResponse(responseCode = "204", description = "Removed")
    public void removeMember(@PathParam("orgId") UUID orgId, @PathParam("groupId") UUID groupId,
                             @PathParam("userId") UUID userId) {
        groups.removeMember(caller.get(), orgId, groupId, userId);
    }
}
