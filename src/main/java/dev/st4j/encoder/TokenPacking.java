package dev.st4j.encoder;

import dev.st4j.ops.Attention;
import dev.st4j.ops.Layers;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Where a padded batch's real tokens are, so that the per-token parts of a layer (linear layers,
 * LayerNorm, activation, dropout) run on those tokens only, packed into (tokens, width), while
 * attention runs in the padded (batch, length, width) layout its mask expects. Batches with little
 * padding are not packed, only masked. Real tokens' values are exactly those of the padded
 * computation; padded positions, which no pooling reads, come out as zeros.
 */
final class TokenPacking {
    private final long batch;
    private final long length;
    private final NDArray packIndex;
    private final NDArray unpackIndex;
    private final NDArray realMask;
    private final NDArray paddingBias;

    private TokenPacking(long batch, long length, NDArray packIndex, NDArray unpackIndex, NDArray realMask, NDArray paddingBias) {
        this.batch = batch;
        this.length = length;
        this.packIndex = packIndex;
        this.unpackIndex = unpackIndex;
        this.realMask = realMask;
        this.paddingBias = paddingBias;
    }

    /**
     * Below this share of padded positions a batch is not packed (only masked): gathering would cost
     * more than it saves, and unpacked batches of full documents repeat the same array sizes, which
     * the allocator reuses instead of fragmenting its heap.
     */
    static final double MIN_PADDING_TO_PACK = 0.10;

    /** The packing for a (batch, length) 0/1 attention mask; its index arrays live in the mask's manager. */
    static TokenPacking of(NDArray attentionMask) {
        Shape shape = attentionMask.getShape();
        long batch = shape.get(0);
        long length = shape.get(1);
        long[] mask = attentionMask.toType(DataType.INT64, false).toLongArray();
        int real = 0;
        for (long m : mask) {
            real += m != 0 ? 1 : 0;
        }
        if (real == mask.length) {
            return new TokenPacking(batch, length, null, null, null, null);
        }
        NDManager manager = attentionMask.getManager();
        NDArray realMask = attentionMask.toType(DataType.FLOAT32, false).reshape(batch, length, 1);
        NDArray paddingBias = Attention.additiveMask(attentionMask);
        if (mask.length - real < MIN_PADDING_TO_PACK * mask.length) {
            return new TokenPacking(batch, length, null, null, realMask, paddingBias);
        }
        long[] pack = new long[real];
        long[] unpack = new long[mask.length];
        for (int pos = 0, row = 0; pos < mask.length; pos++) {
            if (mask[pos] != 0) {
                pack[row] = pos;
                unpack[pos] = row++;
            }
        }
        return new TokenPacking(batch, length, manager.create(pack), manager.create(unpack), realMask, paddingBias);
    }

    /**
     * What attention adds to its scores: {@code positionBias} (null for none) plus, when the batch has
     * padding, the mask that keeps padded keys out; null when there is neither.
     */
    NDArray attentionBias(NDArray positionBias) {
        if (paddingBias == null) {
            return positionBias;
        }
        return positionBias == null ? paddingBias : positionBias.add(paddingBias);
    }

    private boolean hasPadding() {
        return realMask != null;
    }

    private boolean packs() {
        return packIndex != null;
    }

    /** (batch, length, width) → (real tokens, width). */
    NDArray pack(NDArray x) {
        NDArray flat = x.reshape(batch * length, x.getShape().get(2));
        return packs() ? rows(flat, packIndex) : flat;
    }

    /**
     * (real tokens, width) → (batch, length, width). Padded positions repeat a real token's values: as
     * masked keys they get zero attention weight, and as queries their results are dropped by
     * {@link #pack}, so they change neither values nor gradients of real tokens.
     */
    NDArray unpack(NDArray x) {
        NDArray padded = packs() ? rows(x, unpackIndex) : x;
        return padded.reshape(batch, length, x.getShape().get(1));
    }

    /**
     * Rows {@code index} of {@code table}, owned by the table's manager (a layer's scope, so freed with
     * it): PyTorch's lookup creates its result in the index's manager, which lives for the whole batch.
     */
    private static NDArray rows(NDArray table, NDArray index) {
        NDArray out = Layers.embedding(index, table);
        out.attach(table.getManager());
        return out;
    }

    /** (real tokens, width) → (batch, length, width) with zeros at padded positions. */
    NDArray unpackWithZeros(NDArray x) {
        NDArray padded = unpack(x);
        return hasPadding() ? padded.mul(realMask) : padded;
    }
}
