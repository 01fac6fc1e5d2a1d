package dev.st4j.onnx;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import dev.st4j.testing.Fuzzing;
import java.io.ByteArrayInputStream;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;

/** Mutated ONNX models (a small BERT-shaped graph) are parsed and imported, or refused in one line. */
class OnnxImportFuzzTest {
    @Property
    @Tag("fuzz")
    void mutatedModelsImportOrAreRefusedInOneLine(@ForAll("models") byte[] bytes) {
        Fuzzing.mustReadOrRefuseInOneLine(() -> BertOnnxImporter.recover(OnnxGraph.read(new ByteArrayInputStream(bytes)), "fuzz.onnx"));
    }

    @Provide
    Arbitrary<byte[]> models() {
        return Fuzzing.mutationsOf(List.of(seed()));
    }

    /** Word embeddings gathered by the input ids, a LayerNorm and one MatMul with its bias: the start of a BERT export. */
    private static byte[] seed() {
        GraphProto graph = GraphProto.newBuilder()
                .addInitializer(floats("embeddings.word_embeddings.weight", 6, 4))
                .addInitializer(floats("embeddings.LayerNorm.weight", 4))
                .addInitializer(floats("embeddings.LayerNorm.bias", 4))
                .addInitializer(floats("onnx::MatMul_1", 4, 4))
                .addInitializer(floats("encoder.layer.0.attention.self.query.bias", 4))
                .addNode(NodeProto.newBuilder().setOpType("Gather").addInput("embeddings.word_embeddings.weight").addInput("input_ids")
                        .addOutput("e"))
                .addNode(NodeProto.newBuilder().setOpType("LayerNormalization").addInput("e").addInput("embeddings.LayerNorm.weight")
                        .addInput("embeddings.LayerNorm.bias").addOutput("n"))
                .addNode(NodeProto.newBuilder().setOpType("MatMul").addInput("n").addInput("onnx::MatMul_1").addOutput("q0"))
                .addNode(NodeProto.newBuilder().setOpType("Add").addInput("encoder.layer.0.attention.self.query.bias").addInput("q0")
                        .addOutput("q"))
                .build();
        return ModelProto.newBuilder().setIrVersion(8).setGraph(graph).build().toByteArray();
    }

    private static TensorProto floats(String name, long... dims) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT.getNumber());
        long n = 1;
        for (long d : dims) {
            t.addDims(d);
            n *= d;
        }
        for (int i = 0; i < n; i++) {
            t.addFloatData(0.01f * i);
        }
        return t.build();
    }
}
