package dev.rolecall.request;

import dev.rolecall.policy.analysis.RiskLevel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A request in a list.
 *
 * @param riskReason why the risk level is above the severity of the top finding; null when it is not
 * @param emergencyReason the reason it was filed as an emergency (break-glass); null for an ordinary request
 */
public record RoleRequestSummary(
        RoleRequestId id,
        RoleRequestStatus status,
        String requester,
        @Nullable String requesterTeam,
        String accountId,
        String roleName,
        int revision,
        @Nullable RiskLevel riskLevel,
        @Nullable String topFindingCode,
        @Nullable String riskReason,
        Instant createdAt,
        Instant updatedAt,
        @Nullable String emergencyReason) {

    /** The columns of {@code role_request} that {@link #read} needs, for a list's SELECT. */
    public static final String COLUMNS = "id, status, requester, requester_team, account_id, role_name, revision,"
            + " risk_level, top_finding_code, risk_reason, created_at, updated_at, emergency_reason";

    /** The summary in the current row of a list's result, selected with {@link #COLUMNS}. */
    public static RoleRequestSummary read(ResultSet rs) throws SQLException {
        String risk = rs.getString("risk_level");
        return new RoleRequestSummary(
                new RoleRequestId(rs.getObject("id", UUID.class)),
                RoleRequestStatus.valueOf(rs.getString("status")),
                rs.getString("requester"),
                rs.getString("requester_team"),
                rs.getString("account_id"),
                rs.getString("role_name"),
                rs.getInt("revision"),
                risk == null ? null : RiskLevel.valueOf(risk),
                rs.getString("top_finding_code"),
                rs.getString("risk_reason"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                rs.getString("emergency_reason"));
    }

    /** Whether it was filed as an emergency. */
    public boolean emergency() {
        return emergencyReason != null;
    }
}
