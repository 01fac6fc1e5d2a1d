package dev.st4j.pickle;

import java.util.List;

/** What an allowed global does when a pickle calls it (REDUCE); written in Java, never taken from the file. */
@FunctionalInterface
public interface PickleCallable {
    /** The object the call builds from its arguments. */
    Object call(List<Object> args);
}
