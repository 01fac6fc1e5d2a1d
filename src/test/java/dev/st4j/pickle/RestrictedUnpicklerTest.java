package dev.st4j.pickle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-assembled pickles: values come out as Java values; globals not allowed and unknown opcodes are refused. */
class RestrictedUnpicklerTest {
    private static Object load(String hex) {
        return new RestrictedUnpickler("test.pkl", (m, n) -> null, null).load(ByteBuffer.wrap(HexFormat.of().parseHex(hex)));
    }

    @Test
    void readsTheValuesPythonWrites() {
        // pickle.dumps({'a': (1, 300, -2, 2**70, 1.5, None, True, 'é', b'x', [])}, protocol=4)
        Object v4 = load("80049536000000000000007d948c016194284b014d2c014afeffffff8a09000000000000000040473ff8000000000000"
                + "4e888c02c3a994430178945d947494732e");
        List<?> t = (List<?>) ((Map<?, ?>) v4).get("a");
        assertEquals(1L, t.get(0));
        assertEquals(300L, t.get(1));
        assertEquals(-2L, t.get(2));
        assertEquals(java.math.BigInteger.TWO.pow(70), t.get(3));
        assertEquals(1.5, t.get(4));
        assertEquals(null, t.get(5));
        assertEquals(Boolean.TRUE, t.get(6));
        assertEquals("é", t.get(7));
        assertEquals("x", new String((byte[]) t.get(8)));
        assertEquals(List.of(), t.get(9));
        // pickle.dumps({'a': [1, 300, -2, 2**70, 1.5, None, False, 'é', (), {'k': 'v'}]}, protocol=2)
        Object v2 = load("80027d710058010000006171015d7102284b014d2c014afeffffff8a09000000000000000040473ff80000000000004e89"
                + "5802000000c3a97103297d710458010000006b710558010000007671067365732e");
        List<?> l = (List<?>) ((Map<?, ?>) v2).get("a");
        assertEquals(List.of(1L, 300L, -2L, java.math.BigInteger.TWO.pow(70), 1.5), l.subList(0, 5));
        assertEquals(Boolean.FALSE, l.get(6));
        assertEquals(Map.of("k", "v"), l.get(9));
    }

    @Test
    void refusesGlobalsItWasNotGivenAndUnknownOpcodes() {
        // cos\nsystem\n(S'ls'\ntR. in protocol 2 form: GLOBAL 'os system', MARK, BINUNICODE 'ls', TUPLE, REDUCE, STOP
        PickleException g = assertThrows(PickleException.class, () -> load("8002636f730a73797374656d0a2858020000006c737452" + "2e"));
        assertEquals("test.pkl: forbidden pickle global 'os.system' (only tensors in dicts are read; no code from a file is run)",
                g.getMessage());
        PickleException op = assertThrows(PickleException.class, () -> load("8002" + "69" + "2e"));
        assertTrue(op.getMessage().startsWith("test.pkl: unsupported pickle opcode 0x69 at byte 2"), op.getMessage());
        PickleException cut = assertThrows(PickleException.class, () -> load("80025805000000616263"));
        assertTrue(cut.getMessage().contains("claims 5 bytes where 3 remain"), cut.getMessage());
        PickleException end = assertThrows(PickleException.class, () -> load("80024b01"));
        assertTrue(end.getMessage().contains("ends before its STOP"), end.getMessage());
        PickleException memo = assertThrows(PickleException.class, () -> load("8002680" + "72e"));
        assertTrue(memo.getMessage().contains("recalls memo 7"), memo.getMessage());
        PickleException reduce = assertThrows(PickleException.class, () -> load("80024b01" + "29" + "52" + "2e"));
        assertTrue(reduce.getMessage().contains("REDUCE of something that is not an allowed callable"), reduce.getMessage());
    }

    @Test
    void callsOnlyTheJavaFunctionAnAllowedGlobalMapsTo() {
        RestrictedUnpickler u = new RestrictedUnpickler("t", (m, n) -> m.equals("collections") && n.equals("OrderedDict")
                ? (PickleCallable) args -> new java.util.LinkedHashMap<>() : null, null);
        // GLOBAL 'collections OrderedDict', EMPTY_TUPLE, REDUCE, STOP
        Object v = u.load(ByteBuffer.wrap(HexFormat.of().parseHex("8002" + "63636f6c6c656374696f6e730a4f726465726564446963740a" + "29522e")));
        assertEquals(Map.of(), v);
    }
}
