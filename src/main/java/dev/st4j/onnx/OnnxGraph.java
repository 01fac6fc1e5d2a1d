package dev.st4j.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.CodedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An ONNX model's graph, indexed for walking: initializers by name, the node producing each value,
 * the nodes consuming it, and constant values. Parsing uses the ONNX protobuf classes shipped by
 * Tribuo ({@code tribuo-util-onnx}).
 */
public final class OnnxGraph {
    private final GraphProto graph;
    private final Map<String, TensorProto> initializers = new LinkedHashMap<>();
    private final Map<String, NodeProto> producers = new HashMap<>();
    private final Map<String, List<NodeProto>> consumers = new HashMap<>();

    private OnnxGraph(GraphProto graph) {
        this.graph = graph;
        for (TensorProto t : graph.getInitializerList()) {
            initializers.put(t.getName(), t);
        }
        for (NodeProto n : graph.getNodeList()) {
            for (String out : n.getOutputList()) {
                producers.put(out, n);
            }
            for (String in : n.getInputList()) {
                consumers.computeIfAbsent(in, k -> new ArrayList<>()).add(n);
            }
        }
    }

    /** Parses a serialized {@code ModelProto}. */
    public static OnnxGraph read(InputStream in) throws IOException {
        CodedInputStream coded = CodedInputStream.newInstance(in);
        coded.setSizeLimit(Integer.MAX_VALUE);
        return new OnnxGraph(ModelProto.parseFrom(coded).getGraph());
    }

    /** Initializers in file order. */
    public Map<String, TensorProto> initializers() {
        return initializers;
    }

    /** All nodes in graph order. */
    public List<NodeProto> nodes() {
        return graph.getNodeList();
    }

    /** The nodes that read {@code value}. */
    public List<NodeProto> consumers(String value) {
        return consumers.getOrDefault(value, List.of());
    }

    /** The node that writes {@code value}, if any. */
    public Optional<NodeProto> producer(String value) {
        return Optional.ofNullable(producers.get(value));
    }

    /** The value of a {@code Constant} node's output or of an initializer, as doubles. */
    public Optional<double[]> constant(String value) {
        TensorProto t = initializers.get(value);
        if (t == null) {
            NodeProto n = producers.get(value);
            if (n == null || !n.getOpType().equals("Constant")) {
                return Optional.empty();
            }
            t = n.getAttributeList().stream().filter(AttributeProto::hasT).map(AttributeProto::getT).findFirst().orElse(null);
            if (t == null) {
                return Optional.empty();
            }
        }
        return Optional.of(toDoubles(t));
    }

    /** The dimensions of a tensor. */
    public static long[] dims(TensorProto t) {
        return t.getDimsList().stream().mapToLong(Long::longValue).toArray();
    }

    /** A float32 tensor's values in row-major order. */
    public static float[] toFloats(TensorProto t) {
        if (t.getDataType() != TensorProto.DataType.FLOAT_VALUE) {
            throw new IllegalArgumentException("initializer '" + t.getName() + "' is not float32 (ONNX type " + t.getDataType() + ")");
        }
        if (!t.getRawData().isEmpty()) {
            ByteBuffer b = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            float[] out = new float[b.remaining() / 4];
            b.asFloatBuffer().get(out);
            return out;
        }
        float[] out = new float[t.getFloatDataCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = t.getFloatData(i);
        }
        return out;
    }

    private static double[] toDoubles(TensorProto t) {
        ByteBuffer raw = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        switch (t.getDataType()) {
            case TensorProto.DataType.FLOAT_VALUE -> {
                float[] f = toFloats(t);
                double[] out = new double[f.length];
                for (int i = 0; i < f.length; i++) {
                    out[i] = f[i];
                }
                return out;
            }
            case TensorProto.DataType.INT64_VALUE -> {
                if (t.getRawData().isEmpty()) {
                    return t.getInt64DataList().stream().mapToDouble(Long::doubleValue).toArray();
                }
                double[] out = new double[raw.remaining() / 8];
                for (int i = 0; i < out.length; i++) {
                    out[i] = raw.getLong();
                }
                return out;
            }
            default -> {
                return new double[0];
            }
        }
    }
}
