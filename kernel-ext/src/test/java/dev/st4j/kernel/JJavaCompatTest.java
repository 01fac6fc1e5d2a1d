package dev.st4j.kernel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.junit.jupiter.api.Test;

/**
 * The adapter works with 1.0-a6's signatures and with test doubles of 1.0-a7's, and no st4j class calls
 * the members whose signatures changed (a call compiled against a6 would fail in a later kernel).
 */
class JJavaCompatTest {
    /** A kernel with 1.0-a7's evaluation API: {@code evalBuilder(code)} returning a builder with {@code eval()}. */
    public static final class A7Kernel {
        final List<String> evaluated = new ArrayList<>();

        /** 1.0-a7's builder interface. */
        public interface Builder {
            /** Runs the code. */
            Object eval();
        }

        public Builder evalBuilder(String code) {
            return () -> {
                evaluated.add(code);
                return "a7:" + code;
            };
        }

        public Object evalRaw(String code) {
            throw new AssertionError("deprecated for removal; must not be called when evalBuilder exists");
        }
    }

    /** A kernel with only 1.0-a6's {@code evalRaw}. */
    public static final class A6Kernel {
        public Object evalRaw(String code) {
            return "a6:" + code;
        }
    }

    /** 1.0-a7's DisplayData.setDisplayId returns the data; the adapter does not depend on either return type. */
    public static final class A7DisplayData extends DisplayData {
        public A7DisplayData withDisplayId(String id) {
            putTransientData(JJavaCompat.DISPLAY_ID, id);
            return this;
        }
    }

    @Test
    void evaluatesThroughWhateverTheKernelOffers() {
        A7Kernel a7 = new A7Kernel();
        assertEquals("a7:var x = 1;", JJavaCompat.eval(a7, "var x = 1;"));
        assertEquals(List.of("var x = 1;"), a7.evaluated);
        assertEquals("a6:var y = 2;", JJavaCompat.eval(new A6Kernel(), "var y = 2;"));
        assertThrows(IllegalStateException.class, () -> JJavaCompat.eval(new Object(), "1"));
    }

    @Test
    void displayIdsAreReadByEveryReleasesGetter() {
        DisplayData data = new DisplayData("text");
        JJavaCompat.setDisplayId(data, "id-1");
        assertEquals("id-1", data.getDisplayId());
        DisplayData later = new A7DisplayData().withDisplayId("id-2");
        JJavaCompat.setDisplayId(later, "id-3");
        assertEquals("id-3", later.getDisplayId());
    }

    @Test
    void noSt4jClassCallsAMemberWhoseSignatureChanged() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.st4j");
        noClasses().should().callMethod(DisplayData.class, "setDisplayId", String.class).check(classes);
        noClasses().that().doNotHaveSimpleName("St4jKernel").should().callMethod(BaseKernel.class, "evalRaw", String.class)
                .check(classes);
    }
}
