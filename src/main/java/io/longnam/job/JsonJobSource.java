package io.longnam.job;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longnam.common.JsonErrors;
import io.longnam.common.Params;
import io.longnam.signing.SignatureLevel;
import io.longnam.common.ProblemException;
import io.longnam.common.UserText;
import io.longnam.document.InputFormat;
import io.longnam.job.JobDtos.JobOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The JSON form, read as a stream: each record goes to the database as soon as it is parsed, so a job of
 * 10,000 transcripts never sits in the heap as one object tree. Field order in the body does not matter.
 */
final class JsonJobSource implements JobSource {

    private final ObjectMapper json;
    private final DigestInputStream in;
    private final int maxRecords;
    private String hash;

    JsonJobSource(ObjectMapper json, InputStream body, int maxRecords) {
        this.json = json;
        this.maxRecords = maxRecords;
        try {
            this.in = new DigestInputStream(body, MessageDigest.getInstance("SHA-256"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Header read(ItemSink sink) {
        String templateId = null;
        boolean seal = false;
        SignatureLevel level = null;
        UUID keyId = null;
        String reason = null;
        String location = null;
        String ownerRefField = null;
        String expiresAt = null;
        List<String> labels = null;
        boolean sawRecords = false;
        try (JsonParser p = json.getFactory().createParser(in)) {
            // The parser would close the stream at its end; the digest still needs what it did not read.
            p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw ProblemException.invalid("body", "the body must be a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "records" -> {
                        readRecords(p, value, sink);
                        sawRecords = true;
                    }
                    case "templateId" -> templateId = text(p, value, name);
                    case "seal" -> {
                        if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE && value != JsonToken.VALUE_NULL) {
                            throw ProblemException.invalid("seal", "seal must be true or false");
                        }
                        seal = value == JsonToken.VALUE_TRUE;
                    }
                    case "level" -> level = Params.value(SignatureLevel.class, text(p, value, name), name);
                    case "keyId" -> keyId = uuid(text(p, value, name));
                    case "reason" -> reason = text(p, value, name);
                    case "location" -> location = text(p, value, name);
                    case "ownerRefField" -> ownerRefField = text(p, value, name);
                    case "expiresAt" -> expiresAt = text(p, value, name);
                    case "labels" -> labels = labels(p, value);
                    default -> throw ProblemException.invalid(name, "unknown field " + name);
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw ProblemException.invalid("body", "the body must be one JSON object");
            }
            drain();
        } catch (JsonProcessingException e) {
            throw JsonErrors.problem(e, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!sawRecords) {
            throw ProblemException.invalid("records", "records is required: a list of objects, one per document");
        }
        hash = HexFormat.of().formatHex(in.getMessageDigest().digest());
        return new Header(templateId, InputFormat.TEMPLATE_JSON, new JobOptions(seal, level, keyId, reason, location,
                ownerRefField, Params.instant(expiresAt, "expiresAt"), labels));
    }

    @Override
    public String requestHash() {
        return hash;
    }

    private void readRecords(JsonParser p, JsonToken value, ItemSink sink) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            throw ProblemException.invalid("records", "records must be a list of objects");
        }
        int i = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                throw ProblemException.invalid("records[" + i + "]", "each record must be a JSON object");
            }
            if (i == maxRecords) {
                throw ProblemException.invalid("records", "a job holds at most " + maxRecords + " records");
            }
            JsonNode record = json.readTree(p);
            // Trees bypass the mapper's string checks; the record is stored as jsonb, which refuses NUL.
            if (hasNul(record)) {
                throw ProblemException.invalid("records[" + i + "]", UserText.nulMessage("records[" + i + "]"));
            }
            sink.pending(json.writeValueAsString(record));
            i++;
        }
    }

    private static boolean hasNul(JsonNode node) {
        if (node.isTextual()) {
            return UserText.hasNul(node.textValue());
        }
        for (var fields = node.fields(); fields.hasNext(); ) {
            var field = fields.next();
            if (UserText.hasNul(field.getKey()) || hasNul(field.getValue())) {
                return true;
            }
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (hasNul(element)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String text(JsonParser p, JsonToken value, String field) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.VALUE_STRING) {
            throw ProblemException.invalid(field, field + " must be a string");
        }
        return UserText.clean(field, p.getText());
    }

    private static List<String> labels(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.START_ARRAY) {
            throw ProblemException.invalid("labels", "labels must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.VALUE_STRING) {
                throw ProblemException.invalid("labels", "labels must be a list of strings");
            }
            out.add(UserText.clean("labels[" + out.size() + "]", p.getText()));
        }
        return out;
    }

    private static UUID uuid(String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("keyId", "keyId must be a UUID");
        }
    }

    /** Reads what the parser left unread, so the digest covers the whole body. */
    private void drain() throws IOException {
        byte[] buffer = new byte[8192];
        while (in.read(buffer) >= 0) {
            // digest only
        }
    }
}
