package dev.st4j.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The launcher script (run from the core module, {@code ../bin/st4j}) and the test runner use the settings {@link AllocatorSettings} names. */
class AllocatorSettingsTest {
    @Test
    void launcherExportsEverySetting() throws Exception {
        String script = Files.readString(Path.of("..", "bin", "st4j"));
        AllocatorSettings.ENVIRONMENT.forEach((name, value) ->
                assertTrue(script.contains(name + "=\"${" + name + ":-" + value + "}\""), "bin/st4j exports " + name + "=" + value));
    }

    @Test
    void testsRunWithTheSettings() {
        assertTrue(AllocatorSettings.active(), "surefire's environmentVariables match AllocatorSettings.ENVIRONMENT");
    }
}
