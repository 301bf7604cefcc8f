package io.longnam.workflow;

import io.longnam.support.Api;
import io.longnam.support.Api.Tenant;
import io.longnam.support.People;
import io.longnam.support.People.Person;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A school with a creator and signers, and the requests a chain test makes over and over. */
final class Chains {

    record School(Tenant admin, Person creator, List<Person> signers, List<String> signerIds) {

        Person signer(int i) {
            return signers.get(i);
        }
    }

    private Chains() {
    }

    static School school(String name, int signers) {
        Tenant admin = Api.school(name);
        Person creator = People.person("ครูทะเบียน " + name);
        People.activated(admin, creator, "REGISTRAR");
        List<Person> people = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        String[] names = {"นายสมชาย ใจดี", "นางสาวสมหญิง รักเรียน", "นายประยุทธ์ ตั้งใจ", "นางวันเพ็ญ ศรีสุข"};
        for (int i = 0; i < signers; i++) {
            Person p = People.person(names[i % names.length]);
            ids.add(People.activated(admin, p, "SIGNER"));
            drawSignature(p);
            people.add(p);
        }
        return new School(admin, creator, people, ids);
    }

    /** A hand-drawn-looking signature, the signer's first image and so their default. */
    static String drawSignature(Person p) {
        List<Map<String, Object>> strokes = List.of(SignatureSamples.line(60, 300, 200, 80), SignatureSamples.line(200, 80, 330, 320),
                SignatureSamples.line(330, 320, 470, 120), SignatureSamples.line(470, 120, 740, 260),
                SignatureSamples.line(90, 350, 720, 330));
        return p.as().contentType(ContentType.JSON).body(Map.of("strokes", strokes, "width", 800, "height", 400))
                .post("/api/v1/me/signature-images/drawings").then().statusCode(201).extract().path("id");
    }

    static UUID register(Person creator, byte[] pdf, String type) {
        var r = creator.as().multiPart("file", "doc.pdf", pdf, "application/pdf");
        if (type != null) {
            r = r.multiPart("metadata", "{\"documentType\":\"" + type + "\",\"title\":\"เอกสาร " + type + "\"}", "application/json");
        }
        return UUID.fromString(r.post("/api/v1/documents").then().statusCode(201).extract().path("id"));
    }

    static Map<String, Object> step(String mode, Map<String, Object> placement, String... userIds) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("users", List.of(userIds));
        s.put("mode", mode);
        s.put("placement", placement);
        s.put("position", "ครูผู้ลงนาม");
        return s;
    }

    static Map<String, Object> box(int page, float x, float y) {
        return Map.of("page", page, "x", x, "y", y, "width", 150f, "height", 60f);
    }

    static Response create(Person creator, UUID documentId, boolean sealAtEnd, List<Map<String, Object>> steps) {
        return creator.as().contentType(ContentType.JSON)
                .body(Map.of("documentId", documentId.toString(), "sealAtEnd", sealAtEnd, "steps", steps))
                .post("/api/v1/workflows");
    }

    static String created(Person creator, UUID documentId, boolean sealAtEnd, List<Map<String, Object>> steps) {
        return create(creator, documentId, sealAtEnd, steps).then().statusCode(201).extract().path("id");
    }

    static Response approve(Person signer, String workflowId) {
        return signer.as().contentType(ContentType.JSON).body(Map.of("comment", "เห็นชอบ"))
                .post("/api/v1/workflows/{id}/approve", workflowId);
    }

    static JsonPath workflow(Person who, String workflowId) {
        return who.as().get("/api/v1/workflows/{id}", workflowId).then().statusCode(200).extract().jsonPath();
    }
}
