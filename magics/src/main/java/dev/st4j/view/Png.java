package dev.st4j.view;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** A PNG image (a chart) that a notebook shows inline; static, so notebooks render on GitHub. */
public record Png(byte[] bytes, String caption) {

    /** Renders an XChart chart. */
    public static Png of(Chart<?, ?> chart, String caption) {
        try {
            return new Png(BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG), caption);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Encodes a drawn image. */
    public static Png of(java.awt.image.BufferedImage image, String caption) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Png(out.toByteArray(), caption);
    }

    /** Writes the image to a file. */
    public void save(Path file) throws IOException {
        java.nio.file.Files.write(file, bytes);
    }

    @Override
    public String toString() {
        return "[PNG " + bytes.length + " bytes: " + caption + "]";
    }
}
