package dev.st4j.pickle;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Reads Python pickles (protocols 2 to 5) without running anything from them. Data opcodes build
 * Java values (None → null, int → Long or BigInteger, float → Double, str → String, bytes → byte[],
 * tuple and list → List, dict → Map); a global is only what {@code globals} maps its name to, and any
 * other global, or an opcode this reader does not know, is refused with a one-line
 * {@link PickleException}. Nothing in the file can name Java code.
 */
public final class RestrictedUnpickler {
    private static final Object MARK = new Object();

    private final String source;
    private final BiFunction<String, String, Object> globals;
    private final Function<Object, Object> persistentLoad;

    /**
     * @param source names the file in messages
     * @param globals the allowed globals: the object for (module, name), or null when it is refused
     * @param persistentLoad resolves persistent ids (BINPERSID), or null when a pickle may have none
     */
    public RestrictedUnpickler(String source, BiFunction<String, String, Object> globals, Function<Object, Object> persistentLoad) {
        this.source = source;
        this.globals = globals;
        this.persistentLoad = persistentLoad;
    }

    /** Reads one pickle from the buffer's position and leaves the position after its STOP. */
    public Object load(ByteBuffer in) {
        ByteBuffer b = in.order(ByteOrder.LITTLE_ENDIAN);
        List<Object> stack = new ArrayList<>();
        Map<Long, Object> memo = new HashMap<>();
        while (true) {
            if (!b.hasRemaining()) {
                throw fail(b, "ends before its STOP opcode");
            }
            int at = b.position();
            int op = b.get() & 0xFF;
            switch (op) {
                case 0x80 -> b.get(); // PROTO
                case 0x95 -> take(b, 8); // FRAME: a length hint
                case '.' -> {
                    if (stack.size() != 1) {
                        throw fail(b, "stops with " + stack.size() + " values on the stack");
                    }
                    return stack.get(0);
                }
                case '(' -> stack.add(MARK);
                case '0' -> pop(stack, b);
                case '1' -> popMark(stack, b);
                case '2' -> stack.add(peek(stack, b));
                case 'q' -> memo.put((long) (b.get() & 0xFF), peek(stack, b));
                case 'r' -> memo.put(b.getInt() & 0xFFFFFFFFL, peek(stack, b));
                case 0x94 -> memo.put((long) memo.size(), peek(stack, b));
                case 'h' -> stack.add(recall(memo, b.get() & 0xFF, b));
                case 'j' -> stack.add(recall(memo, b.getInt() & 0xFFFFFFFFL, b));
                case 'c' -> stack.add(global(line(b), line(b), b));
                case 0x93 -> {
                    Object name = pop(stack, b);
                    Object module = pop(stack, b);
                    if (!(module instanceof String m) || !(name instanceof String n)) {
                        throw fail(b, "STACK_GLOBAL needs two strings");
                    }
                    stack.add(global(m, n, b));
                }
                case ')' -> stack.add(List.of());
                case 't' -> stack.add(Collections.unmodifiableList(popMark(stack, b)));
                case 0x85, 0x86, 0x87 -> {
                    int n = op - 0x84;
                    List<Object> items = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        items.add(0, pop(stack, b));
                    }
                    stack.add(Collections.unmodifiableList(items));
                }
                case ']' -> stack.add(new ArrayList<>());
                case 'l' -> stack.add(new ArrayList<>(popMark(stack, b)));
                case 'a' -> {
                    Object item = pop(stack, b);
                    list(peek(stack, b), b).add(item);
                }
                case 'e' -> {
                    List<Object> items = popMark(stack, b);
                    list(peek(stack, b), b).addAll(items);
                }
                case '}' -> stack.add(new LinkedHashMap<>());
                case 'd' -> stack.add(pairs(new LinkedHashMap<>(), popMark(stack, b), b));
                case 's' -> {
                    Object value = pop(stack, b);
                    Object key = pop(stack, b);
                    map(peek(stack, b), b).put(key, value);
                }
                case 'u' -> {
                    List<Object> items = popMark(stack, b);
                    pairs(map(peek(stack, b), b), items, b);
                }
                case 'N' -> stack.add(null);
                case 0x88 -> stack.add(Boolean.TRUE);
                case 0x89 -> stack.add(Boolean.FALSE);
                case 'J' -> stack.add((long) b.getInt());
                case 'K' -> stack.add((long) (b.get() & 0xFF));
                case 'M' -> stack.add((long) (b.getShort() & 0xFFFF));
                case 0x8a -> stack.add(longValue(take(b, b.get() & 0xFF)));
                case 0x8b -> stack.add(longValue(take(b, length(b, b.getInt() & 0xFFFFFFFFL))));
                case 'G' -> stack.add(ByteBuffer.wrap(take(b, 8)).order(ByteOrder.BIG_ENDIAN).getDouble());
                case 'X' -> stack.add(utf8(take(b, length(b, b.getInt() & 0xFFFFFFFFL))));
                case 0x8c -> stack.add(utf8(take(b, b.get() & 0xFF)));
                case 0x8d -> stack.add(utf8(take(b, length(b, b.getLong()))));
                case 'U' -> stack.add(new String(take(b, b.get() & 0xFF), StandardCharsets.ISO_8859_1));
                case 'T' -> stack.add(new String(take(b, length(b, b.getInt() & 0xFFFFFFFFL)), StandardCharsets.ISO_8859_1));
                case 'C' -> stack.add(take(b, b.get() & 0xFF));
                case 'B' -> stack.add(take(b, length(b, b.getInt() & 0xFFFFFFFFL)));
                case 0x8e -> stack.add(take(b, length(b, b.getLong())));
                case 'R' -> {
                    Object args = pop(stack, b);
                    Object callable = pop(stack, b);
                    if (!(callable instanceof PickleCallable f) || !(args instanceof List<?> list)) {
                        throw fail(b, "REDUCE of something that is not an allowed callable");
                    }
                    stack.add(f.call(new ArrayList<>(list)));
                }
                case 'b' -> {
                    Object state = pop(stack, b);
                    Object target = peek(stack, b);
                    if (!(target instanceof Map<?, ?>) || !(state instanceof Map<?, ?>)) {
                        throw fail(b, "BUILD is only accepted on a dict (a state dict's metadata)");
                    }
                }
                case 'Q' -> {
                    Object pid = pop(stack, b);
                    if (persistentLoad == null) {
                        throw fail(b, "has a persistent id where none is expected");
                    }
                    stack.add(persistentLoad.apply(pid));
                }
                default -> throw new PickleException(source + ": unsupported pickle opcode 0x" + Integer.toHexString(op)
                        + " at byte " + at + " (only state dicts are read)");
            }
        }
    }

    private Object global(String module, String name, ByteBuffer b) {
        Object value = globals.apply(module, name);
        if (value == null) {
            throw new PickleException(source + ": forbidden pickle global '" + module + "." + name
                    + "' (only tensors in dicts are read; no code from a file is run)");
        }
        return value;
    }

    private PickleException fail(ByteBuffer b, String what) {
        return new PickleException(source + ": pickle " + what + " (at byte " + b.position() + ")");
    }

    private Object pop(List<Object> stack, ByteBuffer b) {
        if (stack.isEmpty() || stack.get(stack.size() - 1) == MARK) {
            throw fail(b, "pops an empty stack");
        }
        return stack.remove(stack.size() - 1);
    }

    private Object peek(List<Object> stack, ByteBuffer b) {
        if (stack.isEmpty() || stack.get(stack.size() - 1) == MARK) {
            throw fail(b, "reads an empty stack");
        }
        return stack.get(stack.size() - 1);
    }

    private List<Object> popMark(List<Object> stack, ByteBuffer b) {
        int mark = stack.lastIndexOf(MARK);
        if (mark < 0) {
            throw fail(b, "has no MARK to return to");
        }
        List<Object> items = new ArrayList<>(stack.subList(mark + 1, stack.size()));
        stack.subList(mark, stack.size()).clear();
        return items;
    }

    private Object recall(Map<Long, Object> memo, long key, ByteBuffer b) {
        if (!memo.containsKey(key)) {
            throw fail(b, "recalls memo " + key + ", which was never stored");
        }
        return memo.get(key);
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(Object o, ByteBuffer b) {
        if (o instanceof ArrayList<?> l) {
            return (List<Object>) l;
        }
        throw fail(b, "appends to something that is not a list");
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> map(Object o, ByteBuffer b) {
        if (o instanceof Map<?, ?> m) {
            return (Map<Object, Object>) m;
        }
        throw fail(b, "sets an item of something that is not a dict");
    }

    private Map<Object, Object> pairs(Map<Object, Object> into, List<Object> items, ByteBuffer b) {
        if (items.size() % 2 != 0) {
            throw fail(b, "has an odd number of dict items");
        }
        for (int i = 0; i < items.size(); i += 2) {
            into.put(items.get(i), items.get(i + 1));
        }
        return into;
    }

    private int length(ByteBuffer b, long n) {
        if (n < 0 || n > b.remaining()) {
            throw fail(b, "claims " + n + " bytes where " + b.remaining() + " remain");
        }
        return (int) n;
    }

    private byte[] take(ByteBuffer b, int n) {
        byte[] out = new byte[length(b, n)];
        b.get(out);
        return out;
    }

    private String line(ByteBuffer b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            if (!b.hasRemaining()) {
                throw fail(b, "ends inside a global name");
            }
            byte c = b.get();
            if (c == '\n') {
                return out.toString(StandardCharsets.UTF_8);
            }
            if (out.size() >= 1000) {
                throw fail(b, "has a global name over 1000 bytes");
            }
            out.write(c);
        }
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A little-endian two's-complement integer: a Long when it fits, else a BigInteger. */
    private static Object longValue(byte[] le) {
        if (le.length == 0) {
            return 0L;
        }
        byte[] be = new byte[le.length];
        for (int i = 0; i < le.length; i++) {
            be[i] = le[le.length - 1 - i];
        }
        BigInteger v = new BigInteger(be);
        return v.bitLength() < 64 ? (Object) v.longValue() : v;
    }
}
