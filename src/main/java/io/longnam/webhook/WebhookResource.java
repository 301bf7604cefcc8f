package io.longnam.webhook;

import io.longnam.common.Limits;
import io.longnam.common.Overlaps;
import io.longnam.common.Page;
import io.longnam.identity.CurrentCaller;
import io.longnam.identity.Permission;
import io.longnam.webhook.WebhookDtos.AttemptView;
import io.longnam.webhook.WebhookDtos.CreateWebhook;
import io.longnam.webhook.WebhookDtos.DeliveryView;
import io.longnam.webhook.WebhookDtos.IssuedWebhook;
import io.longnam.webhook.WebhookDtos.WebhookPatch;
import io.longnam.webhook.WebhookDtos.WebhookView;
import io.quarkus.security.PermissionsAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/organizations/{orgId}/webhooks")
@Tag(name = "Webhooks")
@SecurityRequirement(name = "apiKey")
public class WebhookResource {

    @Inject
    WebhookService service;
    @Inject
    CurrentCaller caller;

    @POST
    @PermissionsAllowed(Permission.Names.WEBHOOK_MANAGE)
    @Operation(operationId = "createWebhook", summary = "Register a webhook endpoint",
            description = "Events of this organisation and of its subtree whose type matches `events` are POSTed to `url`, "
                    + "signed as the Standard Webhooks specification says. The answer carries the signing `secret` "
                    + "(`whsec_…`); it is never shown again. URLs resolving to private, loopback or link-local addresses "
                    + "are refused (422) unless allow-listed by the platform.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IssuedWebhook.class)))
    public Response create(@PathParam("orgId") UUID orgId, @Valid @NotNull CreateWebhook request, @Context UriInfo uri) {
        IssuedWebhook issued = service.create(caller.get(), orgId, request);
        return Response.created(uri.getAbsolutePathBuilder().path(issued.id().toString()).build())
                .header("Cache-Control", "no-store").entity(issued).build();
    }

    @GET
    @PermissionsAllowed(Permission.Names.WEBHOOK_READ)
    @Operation(operationId = "listWebhooks", summary = "List an organisation's webhook endpoints (without secrets)")
    public Page<WebhookView> list(@PathParam("orgId") UUID orgId, @QueryParam("cursor") String cursor,
                                  @QueryParam("limit") Integer limit) {
        return service.list(caller.get(), orgId, cursor, Limits.of(limit));
    }

    @GET
    @Path("{webhookId}")
    @PermissionsAllowed(Permission.Names.WEBHOOK_READ)
    @Operation(operationId = "getWebhook", summary = "One webhook endpoint (without its secret)")
    public WebhookView get(@PathParam("orgId") UUID orgId, @PathParam("webhookId") UUID webhookId) {
        return service.get(caller.get(), orgId, webhookId);
    }

    @PATCH
    @Path("{webhookId}")
    @PermissionsAllowed(Permission.Names.WEBHOOK_MANAGE)
    @Operation(operationId = "updateWebhook", summary = "Change a webhook's URL, events or description, or enable/disable it")
    public WebhookView patch(@PathParam("orgId") UUID orgId, @PathParam("webhookId") UUID webhookId,
                             @Valid WebhookPatch patch) {
        return service.patch(caller.get(), orgId, webhookId, patch);
    }

    @DELETE
    @Path("{webhookId}")
    @PermissionsAllowed(Permission.Names.WEBHOOK_MANAGE)
    @Operation(operationId = "deleteWebhook", summary = "Remove a webhook endpoint and its delivery log")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response delete(@PathParam("orgId") UUID orgId, @PathParam("webhookId") UUID webhookId) {
        service.delete(caller.get(), orgId, webhookId);
        return Response.noContent().build();
    }

    @POST
    @Path("{webhookId}/secret-rotation")
    @PermissionsAllowed(Permission.Names.WEBHOOK_MANAGE)
    @Operation(operationId = "rotateWebhookSecret", summary = "Rotate a webhook's signing secret",
            description = "Answers the new secret (shown once). For `overlap` (ISO-8601 duration, default PT24H, at most "
                    + "P30D) every delivery carries two signatures, one per secret, so the receiver can switch at leisure.")
    @APIResponse(responseCode = "200", description = "Rotated",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IssuedWebhook.class)))
    public Response rotate(@PathParam("orgId") UUID orgId, @PathParam("webhookId") UUID webhookId,
                           @QueryParam("overlap") String overlap) {
        return Response.ok(service.rotateSecret(caller.get(), orgId, webhookId, Overlaps.parse(overlap)))
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("{webhookId}/deliveries")
    @PermissionsAllowed(Permission.Names.WEBHOOK_READ)
    @Operation(operationId = "listWebhookDeliveries", summary = "Deliveries to a webhook, newest first",
            description = "`status`: PENDING, DELIVERED or FAILED (given up after the retry window).")
    public Page<DeliveryView> deliveries(@PathParam("orgId") UUID orgId, @PathParam("webhookId") UUID webhookId,
                                         @QueryParam("status") WebhookDelivery.Status status, @QueryParam("cursor") String cursor,
                                         @QueryParam("limit") Integer limit) {
        return service.deliveries(caller.get(), orgId, webhookId, status, cursor, Limits.of(limit));
    }

    @GET
    @Path("{webhookId}/deliveries/{deliveryId}/attempts")
    @PermissionsAllowed(Permission.Names.WEBHOOK_READ)
    @Operation(operationId = "listWebhookAttempts", summary = "Every attempt of one delivery: status, latency, answer excerpt")
    public List<AttemptView> attempts(@PathParam("orgId") UUID orgId, @PathParam("webhookId") UUID webhookId,
                                      @PathParam("deliveryId") UUID deliveryId) {
        return service.attempts(caller.get(), orgId, webhookId, deliveryId);
    }

    @POST
    @Path("{webhookId}/deliveries/{deliveryId}/redelivery")
    @PermissionsAllowed(Permission.Names.WEBHOOK_MANAGE)
    @Operation(operationId = "redeliverWebhook", summary = "Send a delivery again",
            description = "Queues the same event (same `webhook-id`, so receivers that already have it drop it) for "
                    + "sending now, with a fresh retry window.")
    @APIResponse(responseCode = "202", description = "Queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryView.class)))
    public Response redeliver(@PathParam("orgId") UUID orgId, @PathParam("webhookId") UUID webhookId,
                              @PathParam("deliveryId") UUID deliveryId) {
        return Response.accepted(service.redeliver(caller.get(), orgId, webhookId, deliveryId)).build();
    }
}
