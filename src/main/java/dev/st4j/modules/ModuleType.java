package dev.st4j.modules;

import java.util.Arrays;
import java.util.Optional;

/** The sentence-transformers module classes st4j reads and writes, by their Python names. */
public enum ModuleType {
    TRANSFORMER("sentence_transformers.models.Transformer", ""),
    POOLING("sentence_transformers.models.Pooling", "Pooling"),
    DENSE("sentence_transformers.models.Dense", "Dense"),
    NORMALIZE("sentence_transformers.models.Normalize", "Normalize");

    private final String pythonName;
    private final String folderSuffix;

    ModuleType(String pythonName, String folderSuffix) {
        this.pythonName = pythonName;
        this.folderSuffix = folderSuffix;
    }

    /** The name written to {@code modules.json}. */
    public String pythonName() {
        return pythonName;
    }

    /** The folder a module at {@code index} is saved in, as sentence-transformers names it ("" for the transformer). */
    public String folder(int index) {
        return folderSuffix.isEmpty() ? "" : index + "_" + folderSuffix;
    }

    /**
     * The module type a {@code modules.json} entry names, matched on the class's simple name so that
     * newer package layouts of the same classes load too.
     */
    public static Optional<ModuleType> fromPythonName(String name) {
        String simple = name.substring(name.lastIndexOf('.') + 1);
        return Arrays.stream(values()).filter(t -> t.pythonName.endsWith("." + simple)).findFirst();
    }
}
