package dev.st4j.view;

import java.util.List;
import java.util.stream.Collectors;

/** Several outputs shown one after the other (HTML tables and charts), for a magic with more than one thing to show. */
public record Outputs(List<Object> parts) {
    @Override
    public String toString() {
        return parts.stream().map(String::valueOf).collect(Collectors.joining("\n"));
    }
}
