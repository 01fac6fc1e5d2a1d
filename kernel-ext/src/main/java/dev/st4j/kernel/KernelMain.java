package dev.st4j.kernel;

import dev.st4j.engine.EngineChoice;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/** Starts the st4j kernel on the connection file Jupyter passes, and serves until Jupyter shuts it down. */
public final class KernelMain {
    private KernelMain() {}

    /** {@code args[0]}: the connection file. */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("st4j kernel: expected one argument, the connection file");
            System.exit(2);
        }
        System.setProperty("java.awt.headless", "true");
        try {
            EngineChoice.configureOffline();
        } catch (IllegalArgumentException e) {
            System.err.println("st4j kernel: " + e.getMessage());
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        if (!Files.isRegularFile(file)) {
            System.err.println("st4j kernel: " + file + ": no such connection file");
            System.exit(2);
        }
        JupyterConnection connection = new JupyterConnection(KernelConnectionProperties.parse(Files.readString(file)));
        St4jKernel kernel = St4jKernel.builder().build();
        kernel.becomeHandlerForConnection(connection);
        kernel.onStartup();
        connection.connect();
        connection.waitUntilClose();
        kernel.onShutdown(false);
    }
}
