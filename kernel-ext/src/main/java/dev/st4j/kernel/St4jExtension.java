package dev.st4j.kernel;

import dev.st4j.magics.Magic;
import dev.st4j.magics.Magics;
import java.util.List;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.magic.CellMagic;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;

/**
 * st4j's Jupyter extension: registers the {@code %st_*} magics and the renderers. Found through
 * {@code META-INF/services}, so the st4j jars also work inside a stock JJava kernel.
 */
public final class St4jExtension implements Extension {
    @Override
    public void install(BaseKernel kernel) {
        Renderers.registerAll(kernel.getRenderer());
        KernelSession session = new KernelSession(kernel, declarer(kernel));
        for (Magic m : Magics.all()) {
            kernel.getMagicsRegistry().registerLineMagic(m.name(), (LineMagic<Object, BaseKernel>) (k, args) -> run(m, args, null, session));
            kernel.getMagicsRegistry().registerCellMagic(m.name(),
                    (CellMagic<Object, BaseKernel>) (k, args, body) -> run(m, args, body, session));
        }
    }

    private static java.util.function.Consumer<String> declarer(BaseKernel kernel) {
        if (kernel instanceof St4jKernel k) {
            return k::declareAfterCell;
        }
        return code -> JJavaCompat.eval(kernel, code);
    }

    private static Object run(Magic magic, List<String> args, String body, KernelSession session) throws Exception {
        Object value = magic.run(args, body, session);
        if (value != null) {
            session.show(value);
        }
        return null;
    }
}
