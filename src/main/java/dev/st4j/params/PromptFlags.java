package dev.st4j.params;

import dev.st4j.model.EncodeOptions;
import picocli.CommandLine.Option;

/** {@code --prompt-name} and {@code --prompt}: which prompt goes before each text; shared by {@code st4j encode} and the magics. */
public final class PromptFlags {
    @Option(names = "--prompt-name", description = "One of the model's prompts (e.g. query, document); default: the model's default prompt.")
    String promptName;

    @Option(names = "--prompt", description = "A literal prompt put before each text (wins over --prompt-name).")
    String prompt;

    /** {@code options} with the prompt these flags name. */
    public EncodeOptions apply(EncodeOptions options) {
        return options.withPromptName(promptName).withPrompt(prompt);
    }

    /** Whether either flag was given. */
    public boolean given() {
        return promptName != null || prompt != null;
    }
}
