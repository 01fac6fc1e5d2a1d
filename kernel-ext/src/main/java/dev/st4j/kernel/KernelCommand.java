package dev.st4j.kernel;

import dev.st4j.engine.EngineChoice;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code st4j kernel install}: makes "Java (st4j)" a kernel Jupyter offers; {@code st4j kernel classpath}:
 * the jars that add st4j to a Java kernel a user already has (JJava's {@code JJAVA_CLASSPATH}).
 */
@Command(name = "kernel", mixinStandardHelpOptions = true, description = "Install the st4j Jupyter kernel, or print the class path that adds st4j to a JJava kernel.",
        subcommands = {KernelCommand.Install.class, KernelCommand.ClassPath.class})
public final class KernelCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** Prints st4j's jars for {@code JJAVA_CLASSPATH}, leaving out the kernel framework the JJava kernel brings itself. */
    @Command(name = "classpath", mixinStandardHelpOptions = true,
            description = "Print the class path that adds st4j (magics, renderers) to a stock JJava kernel: export JJAVA_CLASSPATH=\"$(bin/st4j kernel classpath)\".")
    static final class ClassPath implements Callable<Integer> {
        @Override
        public Integer call() {
            String classPath = KernelSpec.absoluteClassPath(System.getProperty("java.class.path"));
            System.out.println(KernelSpec.extensionClassPath(EngineChoice.current().classPath(classPath)));
            return 0;
        }
    }

    /** Writes the kernelspec where Jupyter looks for it. */
    @Command(name = "install", mixinStandardHelpOptions = true,
            description = "Write the kernelspec (kernel.json, logos) for this st4j build; default --user.")
    static final class Install implements Callable<Integer> {
        static final class Where {
            @Option(names = "--user", description = "For this user: $JUPYTER_DATA_DIR or ~/.local/share/jupyter (default).")
            boolean user;

            @Option(names = "--sys-prefix", description = "Into the prefix of the python3 that runs Jupyter (sys.prefix).")
            boolean sysPrefix;

            @Option(names = "--prefix", paramLabel = "P", description = "Into P/share/jupyter/kernels (then set JUPYTER_PATH=P/share/jupyter).")
            Path prefix;
        }

        @ArgGroup(exclusive = true)
        Where where;

        @Option(names = "--name", defaultValue = KernelSpec.DEFAULT_NAME, description = "Kernel name notebooks refer to (default: ${DEFAULT-VALUE}).")
        String name;

        @Option(names = "--display-name", defaultValue = KernelSpec.DISPLAY_NAME, description = "Name in Jupyter's menus (default: ${DEFAULT-VALUE}).")
        String displayName;

        @Override
        public Integer call() throws IOException, InterruptedException {
            Path kernels = KernelDirs.kernelsDir(where == null ? null : where.prefix, where != null && where.sysPrefix, System.getenv());
            Path dir = KernelSpec.install(kernels, name, displayName);
            System.out.println("kernel: installed '" + displayName + "' (" + name + ") in " + dir);
            return 0;
        }
    }
}
