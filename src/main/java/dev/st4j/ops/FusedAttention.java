package dev.st4j.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;

/**
 * PyTorch's fused {@code scaled_dot_product_attention} on the same libtorch, reached through a weightless
 * TorchScript module ({@code fused_attention.pt}, written by {@code src/main/torchscript/fused_attention.py}).
 * It never materialises the (batch, heads, length, length) probabilities and autograd runs through it. It has
 * no dropout, so it serves attention whose probabilities are not dropped; {@link Attention} decides.
 */
public final class FusedAttention {
    /** The environment variable that turns the fused path off: {@code ST4J_ATTENTION=materialised}. */
    public static final String SWITCH = "ST4J_ATTENTION";

    private static final String RESOURCE = "fused_attention.pt";
    private static final Object LOCK = new Object();
    private static volatile Loaded loaded;

    private FusedAttention() {}

    /** Whether the fused path is on for an environment: unless {@value #SWITCH} says {@code materialised}. */
    public static boolean enabledBy(Map<String, String> env) {
        String v = env.getOrDefault(SWITCH, "fused").trim().toLowerCase(Locale.ROOT);
        return !(v.equals("materialised") || v.equals("materialized"));
    }

    /** Whether {@link #attention} serves these inputs: the switch is on, the module loads, q, k and v share a floating type. */
    public static boolean serves(NDArray q, NDArray k, NDArray v) {
        DataType t = q.getDataType();
        return t.isFloating() && k.getDataType() == t && v.getDataType() == t && module().available();
    }

    /**
     * softmax(q·kᵀ / divisor + bias)·v over split heads (batch, heads, length, size); a null {@code bias} adds
     * nothing. Gradients flow through it while gradient recording is on. The result belongs to {@code q}'s manager.
     */
    public static NDArray attention(NDArray q, NDArray k, NDArray v, NDArray bias, double divisor) {
        NDManager m = q.getManager();
        NDArray b = bias == null ? m.zeros(new Shape(1, 1, 1, 1), q.getDataType())
                : bias.toType(q.getDataType(), false);
        NDArray scale = m.create(1.0 / divisor);
        NDList out = module().block.forward(new ParameterStore(m, false), new NDList(q, k, v, b, scale),
                JniUtils.isGradMode());
        NDArray context = out.singletonOrThrow();
        context.attach(m);
        return context;
    }

    private static Loaded module() {
        Loaded l = loaded;
        if (l == null) {
            synchronized (LOCK) {
                if (loaded == null) {
                    loaded = Loaded.fromResource(enabledBy(System.getenv()));
                }
                l = loaded;
            }
        }
        return l;
    }

    /** The process's one copy of the module, with the manager that owns it for the process's life (null when off or not loadable). */
    private record Loaded(NDManager owner, PtSymbolBlock block) {
        boolean available() {
            return block != null;
        }

        static Loaded fromResource(boolean enabled) {
            if (!enabled) {
                return new Loaded(null, null);
            }
            NDManager owner = NDManager.newBaseManager("PyTorch");
            try (InputStream in = FusedAttention.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IOException(RESOURCE + " is missing from the class path");
                }
                PtSymbolBlock block = JniUtils.loadModule((PtNDManager) owner, in, true, false);
                return new Loaded(owner, block);
            } catch (IOException | RuntimeException e) {
                owner.close();
                System.err.println("st4j: fused attention unavailable (" + e.getMessage() + "); attention is materialised");
                return new Loaded(null, null);
            }
        }
    }
}
