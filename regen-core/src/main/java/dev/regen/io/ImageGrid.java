package dev.regen.io;

import dev.regen.config.ImageShape;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/** Tiles many images of one shape into a single picture, row by row, with a thin border. */
public final class ImageGrid {
    private static final int GAP = 2;

    private ImageGrid() {
    }

    /**
     * Renders {@code count} images from {@code pixels} in rows of {@code columns}.
     *
     * @param scale integer magnification so that small images stay visible
     */
    public static BufferedImage render(float[] pixels, int count, ImageShape shape, int columns, int scale) {
        int rows = (count + columns - 1) / columns;
        int cellW = shape.width() * scale;
        int cellH = shape.height() * scale;
        BufferedImage grid = new BufferedImage(columns * (cellW + GAP) + GAP, rows * (cellH + GAP) + GAP,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grid.createGraphics();
        try {
            g.setColor(new Color(0x40, 0x40, 0x40));
            g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
            for (int i = 0; i < count; i++) {
                BufferedImage tile = ImageWriter.toImage(pixels, i * shape.size(), shape);
                int x = GAP + (i % columns) * (cellW + GAP);
                int y = GAP + (i / columns) * (cellH + GAP);
                g.drawImage(tile, x, y, cellW, cellH, null);
            }
        } finally {
            g.dispose();
        }
        return grid;
    }

    /** Renders and writes a grid PNG, magnifying images smaller than 64 pixels. */
    public static void write(float[] pixels, int count, ImageShape shape, int columns, Path path) {
        int scale = Math.max(1, 64 / Math.max(shape.height(), shape.width()));
        ImageWriter.writePng(render(pixels, count, shape, columns, scale), path);
    }
}
