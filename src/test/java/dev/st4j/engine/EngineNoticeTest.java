package dev.st4j.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.pytorch.jni.LibUtils;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The engine notice names the libtorch really loaded. The {@code user-libtorch} test execution (src/pom.xml) runs
 * this class with {@code PYTORCH_LIBRARY_PATH} set to a folder holding the CPU jar's libtorch, unpacked.
 */
class EngineNoticeTest {
    private static final boolean EXPECT_USER = Boolean.getBoolean("st4j.expectUserLibtorch");

    @Test
    void saysWhichLibtorchAndDeviceARunUses() throws Exception {
        String notice = EngineNotice.describe(Device.cpu());
        assertTrue(notice.startsWith("engine: PyTorch 2.7.1, "), notice);
        assertTrue(notice.endsWith("device cpu()"), notice);
        assertEquals(1, notice.lines().count());
        Path loaded = Path.of(LibUtils.getLibtorchPath()).toRealPath();
        assertTrue(notice.contains(LibUtils.getLibtorchPath()), notice);
        String userPath = System.getenv("PYTORCH_LIBRARY_PATH");
        if (EXPECT_USER) {
            assertNotNull(userPath, "the user-libtorch execution sets PYTORCH_LIBRARY_PATH");
            assertEquals(Path.of(userPath).toRealPath(), loaded, "libtorch loaded from the user's folder");
            assertTrue(notice.contains("libtorch from PYTORCH_LIBRARY_PATH"), notice);
        } else if (userPath == null) {
            assertTrue(notice.contains("CPU build"), notice);
            assertTrue(loaded.toString().contains("cpu"), loaded.toString());
        }
    }
}
