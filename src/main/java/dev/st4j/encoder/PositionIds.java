package dev.st4j.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/** How an encoder numbers token positions for its learned position table. */
public enum PositionIds {
    /** 0, 1, 2, … for every token (BERT, DistilBERT). */
    FROM_ZERO,
    /**
     * padding_idx+1, padding_idx+2, … for real tokens and padding_idx for pad tokens, counted from the
     * ids (RoBERTa, XLM-R, MPNet).
     */
    AFTER_PADDING_IDX;

    /** Position ids for a (batch, length) int64 id matrix. */
    public NDArray compute(NDArray inputIds, int paddingIdx) {
        long length = inputIds.getShape().get(1);
        if (this == FROM_ZERO) {
            return inputIds.getManager().arange(0, (int) length, 1, DataType.INT64).expandDims(0);
        }
        NDArray notPad = inputIds.neq(paddingIdx).toType(DataType.INT64, false);
        return notPad.cumSum(1).mul(notPad).add(paddingIdx);
    }
}
