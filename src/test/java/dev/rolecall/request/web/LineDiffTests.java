package dev.rolecall.request.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.request.web.LineDiff.Kind;
import dev.rolecall.request.web.LineDiff.Line;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LineDiffTests {

    private static String numbered(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
    }

    @Test
    void equalTextsHaveNoDiff() {
        assertThat(LineDiff.between("a\nb", "a\nb")).isEmpty();
        assertThat(LineDiff.between("", "")).isEmpty();
    }

    @Test
    void aChangedLineIsRemovedThenAddedWithItsLineNumbers() {
        List<Line> lines = LineDiff.between("a\nb\nc", "a\nB\nc");
        assertThat(lines)
                .containsExactly(
                        new Line(Kind.CONTEXT, 1, 1, "a"),
                        new Line(Kind.REMOVED, 2, null, "b"),
                        new Line(Kind.ADDED, null, 2, "B"),
                        new Line(Kind.CONTEXT, 3, 3, "c"));
        assertThat(lines).extracting(Line::marker).containsExactly(" ", "-", "+", " ");
    }

    @Test
    void aNewDocumentIsAllAddedAndARemovedOneAllRemoved() {
        assertThat(LineDiff.between("", "{\n}"))
                .extracting(Line::kind, Line::after)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Kind.ADDED, 1),
                        org.assertj.core.groups.Tuple.tuple(Kind.ADDED, 2));
        assertThat(LineDiff.between("{\n}", "")).extracting(Line::kind).containsOnly(Kind.REMOVED);
    }

    @Test
    void longUnchangedRunsAreSkippedExceptThreeLinesAroundEachChange() {
        String before = numbered(1, 20);
        String after = before.replace("line 10\n", "line ten\n");
        List<Line> lines = LineDiff.between(before, after);
        assertThat(lines)
                .extracting(Line::kind)
                .containsExactly(
                        Kind.SKIPPED,
                        Kind.CONTEXT,
                        Kind.CONTEXT,
                        Kind.CONTEXT,
                        Kind.REMOVED,
                        Kind.ADDED,
                        Kind.CONTEXT,
                        Kind.CONTEXT,
                        Kind.CONTEXT,
                        Kind.SKIPPED);
        assertThat(lines.get(0).text()).isEqualTo("6 unchanged lines");
        assertThat(lines.get(1)).isEqualTo(new Line(Kind.CONTEXT, 7, 7, "line 7"));
        assertThat(lines.get(9).text()).isEqualTo("7 unchanged lines");
    }

    @Test
    void aSingleHiddenLineIsShownRatherThanSkipped() {
        String before = numbered(1, 4);
        List<Line> lines = LineDiff.between(before, before.replace("line 1", "line one"));
        assertThat(lines).extracting(Line::kind).doesNotContain(Kind.SKIPPED);
        assertThat(lines).extracting(Line::text).endsWith("line 2", "line 3", "line 4");
    }

    @Test
    void twoChangesFarApartKeepTheirOwnContext() {
        String before = numbered(1, 30);
        String after = before.replace("line 5\n", "line five\n").replace("line 25\n", "line twenty-five\n");
        List<Line> lines = LineDiff.between(before, after);
        // Lines 1–4 are all shown (hiding one line saves nothing); 9–21 and 29–30 are skipped.
        assertThat(lines)
                .filteredOn(line -> line.kind() == Kind.SKIPPED)
                .extracting(Line::text)
                .containsExactly("13 unchanged lines", "2 unchanged lines");
        assertThat(lines)
                .filteredOn(line -> line.kind() == Kind.ADDED)
                .extracting(Line::text, Line::after)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("line five", 5),
                        org.assertj.core.groups.Tuple.tuple("line twenty-five", 25));
    }
}
