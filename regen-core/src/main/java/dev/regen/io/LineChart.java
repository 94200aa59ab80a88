package dev.regen.io;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Draws named series of numbers against a shared x axis as a PNG line chart with a legend. */
public final class LineChart {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 420;
    private static final int MARGIN = 60;
    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0xff7f0e), new Color(0x9467bd)};

    private final String title;
    private final String xLabel;
    private final Map<String, List<double[]>> series = new LinkedHashMap<>();

    /** A chart with a title and a label for the x axis. */
    public LineChart(String title, String xLabel) {
        this.title = title;
        this.xLabel = xLabel;
    }

    /** Adds a series of (x, y) points; non-finite points are left out. */
    public LineChart add(String name, List<double[]> points) {
        series.put(name, points.stream().filter(p -> Double.isFinite(p[1])).toList());
        return this;
    }

    /** Renders the chart. */
    public BufferedImage render() {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            double[] bounds = bounds();
            drawAxes(g, bounds);
            int i = 0;
            for (Map.Entry<String, List<double[]>> s : series.entrySet()) {
                Color colour = COLOURS[i % COLOURS.length];
                drawSeries(g, s.getValue(), bounds, colour);
                g.setColor(colour);
                g.drawString(s.getKey(), WIDTH - MARGIN - 150, MARGIN + 16 * i);
                i++;
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Renders and writes the chart as PNG. */
    public void write(Path path) {
        ImageWriter.writePng(render(), path);
    }

    private double[] bounds() {
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (List<double[]> points : series.values()) {
            for (double[] p : points) {
                minX = Math.min(minX, p[0]);
                maxX = Math.max(maxX, p[0]);
                minY = Math.min(minY, p[1]);
                maxY = Math.max(maxY, p[1]);
            }
        }
        if (minX > maxX) {
            return new double[]{0, 1, 0, 1};
        }
        double padY = Math.max(1e-9, (maxY - minY) * 0.05);
        return new double[]{minX, Math.max(maxX, minX + 1e-9), minY - padY, maxY + padY};
    }

    private static int px(double x, double[] b) {
        return MARGIN + (int) Math.round((x - b[0]) / (b[1] - b[0]) * (WIDTH - 2 * MARGIN));
    }

    private static int py(double y, double[] b) {
        return HEIGHT - MARGIN - (int) Math.round((y - b[2]) / (b[3] - b[2]) * (HEIGHT - 2 * MARGIN));
    }

    private void drawAxes(Graphics2D g, double[] b) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawLine(MARGIN, HEIGHT - MARGIN, WIDTH - MARGIN, HEIGHT - MARGIN);
        g.drawLine(MARGIN, MARGIN, MARGIN, HEIGHT - MARGIN);
        g.drawString(title, MARGIN, MARGIN - 20);
        g.drawString(xLabel, WIDTH / 2 - 20, HEIGHT - 15);
        for (int t = 0; t <= 4; t++) {
            double y = b[2] + (b[3] - b[2]) * t / 4;
            g.drawString(String.format("%.1f", y), 5, py(y, b) + 4);
            double x = b[0] + (b[1] - b[0]) * t / 4;
            g.drawString(String.format("%.1f", x), px(x, b) - 10, HEIGHT - MARGIN + 18);
        }
    }

    private static void drawSeries(Graphics2D g, List<double[]> points, double[] b, Color colour) {
        g.setColor(colour);
        g.setStroke(new BasicStroke(2f));
        for (int i = 1; i < points.size(); i++) {
            g.drawLine(px(points.get(i - 1)[0], b), py(points.get(i - 1)[1], b), px(points.get(i)[0], b),
                    py(points.get(i)[1], b));
        }
        if (points.size() == 1) {
            g.fillOval(px(points.get(0)[0], b) - 3, py(points.get(0)[1], b) - 3, 6, 6);
        }
    }
}
