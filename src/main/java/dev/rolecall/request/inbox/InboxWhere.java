package dev.rolecall.request.inbox;

import dev.rolecall.policy.analysis.RiskLevel;
import dev.rolecall.request.RequestKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The WHERE clause of an inbox tab with its filters, and its positional parameters. The tabs in review
 * name their status as a literal, so that the planner may use the partial indexes on it.
 */
final class InboxWhere {

    /**
     * The current revision's waiting stage names one of the groups, or the revision has no route. One
     * correlated probe of the revision's stages per row (their unique index), never a scan of every
     * stage: the waiting stage if there is one, else any (which is not waiting: false); a revision
     * without stages yields NULL, which counts as "no route".
     */
    private static final String WAITING_ON = """
            coalesce((SELECT s.opened_at IS NOT NULL AND s.passed_at IS NULL AND s.reviewer_groups && ?::text[]
                      FROM role_request_stage s
                      WHERE s.request_id = role_request.id AND s.revision = role_request.revision
                      ORDER BY s.opened_at IS NOT NULL AND s.passed_at IS NULL DESC
                      LIMIT 1), true)""";

    /** The reviewer decided on some revision of it (a comment decides nothing). */
    private static final String DECIDED_BY = """
            id IN (SELECT d.request_id FROM role_request_decision d
                   WHERE d.reviewer = ? AND d.decision <> 'COMMENT')""";

    /**
     * In review, or applied in an emergency and waiting for its review after the fact: the requests
     * a reviewer has to look at.
     */
    static final String OPEN = "(status = 'IN_REVIEW' OR (emergency_reason IS NOT NULL AND emergency_review IS NULL))";

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    static InboxWhere of(InboxListing.Scope scope) {
        InboxWhere where = new InboxWhere();
        where.condition("requester <> ?");
        where.params.add(scope.reviewer());
        switch (scope.tab()) {
            case MY_GROUPS -> {
                where.condition(OPEN);
                where.condition(WAITING_ON);
                where.params.add(scope.groups().toArray(String[]::new));
            }
            case ALL_OPEN -> where.condition(OPEN);
            case DECIDED_BY_ME -> {
                where.condition(DECIDED_BY);
                where.params.add(scope.reviewer());
            }
        }
        where.filter(scope.filter(), scope.accounts());
        return where;
    }

    private void filter(InboxFilter filter, List<String> accounts) {
        equal("account_id", filter.account());
        if (filter.environment() != null) {
            condition("account_id = ANY(?::text[])");
            params.add(accounts.toArray(String[]::new));
        }
        RiskLevel risk = filter.risk();
        equal("risk_level", risk == null ? null : risk.name());
        RequestKind kind = filter.kind();
        equal("kind", kind == null ? null : kind.name());
        equal("requester", filter.requester());
        String finding = filter.finding();
        if (finding != null) {
            // Any finding of the current revision, through the GIN index on the codes of requests in review.
            condition("finding_codes @> ARRAY[?::text]");
            params.add(finding);
        }
        String text = filter.text();
        if (text != null) {
            String pattern = "%" + text.toLowerCase(Locale.ROOT).replaceAll("([\\\\%_])", "\\\\$1") + "%";
            condition("(lower(role_name) LIKE ? OR lower(justification) LIKE ?)");
            params.add(pattern);
            params.add(pattern);
        }
    }

    private void equal(String column, @Nullable Object value) {
        if (value != null) {
            condition(column + " = ?");
            params.add(value);
        }
    }

    void condition(String sql) {
        conditions.add(sql);
    }

    void add(List<Object> values) {
        params.addAll(values);
    }

    List<Object> params() {
        return params;
    }

    String sql() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }
}
