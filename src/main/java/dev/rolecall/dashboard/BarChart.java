package dev.rolecall.dashboard;

import java.util.ArrayList;
import java.util.List;

/**
 * A bar chart laid out for SVG on the server: every rectangle's place and size is computed here, so
 * the template only draws them (no script, nothing for the CSP to allow). Bars may be stacked from
 * several series; the same numbers go into a table for screen readers.
 *
 * @param id the chart's element id, also the prefix of its title and table ids
 * @param series the series in stacking order (bottom first), each with its legend label key and colour
 * @param bars the bars, left to right
 * @param ticks the values marked on the vertical axis, from 0 to the axis maximum
 * @param labelKeys whether the bars' labels are message keys rather than text
 */
record BarChart(String id, List<Series> series, List<Bar> bars, List<Tick> ticks, boolean labelKeys) {

    static final int WIDTH = 640;
    static final int HEIGHT = 240;
    static final int LEFT = 48;
    static final int TOP = 12;
    static final int PLOT_HEIGHT = 180;
    static final int PLOT_WIDTH = WIDTH - LEFT - 8;
    /** Where the bars stand: the baseline's y. */
    static final int BASE = TOP + PLOT_HEIGHT;

    BarChart {
        series = List.copyOf(series);
        bars = List.copyOf(bars);
        ticks = List.copyOf(ticks);
    }

    /** A series: its key, the message key of its name, and its fill colour. */
    record Series(String key, String label, String fill) {}

    /** One bar: its label, its values per series (in series order), its total and its rectangles. */
    record Bar(String label, List<Long> values, long total, int x, int width, List<Segment> segments) {}

    /** One rectangle of a bar. */
    record Segment(String fill, long value, int y, int height) {}

    /** A value on the axis and its y. */
    record Tick(long value, int y) {}

    /** Lays out bars of the given labels and values (one list per bar, in series order). */
    static BarChart of(
            String id, List<Series> series, List<String> labels, List<List<Long>> values, boolean labelKeys) {
        long max = values.stream()
                .mapToLong(v -> v.stream().mapToLong(Long::longValue).sum())
                .max()
                .orElse(0);
        long top = axisTop(max);
        int slot = PLOT_WIDTH / Math.max(1, labels.size());
        int width = Math.max(4, slot * 7 / 10);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            int x = LEFT + i * slot + (slot - width) / 2;
            bars.add(bar(series, labels.get(i), values.get(i), x, width, top));
        }
        List<Tick> ticks = List.of(new Tick(0, BASE), new Tick(top / 2, y(top / 2, top)), new Tick(top, TOP));
        return new BarChart(id, series, bars, ticks, labelKeys);
    }

    private static Bar bar(List<Series> series, String label, List<Long> values, int x, int width, long top) {
        List<Segment> segments = new ArrayList<>();
        long below = 0;
        for (int s = 0; s < series.size(); s++) {
            long value = values.get(s);
            if (value > 0) {
                int y = y(below + value, top);
                segments.add(new Segment(series.get(s).fill(), value, y, y(below, top) - y));
            }
            below += value;
        }
        return new Bar(label, List.copyOf(values), below, x, width, segments);
    }

    /** The y of a value on an axis that ends at {@code top}. */
    private static int y(long value, long top) {
        return BASE - (int) Math.round((double) value * PLOT_HEIGHT / top);
    }

    /** A round axis maximum at or above the largest bar: 1, 2 or 5 times a power of ten (at least 2). */
    static long axisTop(long max) {
        long step = 1;
        while (true) {
            for (long factor : new long[] {2, 5, 10}) {
                if (step * factor >= max && step * factor >= 2) {
                    return step * factor;
                }
            }
            step *= 10;
        }
    }

    /** The chart's view box, for the svg element. */
    public String viewBox() {
        return "0 0 " + WIDTH + " " + HEIGHT;
    }

    /** Where the x axis labels stand. */
    public int labelY() {
        return BASE + 18;
    }

    public int left() {
        return LEFT;
    }

    public int right() {
        return WIDTH - 8;
    }
}
