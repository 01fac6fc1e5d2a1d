package dev.st4j.params;

import java.util.List;

/** The parameter reference of {@code docs/parameters.md} and {@code st4j params}, generated from {@link Params}. */
public final class ParamsTable {
    /** Marks where the generated tables start in {@code docs/parameters.md}. */
    public static final String BEGIN = "<!-- generated from dev.st4j.params.Params: begin -->";
    /** Marks where they end. */
    public static final String END = "<!-- generated from dev.st4j.params.Params: end -->";

    private ParamsTable() {}

    /** AutoTrain's parameters, then st4j's additions, as Markdown tables. */
    public static String markdown() {
        StringBuilder out = new StringBuilder();
        table(out, Param.Origin.AUTOTRAIN);
        out.append("\nst4j additions:\n\n");
        table(out, Param.Origin.ST4J);
        return out.toString();
    }

    private static void table(StringBuilder out, Param.Origin origin) {
        out.append("| parameter | flag | default | what |\n| --- | --- | --- | --- |\n");
        List<Param<?>> params = Params.ALL.stream().filter(p -> p.origin() == origin).toList();
        for (Param<?> p : params) {
            String d = printDefault(p);
            String what = p.description() + (p.notes().isEmpty() ? "" : " " + capitalise(p.notes()) + ".");
            out.append("| `").append(p.name()).append("` | `").append(p.flag()).append("` | ")
                    .append(d == null ? "none" : "`" + d + "`").append(" | ").append(what.replace("|", "\\|")).append(" |\n");
        }
    }

    private static <T> String printDefault(Param<T> p) {
        return p.print(p.defaultValue());
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
