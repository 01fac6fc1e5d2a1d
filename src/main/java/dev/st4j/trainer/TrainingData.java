package dev.st4j.trainer;

import dev.st4j.data.ColumnNames;
import dev.st4j.data.DataFiles;
import dev.st4j.data.Dataset;
import dev.st4j.data.DatasetReader;
import dev.st4j.data.TableReader;
import dev.st4j.eval.RetrievalData;
import dev.st4j.kind.TrainerKind;
import dev.st4j.params.SentenceTransformersParams;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The data a run needs, read before the model is loaded: the training split, and the validation split
 * or BEIR-style retrieval files when given.
 */
public record TrainingData(Dataset train, Dataset validation, RetrievalData retrieval) {

    /** Reads the splits that {@code p} names. */
    public static TrainingData read(SentenceTransformersParams p, TrainerKind kind) throws IOException {
        ColumnNames names = columnNames(p);
        DatasetReader reader = new DatasetReader(names, p.skipInvalidRows(), p.maxSamples());
        Path dataPath = Path.of(p.dataPath());
        Path trainFile = DataFiles.resolve(dataPath, p.trainSplit());
        Dataset train = reader.read(trainFile, TableReader.read(trainFile), kind, null);
        if (train.size() == 0) {
            throw new IOException(trainFile + ": no training rows");
        }
        if (train.labels() != null && train.labels().size() < 2) {
            throw new IOException(trainFile + ": '" + train.columnNames().get(train.texts().size()) + "' has one class only ("
                    + train.labels().get(0) + "); a classifier needs at least two");
        }
        Dataset validation = null;
        if (p.validSplit() != null) {
            Path validFile = DataFiles.resolve(dataPath, p.validSplit());
            validation = reader.read(validFile, TableReader.read(validFile), kind, train.labels());
        }
        RetrievalData retrieval = null;
        if (p.corpusPath() != null) {
            retrieval = RetrievalData.readBeir(Path.of(p.corpusPath()), Path.of(p.queriesPath()), Path.of(p.qrelsPath()));
        }
        return new TrainingData(train, validation, retrieval);
    }

    /**
     * The user's column names; a sentence column left at its default name may also be found under the
     * trainer's conventional name (anchor, premise, query, …).
     */
    public static ColumnNames columnNames(SentenceTransformersParams p) {
        SentenceTransformersParams defaults = SentenceTransformersParams.builder().build();
        String s1 = p.sentence1Column() == null || p.sentence1Column().equals(defaults.sentence1Column()) ? null : p.sentence1Column();
        String s2 = p.sentence2Column() == null || p.sentence2Column().equals(defaults.sentence2Column()) ? null : p.sentence2Column();
        return new ColumnNames(s1, s2, p.sentence3Column(), p.targetColumn());
    }

    /** Validation examples (or retrieval queries) available for evaluation. */
    public int validationSize() {
        if (retrieval != null) {
            return retrieval.queries().size();
        }
        return validation == null ? 0 : validation.size();
    }
}
