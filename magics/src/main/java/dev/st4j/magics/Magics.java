package dev.st4j.magics;

import java.util.List;

/** The st4j magics, in the order {@code %st_help} lists them. */
public final class Magics {
    private Magics() {}

    /** A fresh instance of every magic. */
    public static List<Magic> all() {
        return List.of(new DataMagic(), new TrainMagic(), new EvalMagic(), new HeatmapMagic(), new SearchMagic(), new MineMagic(), new HelpMagic());
    }
}
