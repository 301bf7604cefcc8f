package io.longnam.common;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Integer query and path parameters that are not numbers answer 400 naming the parameter. JAX-RS would answer 404
 * for a query parameter it cannot convert, which tells a client the resource is missing when its input is wrong.
 */
@Provider
public class NumberParams implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != Integer.class) {
            return null;
        }
        String name = name(annotations);
        return (ParamConverter<T>) new ParamConverter<Integer>() {
            @Override
            public Integer fromString(String value) {
                if (value == null || value.isBlank()) {
                    return null;
                }
                try {
                    return Integer.valueOf(value.strip());
                } catch (NumberFormatException e) {
                    throw ProblemException.invalid(name, name + " must be a whole number between " + Integer.MIN_VALUE
                            + " and " + Integer.MAX_VALUE);
                }
            }

            @Override
            public String toString(Integer value) {
                return String.valueOf(value);
            }
        };
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
