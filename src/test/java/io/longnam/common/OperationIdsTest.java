package io.longnam.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * SDK generators name their methods after operationIds and invent names (or give up) without them, and two
 * operations sharing one would collide in the generated client.
 */
@QuarkusTest
class OperationIdsTest {

    static final Set<String> VERBS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    @Test
    void everyOperationHasItsOwnOperationId() {
        Map<String, Map<String, Object>> paths = given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        assertThat(paths).isNotEmpty();

        List<String> missing = new ArrayList<>();
        Map<String, List<String>> byId = new LinkedHashMap<>();
        paths.forEach((path, item) -> item.forEach((verb, operation) -> {
            if (!VERBS.contains(verb)) {
                return;
            }
            String where = verb.toUpperCase() + " " + path;
            Object id = ((Map<?, ?>) operation).get("operationId");
            if (id == null || id.toString().isBlank()) {
                missing.add(where);
            } else {
                byId.computeIfAbsent(id.toString(), k -> new ArrayList<>()).add(where);
            }
        }));
        Map<String, List<String>> shared = new LinkedHashMap<>();
        byId.forEach((id, operations) -> {
            if (operations.size() > 1) {
                shared.put(id, operations);
            }
        });

        SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(missing).as("operations without an operationId").isEmpty();
            soft.assertThat(shared).as("operationIds shared by several operations").isEmpty();
        });
    }
}
