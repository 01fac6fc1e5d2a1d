package dev.st4j.params;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every training parameter as the kebab-case flag AutoTrain's command line uses, plus {@code --config},
 * generated from {@link Params}: the flag schema that {@code st4j train}, {@code autotrain
 * sentence-transformers} and the notebook's {@code %st_train} share. A flag that is not given keeps
 * the value from {@code --config} (or the base parameters), else the default.
 */
public final class ParamFlags {
    /** A command whose options include the training parameters; {@link #install} adds them. */
    public interface Host {
        /** The flags this command parses. */
        ParamFlags paramFlags();
    }

    private final CommandSpec mixin = CommandSpec.create();
    private final OptionSpec config;
    private final Map<Param<?>, OptionSpec> options = new LinkedHashMap<>();

    /** A fresh set of flags, none given yet. */
    public ParamFlags() {
        config = OptionSpec.builder("--config").type(Path.class).paramLabel("FILE")
                .description("YAML or JSON file with parameters (snake_case keys); flags override it.").build();
        mixin.addOption(config);
        for (Param<?> p : Params.ALL) {
            OptionSpec.Builder o = OptionSpec.builder(p.flag()).type(String.class).description(help(p));
            if (p.isSwitch()) {
                o.arity("0..1").fallbackValue("true").paramLabel("BOOL");
            } else {
                o.arity("1").paramLabel(p.name().toUpperCase(Locale.ROOT));
            }
            OptionSpec spec = o.build();
            options.put(p, spec);
            mixin.addOption(spec);
        }
    }

    /** Adds the flags of every {@link Host} command in {@code root}'s tree to that command. */
    public static void install(CommandLine root) {
        if (root.getCommand() instanceof Host host) {
            root.getCommandSpec().addMixin("params", host.paramFlags().mixin);
        }
        root.getSubcommands().values().forEach(ParamFlags::install);
    }

    /** The parameters: the {@code --config} file (if any), then the flags given. */
    public SentenceTransformersParams toParams() throws IOException {
        Path file = config.getValue();
        return toParams(file == null ? SentenceTransformersParams.builder().build() : ParamsIo.read(file));
    }

    /** The flags given, applied over {@code base} (a parameter set from a notebook cell, say). */
    public SentenceTransformersParams toParams(SentenceTransformersParams base) {
        SentenceTransformersParams.Builder b = base.toBuilder();
        options.forEach((param, option) -> {
            String text = option.getValue();
            if (!option.originalStringValues().isEmpty() && text != null) {
                try {
                    b.parse(param, text);
                } catch (IllegalArgumentException e) {
                    String message = String.valueOf(e.getMessage());
                    String prefix = param.name() + ": ";
                    throw new IllegalArgumentException(param.flag() + ": "
                            + (message.startsWith(prefix) ? message.substring(prefix.length()) : message), e);
                }
            }
        });
        return b.build();
    }

    /** The flag names, for completion. */
    public static List<String> names() {
        List<String> out = new ArrayList<>(List.of("--config"));
        Params.ALL.forEach(p -> out.add(p.flag()));
        return out;
    }

    private static String help(Param<?> p) {
        String d = printDefault(p);
        return p.description() + (d == null ? "" : " (default: " + d + ")");
    }

    private static <T> String printDefault(Param<T> p) {
        return p.print(p.defaultValue());
    }
}
