package dev.st4j.params;

/** Where a run computes: the GPU when DJL sees one, the CPU, or a GPU that must be there. */
public enum DeviceChoice implements Choice {
    AUTO("auto"),
    CPU("cpu"),
    GPU("gpu");

    private final String id;

    DeviceChoice(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
