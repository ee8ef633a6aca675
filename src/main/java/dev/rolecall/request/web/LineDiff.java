package dev.rolecall.request.web;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Chunk;
import com.github.difflib.patch.DeltaType;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A line diff of two texts in the unified layout reviewers know from pull requests: removed and
 * added lines with their line numbers, and unchanged lines only near a change. The diff itself is
 * java-diff-utils' Myers diff.
 */
final class LineDiff {

    /** Unchanged lines shown before and after each change. */
    static final int CONTEXT = 3;

    private LineDiff() {}

    /** What one line of the diff is. */
    enum Kind {
        /** Unchanged, shown near a change. */
        CONTEXT,
        /** Only in the older text. */
        REMOVED,
        /** Only in the newer text. */
        ADDED,
        /** Stands for a run of unchanged lines that are not shown; {@code text} says how many. */
        SKIPPED
    }

    /**
     * One line of the diff.
     *
     * @param before its 1-based number in the older text, or {@code null}
     * @param after its 1-based number in the newer text, or {@code null}
     */
    record Line(
            Kind kind, @Nullable Integer before, @Nullable Integer after, String text) {

        /** The marker that says what the line is without colour: {@code +}, {@code -} or a space. */
        public String marker() {
            return switch (kind) {
                case ADDED -> "+";
                case REMOVED -> "-";
                case CONTEXT, SKIPPED -> " ";
            };
        }
    }

    /** The lines of the diff from {@code before} to {@code after}; empty when they are equal. */
    static List<Line> between(String before, String after) {
        List<AbstractDelta<String>> deltas = DiffUtils.diff(
                        before.lines().toList(), after.lines().toList(), true)
                .getDeltas();
        List<Line> lines = new ArrayList<>();
        if (deltas.stream().allMatch(delta -> delta.getType() == DeltaType.EQUAL)) {
            return lines;
        }
        for (int i = 0; i < deltas.size(); i++) {
            AbstractDelta<String> delta = deltas.get(i);
            if (delta.getType() == DeltaType.EQUAL) {
                unchanged(delta, i == 0, i == deltas.size() - 1, lines);
            } else {
                changed(delta, lines);
            }
        }
        return lines;
    }

    private static void changed(AbstractDelta<String> delta, List<Line> lines) {
        Chunk<String> source = delta.getSource();
        for (int i = 0; i < source.size(); i++) {
            lines.add(new Line(
                    Kind.REMOVED,
                    source.getPosition() + i + 1,
                    null,
                    source.getLines().get(i)));
        }
        Chunk<String> target = delta.getTarget();
        for (int i = 0; i < target.size(); i++) {
            lines.add(new Line(
                    Kind.ADDED,
                    null,
                    target.getPosition() + i + 1,
                    target.getLines().get(i)));
        }
    }

    /** Unchanged lines: only those within {@link #CONTEXT} lines of a change; a skipped run says so. */
    private static void unchanged(AbstractDelta<String> delta, boolean first, boolean last, List<Line> lines) {
        List<String> text = delta.getSource().getLines();
        int size = text.size();
        int head = first ? 0 : Math.min(CONTEXT, size);
        int tail = last ? 0 : Math.min(CONTEXT, size - head);
        if (size - head - tail < 2) {
            head = size;
            tail = 0;
        }
        int before = delta.getSource().getPosition();
        int after = delta.getTarget().getPosition();
        for (int i = 0; i < head; i++) {
            lines.add(new Line(Kind.CONTEXT, before + i + 1, after + i + 1, text.get(i)));
        }
        if (head < size) {
            int skipped = size - head - tail;
            lines.add(new Line(
                    Kind.SKIPPED, null, null, skipped + (skipped == 1 ? " unchanged line" : " unchanged lines")));
        }
        for (int i = size - tail; i < size && head < size; i++) {
            lines.add(new Line(Kind.CONTEXT, before + i + 1, after + i + 1, text.get(i)));
        }
    }
}
