package dev.st4j.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.st4j.resolve.ModelResolver;
import dev.st4j.testing.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Models laid out by Python's huggingface_hub are found where Python would put them. */
class HfCacheTest {
    @TempDir
    Path home;

    @Test
    void cacheRootFollowsHuggingFaceEnvironmentVariables() {
        assertEquals(Path.of("/x/hub-cache"), HfCache.fromEnvironment(Map.of("HF_HUB_CACHE", "/x/hub-cache", "HF_HOME", "/y")).root());
        assertEquals(Path.of("/y/hub"), HfCache.fromEnvironment(Map.of("HF_HOME", "/y")).root());
        assertTrue(HfCache.fromEnvironment(Map.of()).root().endsWith(Path.of(".cache/huggingface/hub")));
    }

    @Test
    void resolvesASnapshotThroughItsRef() throws Exception {
        Path hub = home.resolve("hub");
        Path snapshot = hub.resolve("models--acme--tiny/snapshots/abc123");
        Files.createDirectories(snapshot);
        for (String f : new String[] {"config.json", "model.safetensors", "vocab.txt", "tokenizer_config.json"}) {
            Files.copy(Shared.tinyModel("bert").resolve(f), snapshot.resolve(f));
        }
        Files.createDirectories(hub.resolve("models--acme--tiny/refs"));
        Files.writeString(hub.resolve("models--acme--tiny/refs/main"), "abc123\n");
        Path found = new ModelResolver(Map.of("HF_HOME", home.toString(), "HF_HUB_OFFLINE", "1"), null, null).resolve("acme/tiny");
        assertEquals(snapshot, found);
        assertEquals(snapshot, new HfCache(hub).find("acme/tiny", "abc123").orElseThrow(), "a commit works as revision");
    }

    @Test
    void incompleteSnapshotIsNotUsed() throws Exception {
        Path snapshot = home.resolve("models--acme--tiny/snapshots/abc");
        Files.createDirectories(snapshot);
        Files.copy(Shared.tinyModel("bert").resolve("config.json"), snapshot.resolve("config.json"));
        Files.createDirectories(home.resolve("models--acme--tiny/refs"));
        Files.writeString(home.resolve("models--acme--tiny/refs/main"), "abc");
        assertTrue(new HfCache(home).find("acme/tiny", "main").isEmpty());
    }
}
