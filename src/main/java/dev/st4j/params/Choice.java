package dev.st4j.params;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A mode parameter's value: an enum constant known by AutoTrain's snake_case name. */
public interface Choice {
    /** The name in parameter files and on the command line. */
    String id();

    /** Whether {@code text} names this value (its id, or an alias a value may accept). */
    default boolean matches(String text) {
        return id().equals(text);
    }

    /** The value of {@code type} that {@code text} names; the error names the parameter and the valid values. */
    static <E extends Enum<E> & Choice> E parse(Class<E> type, String parameter, String text) {
        for (E e : type.getEnumConstants()) {
            if (e.matches(text)) {
                return e;
            }
        }
        throw new IllegalArgumentException(parameter + ": '" + text + "' is not one of " + ids(type));
    }

    /** The ids of {@code type}'s values, comma-separated. */
    static <E extends Enum<E> & Choice> String ids(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Choice::id).collect(Collectors.joining(", "));
    }
}
