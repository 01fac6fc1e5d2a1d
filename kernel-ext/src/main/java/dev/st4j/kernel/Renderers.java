package dev.st4j.kernel;

import dev.st4j.data.DatasetSummary;
import dev.st4j.eval.EvaluationReport;
import dev.st4j.view.DatasetView;
import dev.st4j.view.Html;
import dev.st4j.view.MetricsTable;
import dev.st4j.view.Outputs;
import dev.st4j.view.Png;
import dev.st4j.view.TableHtml;
import java.util.Base64;
import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

/** How st4j's values look as a cell's value: HTML tables and PNG charts (never JavaScript), with a text fallback. */
public final class Renderers {
    private static final int TABLE_ROWS = 20;

    private Renderers() {}

    /** Registers every st4j renderer with {@code renderer}. */
    public static void registerAll(Renderer renderer) {
        renderer.createRegistration(Html.class).preferring(MIMEType.TEXT_HTML).supporting(MIMEType.TEXT_PLAIN)
                .register((html, ctx) -> html(html, ctx, "HTML output"));
        renderer.createRegistration(Png.class).preferring(MIMEType.IMAGE_PNG).supporting(MIMEType.TEXT_PLAIN)
                .register(Renderers::png);
        renderer.createRegistration(Outputs.class).preferring(MIMEType.TEXT_HTML).supporting(MIMEType.TEXT_PLAIN)
                .register((o, ctx) -> html(inline(o), ctx, o.toString()));
        renderer.createRegistration(Table.class).preferring(MIMEType.TEXT_HTML).supporting(MIMEType.TEXT_PLAIN)
                .register((t, ctx) -> html(TableHtml.of(t, TABLE_ROWS), ctx, t.first(TABLE_ROWS).print()));
        @SuppressWarnings({"rawtypes", "unchecked"})
        Class<Chart> chartType = Chart.class;
        renderer.createRegistration(chartType).preferring(MIMEType.IMAGE_PNG).supporting(MIMEType.TEXT_PLAIN)
                .register((c, ctx) -> png(Png.of((Chart<?, ?>) c, String.valueOf(c.getTitle())), ctx));
        renderer.createRegistration(EvaluationReport.class).preferring(MIMEType.TEXT_HTML).supporting(MIMEType.TEXT_PLAIN)
                .register((r, ctx) -> html(MetricsTable.of(r), ctx, r.metrics().toString()));
        renderer.createRegistration(DatasetView.class).preferring(MIMEType.TEXT_HTML).supporting(MIMEType.TEXT_PLAIN)
                .register((v, ctx) -> html(inline(v.render()), ctx, v.summary().splitSummary().print()));
        renderer.createRegistration(DatasetSummary.class).preferring(MIMEType.TEXT_HTML).supporting(MIMEType.TEXT_PLAIN)
                .register((s, ctx) -> html(inline(new DatasetView(s).render()), ctx, s.splitSummary().print()));
    }

    private static void html(Html html, RenderContext ctx, String text) {
        ctx.renderIfRequested(MIMEType.TEXT_HTML, html::html);
        ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> text);
    }

    private static void png(Png png, RenderContext ctx) {
        ctx.renderIfRequested(MIMEType.IMAGE_PNG, () -> Base64.getEncoder().encodeToString(png.bytes()));
        ctx.renderIfRequested(MIMEType.TEXT_PLAIN, png::caption);
    }

    /** Several outputs as one HTML block, images inlined; used where a kernel shows a single value. */
    static Html inline(Outputs outputs) {
        StringBuilder b = new StringBuilder("<div class=\"st4j-outputs\">");
        for (Object part : outputs.parts()) {
            if (part instanceof Png p) {
                b.append("<img alt=\"").append(Html.escape(p.caption())).append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(p.bytes())).append("\"/>");
            } else {
                b.append(part instanceof Html h ? h.html() : "<pre>" + Html.escape(String.valueOf(part)) + "</pre>");
            }
        }
        return new Html(b.append("</div>").toString());
    }
}
