package io.longnam.common;

import com.fasterxml.jackson.annotation.JsonValue;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

/**
 * An enum's values as the contract spells them: the {@code @JsonValue} where the enum has one (e.g. {@code B-LT},
 * {@code document.read}), else the constant's name. Query parameters, form fields and error messages use these, so
 * that every place a client meets an enum takes and names the same values JSON bodies do.
 */
public final class EnumValues {

    private EnumValues() {
    }

    public static String of(Enum<?> constant) {
        Method value = jsonValue(constant.getDeclaringClass());
        if (value == null) {
            return constant.name();
        }
        try {
            return String.valueOf(value.invoke(constant));
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("@JsonValue of " + constant.getDeclaringClass().getSimpleName(), e);
        }
    }

    public static List<String> all(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(c -> of((Enum<?>) c)).toList();
    }

    /** The constant spelt exactly {@code value}; anything else is an {@link IllegalArgumentException} naming the values. */
    public static <E extends Enum<E>> E parse(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (of(constant).equals(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("one of " + String.join(", ", all(type)));
    }

    private static Method jsonValue(Class<?> type) {
        return Arrays.stream(type.getMethods())
                .filter(m -> m.isAnnotationPresent(JsonValue.class) && m.getParameterCount() == 0)
                .findFirst().orElse(null);
    }
}
