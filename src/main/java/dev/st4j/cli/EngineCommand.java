package dev.st4j.cli;

import dev.st4j.engine.EngineNotice;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code st4j engine}: which libtorch and device this machine's runs use, in one line. */
@Command(name = "engine", mixinStandardHelpOptions = true,
        description = "Load the PyTorch engine and say which libtorch and device runs use "
                + "(ST4J_ENGINE=auto|cpu|cuda, PYTORCH_LIBRARY_PATH choose; docs/gpu.md).")
final class EngineCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.out.println(EngineNotice.describe());
        return 0;
    }
}
