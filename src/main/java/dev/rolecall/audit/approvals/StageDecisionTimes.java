package dev.rolecall.audit.approvals;

import java.time.Duration;

/**
 * How long one review stage took to decide, over the decisions in a range.
 *
 * @param stage the stage, from 1
 * @param decisions how many decisions the numbers are taken from
 * @param median half the decisions took at most this long
 * @param p90 nine in ten decisions took at most this long
 */
public record StageDecisionTimes(int stage, long decisions, Duration median, Duration p90) {

    /** A duration as a person reads it: {@code 3 d 4 h}, {@code 2 h 5 min}, {@code 40 s}. */
    public static String readable(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return duration.toMinutes() + " min";
        }
        if (seconds < 86_400) {
            return duration.toHours() + " h " + duration.toMinutesPart() + " min";
        }
        return duration.toDays() + " d " + duration.toHoursPart() + " h";
    }

    public String medianText() {
        return readable(median);
    }

    public String p90Text() {
        return readable(p90);
    }
}
