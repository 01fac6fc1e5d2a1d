package dev.st4j.params;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.function.Function;

/**
 * One training parameter, described once: its snake_case name, type, default, description and
 * check. The command-line flags, the parameter files, the validation and {@code docs/parameters.md}
 * are all derived from these descriptors (see {@link Params}).
 *
 * @param <T> the value's Java type
 */
public final class Param<T> {
    /** Where a parameter comes from, for the documentation. */
    public enum Origin {
        /** AutoTrain's own parameter (or its guide's), with AutoTrain's default. */
        AUTOTRAIN,
        /** An st4j addition. */
        ST4J
    }

    /** A rule on a value: the problem with it, or null when it is acceptable. */
    @FunctionalInterface
    public interface Check<T> {
        /** What is wrong with {@code value} ("must be > 0, got 0.0"), or null. */
        String problem(T value);
    }

    private final String name;
    private final Class<T> type;
    private final T defaultValue;
    private final String description;
    private final String notes;
    private final Check<T> check;
    private final String flag;
    private final Origin origin;
    private final Function<String, T> parser;
    private final Function<T, String> printer;

    private Param(String name, Class<T> type, T defaultValue, String description, String notes, Check<T> check, String flag,
            Origin origin, Function<String, T> parser, Function<T, String> printer) {
        this.name = name;
        this.type = type;
        this.defaultValue = defaultValue;
        this.description = description;
        this.notes = notes;
        this.check = check;
        this.flag = flag;
        this.origin = origin;
        this.parser = parser;
        this.printer = printer;
    }

    static <T> Param<T> of(String name, Class<T> type, T defaultValue, String description, Function<String, T> parser,
            Function<T, String> printer) {
        return new Param<>(name, type, defaultValue, description, "", null, "--" + name.replace('_', '-'), Origin.AUTOTRAIN,
                parser, printer);
    }

    /** A copy with a check on its values. */
    Param<T> check(Check<T> rule) {
        return new Param<>(name, type, defaultValue, description, notes, rule, flag, origin, parser, printer);
    }

    /** A copy with notes for the documentation (what the short description leaves out). */
    Param<T> notes(String text) {
        return new Param<>(name, type, defaultValue, description, text, check, flag, origin, parser, printer);
    }

    /** A copy whose command-line flag is {@code newFlag} instead of the kebab-case name. */
    Param<T> flag(String newFlag) {
        return new Param<>(name, type, defaultValue, description, notes, check, newFlag, origin, parser, printer);
    }

    /** A copy marked as an st4j addition. */
    Param<T> st4j() {
        return new Param<>(name, type, defaultValue, description, notes, check, flag, Origin.ST4J, parser, printer);
    }

    /** The snake_case name used in parameter files and messages. */
    public String name() {
        return name;
    }

    /** The value's Java type. */
    public Class<T> type() {
        return type;
    }

    /** AutoTrain's default (or st4j's, for additions); null where there is none. */
    public T defaultValue() {
        return defaultValue;
    }

    /** One line for command-line help. */
    public String description() {
        return description;
    }

    /** More detail for the documentation; may be empty. */
    public String notes() {
        return notes;
    }

    /** The command-line flag. */
    public String flag() {
        return flag;
    }

    /** Whether AutoTrain or st4j defines it. */
    public Origin origin() {
        return origin;
    }

    /** Whether null is a valid value: text parameters, and parameters whose default is none. */
    public boolean acceptsNull() {
        return defaultValue == null || type == String.class;
    }

    /** Whether the flag takes no value ({@code --push-to-hub} means true). */
    public boolean isSwitch() {
        return type == Boolean.class;
    }

    /** The value {@code text} stands for; a bad text is a one-line error naming the parameter. */
    public T parse(String text) {
        try {
            return parser.apply(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + text + "' is not " + (type == Integer.class ? "an integer" : "a number"));
        }
    }

    /** The value a JSON or YAML node holds: a null node is null; numbers, booleans and strings as their text. */
    public T fromJson(JsonNode node) {
        if (node == null || node.isNull()) {
            if (!acceptsNull()) {
                throw new IllegalArgumentException(name + ": must not be null (default: " + print(defaultValue) + ")");
            }
            return null;
        }
        if (!node.isValueNode()) {
            throw new IllegalArgumentException(name + ": expected a single value, got " + node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
        }
        if (type == Integer.class && node.isFloatingPointNumber()) {
            throw new IllegalArgumentException(name + ": '" + node.asText() + "' is not an integer");
        }
        return parse(node.asText());
    }

    /** The value as written in files and documentation (an enum's id; null stays null). */
    public String print(T value) {
        return value == null ? null : printer.apply(value);
    }

    /** The value as a JSON scalar: numbers and booleans as themselves, modes as their ids. */
    public Object toJson(T value) {
        return value == null || type == String.class || Number.class.isAssignableFrom(type) || type == Boolean.class
                ? value : printer.apply(value);
    }

    /** What is wrong with {@code value} under this parameter's check, or null. */
    public String problem(Object value) {
        return check == null ? null : check.problem(type.cast(value));
    }

    @Override
    public String toString() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Param<?> p && p.name.equals(name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name);
    }
}
