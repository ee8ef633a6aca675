package dev.rolecall.dashboard;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The figures everyone's dashboard shares, as of one moment.
 *
 * @param inReview requests in review, counted up to {@link DashboardStatistics#COUNT_LIMIT} + 1
 * @param failed requests whose apply failed, counted the same way
 * @param expiring live roles whose expiry is within a week ({@link DashboardService#EXPIRY_WINDOW}), i.e.
 *     before {@code expiringBefore}, counted the same way
 * @param expiringBefore the end of that week: the role list filtered to expire before it lists them
 * @param decided reviews closed (approved or rejected) in the last 30 days
 * @param medianToDecide the median time from filing to that decision, {@code null} when none closed
 * @param p90ToDecide the 90th percentile of that time, {@code null} when none closed
 * @param weekly requests filed per week of the last 12, by outcome
 * @param risks requests filed in the last 12 weeks, by risk level
 * @param decidedSince the start of the 30-day window
 * @param asOf when the figures were read
 */
record DashboardFigures(
        long inReview,
        long failed,
        long expiring,
        Instant expiringBefore,
        long decided,
        @Nullable Duration medianToDecide,
        @Nullable Duration p90ToDecide,
        BarChart weekly,
        BarChart risks,
        Instant decidedSince,
        Instant asOf) {

    public String inReviewText() {
        return countText(inReview);
    }

    public String failedText() {
        return countText(failed);
    }

    public String expiringText() {
        return countText(expiring);
    }

    public String medianText() {
        return durationText(medianToDecide);
    }

    public String p90Text() {
        return durationText(p90ToDecide);
    }

    /** A count as a person reads it: "1,234", or "10,000+" past the limit. */
    static String countText(long count) {
        return count > DashboardStatistics.COUNT_LIMIT
                ? String.format("%,d+", DashboardStatistics.COUNT_LIMIT)
                : String.format("%,d", count);
    }

    /** A time to decide as a person reads it: "3 h 20 min", "2 d 4 h", "45 s"; "–" when unknown. */
    static String durationText(@Nullable Duration duration) {
        if (duration == null) {
            return "–";
        }
        long days = duration.toDays();
        long hours = duration.toHoursPart();
        long minutes = duration.toMinutesPart();
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        if (hours > 0) {
            return hours + " h " + minutes + " min";
        }
        return minutes > 0 ? minutes + " min" : duration.toSecondsPart() + " s";
    }
}
