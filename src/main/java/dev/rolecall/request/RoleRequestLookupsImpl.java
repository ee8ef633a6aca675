package dev.rolecall.request;

import dev.rolecall.request.review.Emergency;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link RoleRequestLookups} in SQL. Spring Data adds it to {@link RoleRequestRepository} by its
 * name. The statements run on the connection of the caller's transaction. Statuses and kinds are
 * bound from their enums, never written into the SQL, so a renamed constant cannot leave a
 * statement matching nothing.
 */
class RoleRequestLookupsImpl implements RoleRequestLookups {

    private final JdbcClient jdbc;

    RoleRequestLookupsImpl(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public List<UUID> findWithStagePastSla(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT r.id FROM role_request r
                        JOIN role_request_stage s ON s.request_id = r.id AND s.revision = r.revision
                        WHERE s.due_at <= ? AND s.passed_at IS NULL AND s.overdue_at IS NULL
                          AND (r.status = ?
                               OR (r.emergency_reason IS NOT NULL AND r.emergency_review IS NULL))
                        ORDER BY s.due_at
                        LIMIT ?""")
                .params(OffsetDateTime.ofInstant(now, ZoneOffset.UTC), RoleRequestStatus.IN_REVIEW.name(), limit)
                .query(UUID.class)
                .list();
    }

    @Override
    public List<UUID> findOpenImports(String account, String role, Collection<RoleRequestStatus> open) {
        return jdbc.sql("""
                        SELECT id FROM role_request
                        WHERE kind = ? AND account_id = ? AND role_name = ? AND status = ANY(?::text[])""")
                .params(
                        RequestKind.IMPORT.name(),
                        account,
                        role,
                        open.stream().map(Enum::name).toArray(String[]::new))
                .query(UUID.class)
                .list();
    }

    @Override
    public List<EmergencyRow> findEmergencies(Collection<UUID> ids) {
        return jdbc.sql("""
                        SELECT id, emergency_reason, emergency_review FROM role_request
                        WHERE id = ANY(?::uuid[]) AND emergency_reason IS NOT NULL""")
                .param(ids.toArray(UUID[]::new))
                .query((rs, row) -> {
                    String review = rs.getString("emergency_review");
                    return new EmergencyRow(
                            rs.getObject("id", UUID.class),
                            rs.getString("emergency_reason"),
                            review == null ? null : Emergency.Review.valueOf(review));
                })
                .list();
    }
}
