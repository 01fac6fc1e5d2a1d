package dev.st4j.kernel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.st4j.engine.AllocatorSettings;
import dev.st4j.engine.EngineChoice;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The Jupyter kernelspec of the st4j kernel ({@code share/jupyter/kernels/<name>/kernel.json} and logos):
 * how Jupyter starts this JVM with its class path, headless charts, the native allocator settings and the engine
 * settings of the installing shell ({@link EngineChoice}).
 */
public final class KernelSpec {
    /** The kernel's default name, as notebooks refer to it. */
    public static final String DEFAULT_NAME = "st4j";
    /** What Jupyter shows in its kernel menu. */
    public static final String DISPLAY_NAME = "Java (st4j)";

    private KernelSpec() {}

    /** The kernel.json content for a JVM at {@code javaHome} running this class path. */
    static ObjectNode kernelJson(String javaHome, String classPath, String displayName, Map<String, String> environment) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode spec = json.createObjectNode();
        ArrayNode argv = spec.putArray("argv");
        for (String a : List.of(Path.of(javaHome, "bin", "java").toString(), "-Djava.awt.headless=true", "-XX:+UseSerialGC", "-cp",
                classPath, KernelMain.class.getName(), "{connection_file}")) {
            argv.add(a);
        }
        spec.put("display_name", displayName);
        spec.put("language", "java");
        spec.put("interrupt_mode", "message");
        ObjectNode env = spec.putObject("env");
        AllocatorSettings.ENVIRONMENT.forEach(env::put);
        for (String name : List.of(EngineChoice.OVERRIDE, "PYTORCH_LIBRARY_PATH", "PYTORCH_VERSION", "PYTORCH_FLAVOR")) {
            if (environment.get(name) != null) {
                env.put(name, environment.get(name));
            }
        }
        spec.putObject("metadata").put("debugger", false);
        return spec;
    }

    /**
     * Writes the kernelspec for the running JVM and class path under {@code kernelsDir/name} (through a
     * temporary folder, renamed into place) and returns that folder.
     */
    public static Path install(Path kernelsDir, String name, String displayName) throws IOException {
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("--name: '" + name + "' may hold only letters, digits, '.', '_' and '-'");
        }
        String classPath = absoluteClassPath(System.getProperty("java.class.path"));
        Files.createDirectories(kernelsDir);
        Path target = kernelsDir.resolve(name);
        Path tmp = Files.createTempDirectory(kernelsDir, "." + name + "-");
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        json.writeValue(tmp.resolve("kernel.json").toFile(),
                kernelJson(System.getProperty("java.home"), EngineChoice.current().classPath(classPath), displayName, System.getenv()));
        ImageIO.write(logo(32), "png", tmp.resolve("logo-32x32.png").toFile());
        ImageIO.write(logo(64), "png", tmp.resolve("logo-64x64.png").toFile());
        if (Files.exists(target)) {
            try (var files = Files.walk(target)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    static String absoluteClassPath(String classPath) {
        StringBuilder b = new StringBuilder();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            if (b.length() > 0) {
                b.append(File.pathSeparator);
            }
            boolean wildcard = entry.endsWith("*");
            String base = wildcard ? entry.substring(0, entry.length() - 1) : entry;
            String abs = Path.of(base.isEmpty() ? "." : base).toAbsolutePath().normalize().toString();
            b.append(wildcard ? abs + File.separator + "*" : abs);
        }
        return b.toString();
    }

    private static BufferedImage logo(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new Color(0xE7, 0x6F, 0x00));
            g.fillRoundRect(0, 0, size, size, size / 4, size / 4);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size * 3 / 8));
            String text = "st4j";
            int w = g.getFontMetrics().stringWidth(text);
            g.drawString(text, (size - w) / 2, size * 5 / 8);
        } finally {
            g.dispose();
        }
        return img;
    }

    /**
     * {@code classPath} without the jars a JJava kernel has its own (possibly newer) copies of: the kernel
     * framework ({@code jjava-*}) and its messaging libraries (Gson, JeroMQ, jnacl).
     */
    static String extensionClassPath(String classPath) {
        List<String> kept = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (!(name.startsWith("jjava-") || name.startsWith("gson-") || name.startsWith("jeromq-") || name.startsWith("jnacl-"))) {
                kept.add(entry);
            }
        }
        return String.join(File.pathSeparator, kept);
    }
}
