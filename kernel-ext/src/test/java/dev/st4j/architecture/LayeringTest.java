package dev.st4j.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package layers written in {@code docs/architecture.md} hold in the compiled classes of all three
 * modules: no package cycle, no package using one of a higher layer, every package placed in a layer,
 * and the Jupyter and plotting libraries used only where the design says.
 */
class LayeringTest {
    private static final Path DOC = Path.of("..", "docs", "architecture.md");
    private static final Pattern LAYER_LINE = Pattern.compile("^\\s*(\\d+)\\.\\s+(.+?)\\s*$");
    private static final String PREFIX = "dev.st4j.";

    private static JavaClasses classes;
    private static Map<String, Integer> rank;

    @BeforeAll
    static void importClasses() throws IOException {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.st4j");
        rank = layersFromDoc();
    }

    /** Reads the numbered list between the layer markers of docs/architecture.md: "N. pkg, pkg". */
    static Map<String, Integer> layersFromDoc() throws IOException {
        String text = Files.readString(DOC);
        int begin = text.indexOf("<!-- layers: begin -->");
        int end = text.indexOf("<!-- layers: end -->");
        assertTrue(begin >= 0 && end > begin, DOC + " lacks the layer markers");
        Map<String, Integer> out = new HashMap<>();
        for (String line : text.substring(begin, end).split("\n")) {
            Matcher m = LAYER_LINE.matcher(line);
            if (m.matches()) {
                String packages = m.group(2).replaceAll("—.*$", "");
                for (String p : packages.split(",")) {
                    out.put(p.strip().replace("`", ""), Integer.parseInt(m.group(1)));
                }
            }
        }
        assertTrue(out.size() > 10, "layers parsed: " + out);
        return out;
    }

    private static String packageOf(JavaClass c) {
        String rest = c.getPackageName().substring(PREFIX.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    @Test
    void everyPackageHasALayer() {
        Set<String> unplaced = new TreeSet<>();
        for (JavaClass c : classes) {
            if (c.getPackageName().startsWith(PREFIX) && !rank.containsKey(packageOf(c))) {
                unplaced.add(packageOf(c));
            }
        }
        assertEquals(Set.of(), unplaced, "packages missing from the layer list in " + DOC);
    }

    @Test
    void noPackageUsesAHigherLayer() {
        List<String> violations = new ArrayList<>();
        for (JavaClass c : classes) {
            if (!c.getPackageName().startsWith(PREFIX)) {
                continue;
            }
            String from = packageOf(c);
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                JavaClass target = d.getTargetClass();
                if (!target.getPackageName().startsWith(PREFIX)) {
                    continue;
                }
                String to = packageOf(target);
                if (rank.containsKey(from) && rank.containsKey(to) && rank.get(to) > rank.get(from)) {
                    violations.add(from + " (layer " + rank.get(from) + ") uses " + to + " (layer " + rank.get(to) + "): "
                            + d.getDescription());
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("dev.st4j.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void onlyTheKernelKnowsJupyterAndOnlyViewsDraw() {
        noClasses().that().resideOutsideOfPackage("dev.st4j.kernel..").should().dependOnClassesThat()
                .resideInAPackage("org.dflib.jjava..").check(classes);
        noClasses().that().resideOutsideOfPackages("dev.st4j.view..", "dev.st4j.kernel..").should().dependOnClassesThat()
                .resideInAPackage("org.knowm.xchart..").because("views draw; the kernel only displays charts that cells return")
                .check(classes);
    }

    @Test
    void sparkTypesStayWhereSparkIsCertainlyPresent() {
        noClasses().that().resideOutsideOfPackage("dev.st4j.spark..")
                .and().doNotHaveFullyQualifiedName("dev.st4j.cli.SparkJobs")
                .and().doNotHaveFullyQualifiedName("dev.st4j.bench.SparkEncodeBenchmark")
                .should().dependOnClassesThat().resideInAPackage("org.apache.spark..")
                .because("Spark is a provided dependency: a class that names its types fails to load where it is absent (WithoutSparkTest)")
                .check(classes);
    }
}
