package dev.st4j.magics;

import dev.st4j.view.NotebookDisplay;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** A notebook stand-in that records what a magic shows, updates and binds. */
final class RecordingSession implements NotebookSession, NotebookDisplay {
    final List<Object> shown = new ArrayList<>();
    final Map<String, List<Object>> updates = new LinkedHashMap<>();
    final Map<String, Object> variables = new LinkedHashMap<>();
    Consumer<Object> onUpdate = v -> {};

    @Override
    public NotebookDisplay display() {
        return this;
    }

    @Override
    public String show(Object value) {
        shown.add(value);
        return "display-" + (shown.size() - 1);
    }

    @Override
    public void update(String displayId, Object value) {
        updates.computeIfAbsent(displayId, k -> new ArrayList<>()).add(value);
        onUpdate.accept(value);
    }

    @Override
    public void bind(String name, Object value) {
        variables.put(name, value);
    }

    @Override
    public Optional<Object> variable(String name) {
        return Optional.ofNullable(variables.get(name));
    }

    <T> List<T> shownOf(Class<T> type) {
        return shown.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
