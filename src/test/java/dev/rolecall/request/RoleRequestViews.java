package dev.rolecall.request;

import dev.rolecall.policy.analysis.RiskLevel;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Requests as their readers see them, for the controller tests that stub {@link RoleRequestService}. */
public final class RoleRequestViews {

    public static final RoleRequestId ID = new RoleRequestId(UUID.fromString("00000000-0000-0000-0000-000000000042"));
    public static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private RoleRequestViews() {}

    /** alice's request of this role at this revision: LOW risk, nothing decided or applied, version 3. */
    public static RoleRequestView alices(RoleRequestStatus status, int revision, RoleSpec spec) {
        return view(status, "alice", revision, spec, List.of(), RiskLevel.LOW, null, 3);
    }

    /** A request of the payments team, filed "for CI deploys", that nothing has been applied for. */
    public static RoleRequestView view(
            RoleRequestStatus status,
            String requester,
            int revision,
            RoleSpec spec,
            List<RoleRequestView.DecisionView> decisions,
            @Nullable RiskLevel riskLevel,
            @Nullable String topFindingCode,
            long version) {
        return new RoleRequestView(
                ID,
                status,
                requester,
                "payments",
                revision,
                spec,
                "CI deploys",
                decisions,
                null,
                List.of(),
                false,
                null,
                null,
                riskLevel,
                topFindingCode,
                null,
                NOW,
                NOW,
                version,
                RequestKind.CREATE,
                null);
    }
}
