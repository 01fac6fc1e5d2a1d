package dev.st4j.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineChoiceTest {
    @TempDir
    Path tmp;

    @Test
    void aUsersLibtorchWinsThenTheGpuThenTheBundledCpuBuild() {
        assertEquals(EngineChoice.USER_LIBTORCH, EngineChoice.decide(Map.of("PYTORCH_LIBRARY_PATH", "/opt/libtorch"), true));
        assertEquals(EngineChoice.USER_LIBTORCH,
                EngineChoice.decide(Map.of("PYTORCH_LIBRARY_PATH", "/opt/libtorch", "ST4J_ENGINE", "cpu"), false));
        assertEquals(EngineChoice.CUDA_DOWNLOAD, EngineChoice.decide(Map.of(), true));
        assertEquals(EngineChoice.BUNDLED_CPU, EngineChoice.decide(Map.of(), false));
        assertEquals(EngineChoice.BUNDLED_CPU, EngineChoice.decide(Map.of("PYTORCH_LIBRARY_PATH", " "), false));
    }

    @Test
    void st4jEngineForcesAChoice() {
        assertEquals(EngineChoice.BUNDLED_CPU, EngineChoice.decide(Map.of("ST4J_ENGINE", "cpu"), true));
        assertEquals(EngineChoice.CUDA_DOWNLOAD, EngineChoice.decide(Map.of("ST4J_ENGINE", "CUDA"), false));
        assertEquals(EngineChoice.CUDA_DOWNLOAD, EngineChoice.decide(Map.of("ST4J_ENGINE", "auto"), true));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EngineChoice.decide(Map.of("ST4J_ENGINE", "tpu"), false));
        assertEquals("ST4J_ENGINE: 'tpu' is not one of auto, cpu, cuda", e.getMessage());
    }

    @Test
    void onlyTheCudaDownloadGoesOnline() {
        assertTrue(EngineChoice.BUNDLED_CPU.offline());
        assertTrue(EngineChoice.USER_LIBTORCH.offline());
        assertFalse(EngineChoice.CUDA_DOWNLOAD.offline());
    }

    @Test
    void theCudaClassPathExpandsWildcardsAndLeavesOutTheBundledCpuJar() throws Exception {
        Path lib = Files.createDirectories(tmp.resolve("lib"));
        for (String jar : new String[] {"api-0.35.0.jar", "pytorch-native-cpu-2.7.1-linux-x86_64.jar", "pytorch-jni-2.7.1-0.35.0.jar"}) {
            Files.writeString(lib.resolve(jar), "");
        }
        Files.writeString(lib.resolve("notes.txt"), "");
        String sep = File.pathSeparator;
        String cp = "/app/st4j.jar" + sep + lib + File.separator + "*";
        assertEquals(cp, EngineChoice.BUNDLED_CPU.classPath(cp));
        assertEquals(cp, EngineChoice.USER_LIBTORCH.classPath(cp));
        assertEquals(String.join(sep, "/app/st4j.jar", lib.resolve("api-0.35.0.jar").toString(),
                lib.resolve("pytorch-jni-2.7.1-0.35.0.jar").toString()), EngineChoice.CUDA_DOWNLOAD.classPath(cp));
        String explicit = String.join(sep, "/a/pytorch-native-cpu-2.7.1-linux-x86_64.jar", "/a/pytorch-engine-0.35.0.jar");
        assertEquals("/a/pytorch-engine-0.35.0.jar", EngineChoice.CUDA_DOWNLOAD.classPath(explicit));
    }
}
