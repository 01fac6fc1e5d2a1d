package dev.st4j.modules;

/** The pooling strategies of sentence-transformers, with their {@code 1_Pooling/config.json} keys, in output order. */
public enum PoolingMode {
    CLS("pooling_mode_cls_token", "cls"),
    MAX("pooling_mode_max_tokens", "max"),
    MEAN("pooling_mode_mean_tokens", "mean"),
    MEAN_SQRT_LEN("pooling_mode_mean_sqrt_len_tokens", "mean_sqrt_len_tokens"),
    WEIGHTED_MEAN("pooling_mode_weightedmean_tokens", "weightedmean"),
    LAST_TOKEN("pooling_mode_lasttoken", "lasttoken");

    private final String configKey;
    private final String shortName;

    PoolingMode(String configKey, String shortName) {
        this.configKey = configKey;
        this.shortName = shortName;
    }

    /** The boolean key in the pooling config. */
    public String configKey() {
        return configKey;
    }

    /** The name sentence-transformers accepts as {@code pooling_mode}. */
    public String shortName() {
        return shortName;
    }

    /** Parses a short name such as {@code mean} or {@code cls}. */
    public static PoolingMode parse(String name) {
        for (PoolingMode m : values()) {
            if (m.shortName.equals(name) || m.name().equalsIgnoreCase(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("pooling mode '" + name + "' is not one of cls, max, mean, "
                + "mean_sqrt_len_tokens, weightedmean, lasttoken");
    }
}
