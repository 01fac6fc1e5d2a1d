package dev.st4j.kernel;

import dev.st4j.model.SentenceTransformer;
import java.nio.charset.Charset;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.BaseKernelBuilder;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;

/** Builds the {@link St4jKernel} from the JJava framework's parts (I/O, comms, renderer, magics registry). */
public final class St4jKernelBuilder extends BaseKernelBuilder<St4jKernelBuilder, St4jKernel> {
    /** Line magics start a line with {@code %} (or follow {@code =}); cell magics start a cell with {@code %%}. */
    private static final String LINE_MAGIC_START = "(?<=(?:^|=))\\s*%";
    private static final String CELL_MAGIC_START = "%%";

    St4jKernelBuilder() {
        name("st4j");
        version(SentenceTransformer.VERSION);
    }

    @Override
    public St4jKernel build() {
        Charset charset = buildJupyterIOEncoding();
        LanguageInfo java = new LanguageInfo("Java", Runtime.version().toString(), "text/x-java-source", ".jshell", "java", "java",
                "script");
        MagicParser parser = magicParser != null ? magicParser : new MagicParser(LINE_MAGIC_START, CELL_MAGIC_START, buildMagicTranspiler());
        return new St4jKernel(buildName(), buildVersion(), java, List.of(),
                buildHistoryManager(), buildJupyterIO(charset), buildCommManager(), buildRenderer(), parser, buildMagicsRegistry(),
                buildExtensionsEnabled(), buildErrorStyler());
    }
}
