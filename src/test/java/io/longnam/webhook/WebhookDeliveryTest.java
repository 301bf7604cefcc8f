package io.longnam.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longnam.support.Api;
import io.longnam.support.Api.Tenant;
import io.longnam.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Deliveries as a receiver sees them. Signatures are checked here with an implementation written from the Standard
 * Webhooks specification, not with the service's own signer, so a mistake in one is not mirrored in the other.
 */
@QuarkusTest
class WebhookDeliveryTest {

    static final String WEBHOOKS = "/api/v1/organizations/{o}/webhooks";
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource db;
    @Inject
    WebhookWorker worker;
    @Inject
    WebhookDeliveries deliveries;

    @Test
    void signedEventsAreRetriedAfterFailuresAndReachTheReceiverOnceEach() throws Exception {
        try (Receiver receiver = new Receiver(3)) {
            Tenant school = Api.school("webhook-retries");
            String secret = register(school, receiver.url(), "document.registered");
            UUID first = Api.register(school, "first");
            UUID second = Api.register(school, "second");

            assertThat(receiver.await(30, r -> r.stream().filter(q -> q.answered() < 300).count() >= 2)).isTrue();
            Thread.sleep(1000);
            for (Receiver.Request r : receiver.requests) {
                assertThat(verify(secret, r)).as("signature of " + r.id()).isTrue();
                assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(r.timestamp()))).isLessThan(300);
            }
            assertThat(receiver.requests.stream().filter(r -> r.answered() == 500)).hasSize(3);
            List<String> acceptedIds = receiver.accepted().stream().map(Receiver.Request::id).toList();
            assertThat(acceptedIds).doesNotHaveDuplicates().hasSize(2);
            Set<String> targets = receiver.accepted().stream().map(r -> body(r).path("data").path("targetId").asText())
                    .collect(Collectors.toSet());
            assertThat(targets).containsExactlyInAnyOrder(first.toString(), second.toString());
            JsonNode event = body(receiver.accepted().getFirst());
            assertThat(event.path("type").asText()).isEqualTo("document.registered");
            assertThat(event.path("organizationId").asText()).isEqualTo(school.orgId().toString());
            assertThat(event.path("id").asText()).isEqualTo(receiver.accepted().getFirst().id());
            assertThat(Instant.parse(event.path("occurredAt").asText())).isBefore(Instant.now());
        }
    }

    @Test
    void attemptsAreListedWithStatusLatencyAndExcerpt() throws Exception {
        try (Receiver receiver = new Receiver(2)) {
            Tenant school = Api.school("webhook-attempts");
            String hook = id(school, receiver.url(), "document.*");
            Api.register(school, "attempted");
            assertThat(receiver.await(30, r -> !receiver.accepted().isEmpty())).isTrue();
            // The receiver has answered 204, but the worker records the attempt in its own transaction just after.
            awaitDelivered(school, hook);
            String delivery = school.as().get(WEBHOOKS + "/{w}/deliveries", school.orgId(), hook).then().statusCode(200)
                    .body("items.size()", equalTo(1)).body("items[0].status", equalTo("DELIVERED"))
                    .body("items[0].attempts", equalTo(3)).extract().path("items[0].id");
            school.as().get(WEBHOOKS + "/{w}/deliveries/{d}/attempts", school.orgId(), hook, delivery).then().statusCode(200)
                    .body("statusCode", equalTo(List.of(500, 500, 204)))
                    .body("responseExcerpt[0]", equalTo("receiver is down"))
                    .body("attempt", equalTo(List.of(1, 2, 3)));
        }
    }

    @Test
    void redeliverySendsTheSameEventIdAgain() throws Exception {
        try (Receiver receiver = new Receiver(0)) {
            Tenant school = Api.school("webhook-redeliver");
            String hook = id(school, receiver.url(), "document.registered");
            Api.register(school, "again");
            assertThat(receiver.await(20, r -> r.size() == 1)).isTrue();
            String delivery = school.as().get(WEBHOOKS + "/{w}/deliveries", school.orgId(), hook).then().statusCode(200)
                    .extract().path("items[0].id");
            school.as().post(WEBHOOKS + "/{w}/deliveries/{d}/redelivery", school.orgId(), hook, delivery).then()
                    .statusCode(202).body("status", equalTo("PENDING"));
            assertThat(receiver.await(20, r -> r.size() == 2)).isTrue();
            assertThat(receiver.requests.get(1).id()).isEqualTo(receiver.requests.get(0).id());
            assertThat(receiver.requests.get(1).body()).isEqualTo(receiver.requests.get(0).body());
        }
    }

    @Test
    void duringARotationEachDeliveryCarriesASignatureForTheOldAndTheNewSecret() throws Exception {
        try (Receiver receiver = new Receiver(0)) {
            Tenant school = Api.school("webhook-rotation");
            var created = school.as().contentType(ContentType.JSON).body(Receiver.webhook(receiver.url(), "document.registered"))
                    .post(WEBHOOKS, school.orgId()).then().statusCode(201).extract();
            String old = created.path("secret");
            String fresh = school.as().queryParam("overlap", "PT1H")
                    .post(WEBHOOKS + "/{w}/secret-rotation", school.orgId(), created.path("id")).then().statusCode(200)
                    .body("previousSecretValidUntil", org.hamcrest.Matchers.notNullValue()).extract().path("secret");
            assertThat(fresh).startsWith("whsec_").isNotEqualTo(old);
            Api.register(school, "rotated");
            assertThat(receiver.await(20, r -> r.size() == 1)).isTrue();
            Receiver.Request r = receiver.requests.getFirst();
            assertThat(r.signature().split(" ")).hasSize(2);
            assertThat(verify(old, r)).isTrue();
            assertThat(verify(fresh, r)).isTrue();
            assertThat(verify("whsec_" + Base64.getEncoder().encodeToString(new byte[24]), r)).isFalse();
        }
    }

    @Test
    void anEndpointThatKeepsFailingIsDisabledAndTheDisablingAudited() throws Exception {
        try (Receiver receiver = new Receiver(0)) {
            receiver.failAlways();
            Tenant school = Api.school("webhook-disable");
            String hook = id(school, receiver.url(), "document.registered");
            Api.register(school, "failing");
            long deadline = System.currentTimeMillis() + 40_000;
            boolean enabled = true;
            while (enabled && System.currentTimeMillis() < deadline) {
                Thread.sleep(300);
                enabled = school.as().get(WEBHOOKS + "/{w}", school.orgId(), hook).then().statusCode(200)
                        .extract().path("enabled");
            }
            assertThat(enabled).isFalse();
            assertThat(Sql.count(db, "select count(*) from audit_event where organization_id = ? and action = 'webhook.disabled'"
                    + " and target_id = ?", school.orgId(), hook)).isEqualTo(1);
            int seen = receiver.requests.size();
            Api.register(school, "not sent");
            Thread.sleep(1500);
            assertThat(receiver.requests).hasSize(seen);
        }
    }

    /**
     * Stands in for a {@code kill -9} between the change and its delivery: the worker is stopped, the change commits
     * (its outbox row with it), a worker claims the row and dies without sending; a fresh worker pass delivers it once
     * the dead worker's lease has run out.
     */
    @Test
    void aDeliveryClaimedByAWorkerThatDiedIsSentByTheNextWorker() throws Exception {
        try (Receiver receiver = new Receiver(0)) {
            Tenant school = Api.school("webhook-crash");
            String hook = id(school, receiver.url(), "document.registered");
            worker.pause(true);
            try {
                Api.register(school, "survives");
                assertThat(Sql.count(db, "select count(*) from webhook_delivery where endpoint_id = ? and status = 'PENDING'",
                        UUID.fromString(hook))).isEqualTo(1);
                List<WebhookDeliveries.Claim> abandoned = deliveries.claim(1000);
                assertThat(abandoned).extracting(WebhookDeliveries.Claim::endpointId).contains(UUID.fromString(hook));
                assertThat(worker.drain()).as("claimed rows are invisible until their lease ends").isZero();
            } finally {
                worker.pause(false);
            }
            assertThat(receiver.await(20, r -> r.size() == 1)).isTrue();
            Thread.sleep(1000);
            assertThat(receiver.requests).hasSize(1);
        }
    }

    @Test
    void theAddressIsCheckedAgainAtDelivery() throws Exception {
        try (Receiver receiver = new Receiver(0)) {
            Tenant school = Api.school("webhook-rebind");
            String hook = id(school, receiver.url(), "document.registered");
            // What a DNS answer changing after registration amounts to: the endpoint now points inside.
            Sql.update(db, "update webhook_endpoint set url = 'http://10.20.30.40/hook' where id = ?", UUID.fromString(hook));
            Api.register(school, "rebound");
            long deadline = System.currentTimeMillis() + 20_000;
            String error = null;
            while (error == null && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
                List<String> ids = school.as().get(WEBHOOKS + "/{w}/deliveries", school.orgId(), hook).then().extract()
                        .jsonPath().getList("items.id");
                if (!ids.isEmpty()) {
                    error = school.as().get(WEBHOOKS + "/{w}/deliveries/{d}/attempts", school.orgId(), hook, ids.getFirst())
                            .then().statusCode(200).extract().path("[0].error");
                }
            }
            assertThat(error).startsWith("refused: ").contains("private");
            assertThat(receiver.requests).isEmpty();
        }
    }

    @Test
    void registrationRefusesPrivateLoopbackAndLinkLocalAddresses() {
        Tenant school = Api.school("webhook-ssrf");
        for (String url : List.of("http://127.0.0.2/hook", "http://10.1.2.3/hook", "http://169.254.169.254/latest/meta-data",
                "http://[::1]/hook", "http://[::ffff:10.0.0.1]/hook", "http://192.168.1.1/", "http://0.0.0.0/")) {
            school.as().contentType(ContentType.JSON).body(Receiver.webhook(url, "*")).post(WEBHOOKS, school.orgId())
                    .then().statusCode(422).body("type", org.hamcrest.Matchers.endsWith("webhook-url-refused"));
        }
        for (String url : List.of("ftp://example.org/x", "http://user:pw@example.org/", "/relative")) {
            school.as().contentType(ContentType.JSON).body(Receiver.webhook(url, "*")).post(WEBHOOKS, school.orgId())
                    .then().statusCode(400);
        }
        assertThat(school.as().get(WEBHOOKS, school.orgId()).then().statusCode(200).extract().jsonPath().getList("items"))
                .isEmpty();
    }

    @Test
    void anotherOrganisationsWebhooksAnswer404() throws Exception {
        try (Receiver receiver = new Receiver(0)) {
            Tenant school = Api.school("webhook-owner");
            String hook = id(school, receiver.url(), "*");
            Tenant stranger = Api.school("webhook-stranger");
            stranger.as().get(WEBHOOKS + "/{w}", school.orgId(), hook).then().statusCode(404);
            stranger.as().get(WEBHOOKS + "/{w}", stranger.orgId(), hook).then().statusCode(404);
            stranger.as().post(WEBHOOKS + "/{w}/secret-rotation", stranger.orgId(), hook).then().statusCode(404);
            school.as().get(WEBHOOKS + "/{w}", school.orgId(), hook).then().statusCode(200)
                    .body("secret", org.hamcrest.Matchers.nullValue()).body("events", equalTo(List.of("*")));
        }
    }

    static String register(Tenant t, String url, String... events) {
        return t.as().contentType(ContentType.JSON).body(Receiver.webhook(url, events))
                .post(WEBHOOKS, t.orgId()).then().statusCode(201).header("Location", org.hamcrest.Matchers.notNullValue())
                .extract().path("secret");
    }

    static String id(Tenant t, String url, String... events) {
        return t.as().contentType(ContentType.JSON).body(Receiver.webhook(url, events))
                .post(WEBHOOKS, t.orgId()).then().statusCode(201).extract().path("id");
    }

    static JsonNode body(Receiver.Request r) {
        try {
            return JSON.readTree(r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Standard Webhooks verification: any {@code v1,} signature in the header equal to HMAC(id.timestamp.body). */
    static boolean verify(String secret, Receiver.Request r) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        byte[] expected = mac.doFinal((r.id() + "." + r.timestamp() + "." + r.body()).getBytes(StandardCharsets.UTF_8));
        return Arrays.stream(r.signature().split(" ")).filter(s -> s.startsWith("v1,"))
                .map(s -> Base64.getDecoder().decode(s.substring(3)))
                .anyMatch(sig -> MessageDigest.isEqual(sig, expected));
    }

    @SuppressWarnings("unused")
    private static Map<String, Object> none() {
        return Map.of();
    }

    private static void awaitDelivered(Tenant school, String hook) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            String status = school.as().get(WEBHOOKS + "/{w}/deliveries", school.orgId(), hook).then().statusCode(200)
                    .extract().path("items[0].status");
            if ("DELIVERED".equals(status)) {
                return;
            }
            Thread.sleep(100);
        }
    }
}
