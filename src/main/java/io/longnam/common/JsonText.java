package io.longnam.common;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Applies {@link UserText} to every JSON string the API reads, map keys included, and refuses {@code null} inside
 * lists and sets: no handler expects a null role or label, and each would otherwise fail later as a 500.
 */
@Singleton
public class JsonText implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("longnam-user-text");
        module.addDeserializer(String.class, new CleanString());
        module.addKeyDeserializer(String.class, new CleanKey());
        mapper.registerModule(module);
        for (Class<?> container : List.of(List.class, Set.class, Collection.class)) {
            mapper.configOverride(container).setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        }
    }

    /** A refusal whose message is already fit for the client; {@link JsonErrors} passes it on as is. */
    static final class RefusedText extends MismatchedInputException {
        RefusedText(JsonParser p, String message) {
            super(p, message, String.class);
        }
    }

    static final class CleanString extends StdScalarDeserializer<String> {
        CleanString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return checked(p, StringDeserializer.instance.deserialize(p, ctxt));
        }
    }

    static final class CleanKey extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            return checked(ctxt.getParser(), key);
        }
    }

    private static String checked(JsonParser p, String text) throws RefusedText {
        if (UserText.hasNul(text)) {
            throw new RefusedText(p, "must not contain the NUL character (U+0000)");
        }
        return UserText.stripBidi(text);
    }
}
