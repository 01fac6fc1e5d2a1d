package dev.st4j.modules;

import ai.djl.ndarray.NDArray;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The activation of a {@link Dense} layer, by the PyTorch class sentence-transformers names in its config. */
public enum Activation {
    IDENTITY("torch.nn.modules.linear.Identity"),
    TANH("torch.nn.modules.activation.Tanh"),
    GELU("torch.nn.modules.activation.GELU"),
    RELU("torch.nn.modules.activation.ReLU"),
    SIGMOID("torch.nn.modules.activation.Sigmoid"),
    SILU("torch.nn.modules.activation.SiLU");

    private final String pythonName;

    Activation(String pythonName) {
        this.pythonName = pythonName;
    }

    /** The full PyTorch class name written to {@code config.json}. */
    public String pythonName() {
        return pythonName;
    }

    /** The activation applied to {@code x}. */
    public NDArray apply(NDArray x) {
        return switch (this) {
            case IDENTITY -> x;
            case TANH -> x.tanh();
            case GELU -> x.getNDArrayInternal().gelu();
            case RELU -> x.getNDArrayInternal().relu();
            case SIGMOID -> x.getNDArrayInternal().sigmoid();
            case SILU -> x.mul(x.getNDArrayInternal().sigmoid());
        };
    }

    /**
     * The activation a config names: any spelling of a supported {@code torch.nn} class
     * ({@code torch.nn.Tanh}, {@code torch.nn.modules.activation.Tanh}, …).
     */
    public static Activation parse(String name) {
        String simple = name.substring(name.lastIndexOf('.') + 1);
        return Arrays.stream(values())
                .filter(a -> name.startsWith("torch.") && a.pythonName.endsWith("." + simple))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("activation_function '" + name + "' is not supported (expected one of "
                        + Arrays.stream(values()).map(a -> "torch.nn." + a.pythonName.substring(a.pythonName.lastIndexOf('.') + 1))
                                .collect(Collectors.joining(", ")) + ")"));
    }
}
