package dev.st4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import dev.st4j.engine.AllocatorSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelSpecTest {
    @TempDir
    Path tmp;

    @Test
    void installWritesAKernelJsonJupyterCanStart() throws Exception {
        Path dir = KernelSpec.install(tmp.resolve("share/jupyter/kernels"), "st4j-test", "Java (st4j test)");
        JsonNode spec = new ObjectMapper().readTree(dir.resolve("kernel.json").toFile());
        assertEquals("Java (st4j test)", spec.get("display_name").asText());
        assertEquals("message", spec.get("interrupt_mode").asText());
        assertEquals("java", spec.get("language").asText());
        JsonNode argv = spec.get("argv");
        assertEquals("{connection_file}", argv.get(argv.size() - 1).asText());
        assertEquals(KernelMain.class.getName(), argv.get(argv.size() - 2).asText());
        assertTrue(Files.isExecutable(Path.of(argv.get(0).asText())), "argv[0] is this JVM's java");
        String cp = argv.get(argv.size() - 3).asText();
        assertTrue(cp.contains("jjava-jupyter") && cp.contains("st4j"), cp);
        assertTrue(Files.size(dir.resolve("logo-64x64.png")) > 100);
        AllocatorSettings.ENVIRONMENT.forEach((k, v) -> assertEquals(v, spec.get("env").path(k).asText(), "env " + k));
        KernelSpec.install(tmp.resolve("share/jupyter/kernels"), "st4j-test", "again");
        assertEquals(1, Files.list(tmp.resolve("share/jupyter/kernels")).count(), "reinstalling replaces, leaves no temp folder");
    }

    @Test
    void theKernelKeepsTheEngineSettingsOfTheInstallingShell() {
        JsonNode plain = KernelSpec.kernelJson("/jdk", "/a/st4j.jar", "x", Map.of("HOME", "/h"));
        assertFalse(plain.get("argv").toString().contains("ai.djl.offline"), "the kernel chooses the engine when it starts");
        assertTrue(plain.get("env").path("PYTORCH_LIBRARY_PATH").isMissingNode());
        JsonNode user = KernelSpec.kernelJson("/jdk", "/a/st4j.jar", "x", Map.of("PYTORCH_LIBRARY_PATH", "/opt/libtorch/lib",
                "PYTORCH_VERSION", "2.7.1", "PYTORCH_FLAVOR", "cu128", "ST4J_ENGINE", "cpu", "HOME", "/h"));
        assertEquals("/opt/libtorch/lib", user.get("env").path("PYTORCH_LIBRARY_PATH").asText());
        assertEquals("2.7.1", user.get("env").path("PYTORCH_VERSION").asText());
        assertEquals("cu128", user.get("env").path("PYTORCH_FLAVOR").asText());
        assertEquals("cpu", user.get("env").path("ST4J_ENGINE").asText());
        assertTrue(user.get("env").path("HOME").isMissingNode());
    }

    @Test
    void locations() throws Exception {
        assertEquals(tmp.resolve("p/share/jupyter/kernels"), KernelDirs.kernelsDir(tmp.resolve("p"), false, Map.of()));
        assertEquals(Path.of("/d/kernels"), KernelDirs.kernelsDir(null, false, Map.of("JUPYTER_DATA_DIR", "/d")));
        assertEquals(Path.of("/x/jupyter/kernels"), KernelDirs.kernelsDir(null, false, Map.of("XDG_DATA_HOME", "/x")));
    }

    @Test
    void sysPrefixAsksTheJupyterScriptsOwnPython() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Files.writeString(bin.resolve("jupyter"), "#!/opt/venv/bin/python3\nimport sys\n");
        assertEquals("/opt/venv/bin/python3", KernelDirs.jupyterPython(Map.of("PATH", bin.toString())));
        assertEquals("python3", KernelDirs.jupyterPython(Map.of("PATH", tmp.resolve("none").toString())));
    }

    @Test
    void badNamesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KernelSpec.install(tmp, "bad name/..", "x"));
        assertTrue(e.getMessage().startsWith("--name"), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void theExtensionClassPathLeavesOutWhatAJJavaKernelBrings() {
        String sep = java.io.File.pathSeparator;
        String cp = String.join(sep, "/a/st4j-kernel-ext.jar", "/a/lib/jjava-jupyter-1.0-a6.jar", "/a/lib/gson-2.10.jar",
                "/a/lib/jeromq-0.6.0.jar", "/a/lib/jnacl-1.0.0.jar", "/a/lib/api-0.35.0.jar");
        org.junit.jupiter.api.Assertions.assertEquals(String.join(sep, "/a/st4j-kernel-ext.jar", "/a/lib/api-0.35.0.jar"),
                KernelSpec.extensionClassPath(cp));
    }
}
