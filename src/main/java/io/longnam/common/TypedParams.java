package io.longnam.common;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;

/**
 * Typed parameters that do not parse answer 400 naming the parameter: whole numbers (query and path), and UUIDs and
 * enums in the query. JAX-RS would answer 404 for a query parameter it cannot convert, which tells a client the
 * resource is missing when its input is wrong. A malformed id in the path still answers 404: no such resource.
 */
@Provider
public class TypedParams implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = name(annotations);
        if (rawType == Integer.class) {
            return (ParamConverter<T>) converter(name, Integer::valueOf, name + " must be a whole number between "
                    + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);
        }
        if (!isQuery(annotations)) {
            return null;
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) converter(name, UUID::fromString, name + " must be a UUID");
        }
        if (rawType.isEnum()) {
            Class<? extends Enum> type = (Class<? extends Enum>) rawType;
            return (ParamConverter<T>) converter(name, v -> EnumValues.parse(type, v),
                    name + " must be one of " + String.join(", ", EnumValues.all(type)));
        }
        return null;
    }

    private static <V> ParamConverter<V> converter(String name, Function<String, V> parse, String message) {
        return new ParamConverter<>() {
            @Override
            public V fromString(String value) {
                if (value == null || value.isBlank()) {
                    return null;
                }
                try {
                    return parse.apply(value.strip());
                } catch (IllegalArgumentException e) {
                    throw ProblemException.invalid(name, message);
                }
            }

            @Override
            public String toString(V value) {
                return value instanceof Enum<?> e ? EnumValues.of(e) : String.valueOf(value);
            }
        };
    }

    private static boolean isQuery(Annotation[] annotations) {
        return Arrays.stream(annotations).anyMatch(a -> a instanceof QueryParam);
    }

    private static String name(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            }
            if (a instanceof PathParam p) {
                return p.value();
            }
        }
        return "parameter";
    }
}
