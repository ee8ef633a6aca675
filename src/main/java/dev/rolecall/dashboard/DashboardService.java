package dev.rolecall.dashboard;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.rolecall.identity.CurrentUser;
import dev.rolecall.identity.Role;
import dev.rolecall.request.RoleRequestService.InboxTab;
import dev.rolecall.request.inbox.InboxFilter;
import dev.rolecall.request.inbox.InboxService;
import dev.rolecall.request.inbox.InboxSort;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The dashboard's figures. Those everyone shares are read at most once every 30 seconds for all
 * readers together (a short cache: a dashboard left open by every reviewer costs one set of queries
 * per 30 s, and a figure is at most 30 s old); what waits on the reader is theirs and is read on
 * every view, with the inbox's own bounded count, so it always matches the inbox.
 */
@Service
class DashboardService {

    static final Duration FRESHNESS = Duration.ofSeconds(30);
    static final int WEEKS = 12;
    static final Duration DECISION_WINDOW = Duration.ofDays(30);
    /** "Roles expiring this week": live roles whose expiry is within this long from now. */
    static final Duration EXPIRY_WINDOW = Duration.ofDays(7);

    private static final DateTimeFormatter WEEK_LABEL = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private static final List<BarChart.Series> OUTCOMES = List.of(
            new BarChart.Series("APPROVED", "dashboard.outcome.APPROVED", "#1d7a3a"),
            new BarChart.Series("REJECTED", "dashboard.outcome.REJECTED", "#b3261e"),
            new BarChart.Series("WITHDRAWN", "dashboard.outcome.WITHDRAWN", "#5b6475"),
            new BarChart.Series("OPEN", "dashboard.outcome.OPEN", "#0b5cad"));

    private static final List<BarChart.Series> RISKS = List.of(
            new BarChart.Series("CRITICAL", "dashboard.risk.CRITICAL", "#7a1712"),
            new BarChart.Series("HIGH", "dashboard.risk.HIGH", "#b3261e"),
            new BarChart.Series("MEDIUM", "dashboard.risk.MEDIUM", "#8a5a00"),
            new BarChart.Series("LOW", "dashboard.risk.LOW", "#1d7a3a"),
            new BarChart.Series("NONE", "dashboard.risk.NONE", "#5b6475"));

    private static final Set<String> REJECTED = Set.of("REJECTED");
    private static final Set<String> WITHDRAWN = Set.of("WITHDRAWN");
    private static final Set<String> OPEN = Set.of("SUBMITTED", "IN_REVIEW", "CHANGES_REQUESTED");

    private final DashboardStatistics statistics;
    private final InboxService inbox;
    private final Clock clock;
    private final Cache<Boolean, DashboardFigures> shared =
            Caffeine.newBuilder().expireAfterWrite(FRESHNESS).maximumSize(1).build();

    DashboardService(DashboardStatistics statistics, InboxService inbox, Clock clock) {
        this.statistics = statistics;
        this.inbox = inbox;
        this.clock = clock;
    }

    /** The shared figures, at most {@link #FRESHNESS} old. */
    DashboardFigures figures() {
        return shared.get(Boolean.TRUE, ignored -> read(clock.instant()));
    }

    /**
     * How many requests wait on a stage that names one of the reviewer's groups (the inbox's My groups
     * tab), counted up to the inbox's limit; {@code null} for someone who does not review.
     */
    @Nullable
    String waitingOn(CurrentUser reader) {
        if (!reader.has(Role.REVIEWER)) {
            return null;
        }
        return inbox.page(reader, InboxTab.MY_GROUPS, InboxFilter.NONE, InboxSort.OLDEST, null, null, 1)
                .countText();
    }

    /** Reads every shared figure as of {@code now}, uncached. */
    DashboardFigures read(Instant now) {
        Instant since = now.minus(DECISION_WINDOW);
        DashboardStatistics.TimeToDecide decided = statistics.timeToDecide(DashboardStatistics.timeToDecide(since));
        LocalDate firstWeek = weekOf(now).minusWeeks(WEEKS - 1);
        List<DashboardStatistics.FiledCount> filed = statistics.filed(DashboardStatistics.filedByWeek(
                firstWeek.atStartOfDay(ZoneOffset.UTC).toInstant(), now.plus(1, ChronoUnit.SECONDS)));
        Instant expiringBefore = now.plus(EXPIRY_WINDOW).truncatedTo(ChronoUnit.SECONDS);
        return new DashboardFigures(
                statistics.count(DashboardStatistics.requestsIn("IN_REVIEW")),
                statistics.count(DashboardStatistics.requestsIn("FAILED")),
                statistics.count(DashboardStatistics.rolesExpiringBefore(expiringBefore)),
                expiringBefore,
                decided.decided(),
                decided.median(),
                decided.p90(),
                weekly(firstWeek, filed),
                risks(filed),
                since,
                now);
    }

    private static LocalDate weekOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static BarChart weekly(LocalDate firstWeek, List<DashboardStatistics.FiledCount> filed) {
        Map<LocalDate, long[]> byWeek = new LinkedHashMap<>();
        for (int w = 0; w < WEEKS; w++) {
            byWeek.put(firstWeek.plusWeeks(w), new long[OUTCOMES.size()]);
        }
        for (DashboardStatistics.FiledCount count : filed) {
            long[] row = byWeek.get(count.week());
            if (row != null) {
                row[outcome(count.status())] += count.count();
            }
        }
        List<String> labels = new ArrayList<>();
        List<List<Long>> values = new ArrayList<>();
        byWeek.forEach((week, row) -> {
            labels.add(WEEK_LABEL.format(week));
            values.add(Arrays.stream(row).boxed().toList());
        });
        return BarChart.of("chart-weekly", OUTCOMES, labels, values, false);
    }

    /** The outcome series a status belongs to: approved is every status a review approved. */
    static int outcome(String status) {
        if (REJECTED.contains(status)) {
            return 1;
        }
        if (WITHDRAWN.contains(status)) {
            return 2;
        }
        return OPEN.contains(status) ? 3 : 0;
    }

    private static BarChart risks(List<DashboardStatistics.FiledCount> filed) {
        long[] byRisk = new long[RISKS.size()];
        for (DashboardStatistics.FiledCount count : filed) {
            String risk = count.risk();
            int index = RISKS.size() - 1;
            for (int r = 0; r < RISKS.size() - 1; r++) {
                if (RISKS.get(r).key().equals(risk)) {
                    index = r;
                }
            }
            byRisk[index] += count.count();
        }
        List<String> labels = new ArrayList<>();
        List<List<Long>> values = new ArrayList<>();
        for (int r = 0; r < RISKS.size(); r++) {
            labels.add(RISKS.get(r).label());
            List<Long> row = new ArrayList<>(Collections.nCopies(RISKS.size(), 0L));
            row.set(r, byRisk[r]);
            values.add(row);
        }
        return BarChart.of("chart-risks", RISKS, labels, values, true);
    }
}
