package dev.rolecall.request;

import dev.rolecall.identity.CurrentUser;
import dev.rolecall.identity.Role;
import dev.rolecall.request.change.ChangePlan;
import dev.rolecall.request.change.ChangePlanning;
import dev.rolecall.request.change.ChangeRefusedException;
import dev.rolecall.request.problems.RoleSpecInvalidException;
import dev.rolecall.request.spec.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Plans requests against the live role when they are submitted or revised, and turns a refusal into
 * the field problem the requester sees.
 */
@Component
class LivePlans {

    /** The fields a DELETE request takes; problems on any other field of its (empty) spec do not apply. */
    /** The tag naming the team a role belongs to. */
    static final String TEAM_TAG = "team";

    static final Set<String> DELETE_FIELDS = Set.of("accountId", "roleName", "justification");

    private final ObjectProvider<ChangePlanning> planning;

    LivePlans(ObjectProvider<ChangePlanning> planning) {
        this.planning = planning;
    }

    /**
     * The plan of a CHANGE, DELETE or IMPORT against the live role; for CREATE null, once no role of the name
     * exists where the account can be read.
     *
     * @throws RoleSpecInvalidException when the request cannot be planned, on the field to fix
     */
    @Nullable
    ChangePlan plan(RequestKind kind, RoleSpec spec) {
        ChangePlanning planner = planning.getIfAvailable();
        if (planner == null) {
            if (kind == RequestKind.CREATE) {
                return null;
            }
            throw invalid("accountId", "Rolecall cannot read roles in AWS here, so it cannot plan a " + kind);
        }
        try {
            return planner.plan(kind, spec).orElse(null);
        } catch (ChangeRefusedException e) {
            throw invalid(e.field(), e.getMessage());
        }
    }

    /**
     * The live role a CHANGE or DELETE starts from, for the prefilled form.
     *
     * @throws RoleSpecInvalidException when it cannot be changed through Rolecall, or not by this person
     */
    RoleSpec liveRole(String accountId, String roleName, CurrentUser user) {
        ChangePlanning planner = planning.getIfAvailable();
        if (planner == null) {
            throw invalid("accountId", "Rolecall cannot read roles in AWS here");
        }
        try {
            RoleSpec live = planner.managedLiveRole(accountId, roleName);
            requireMayChange(live, user);
            return live;
        } catch (ChangeRefusedException e) {
            throw invalid(e.field(), e.getMessage());
        }
    }

    /**
     * Who may ask to change or delete a role: its team (the role's {@value #TEAM_TAG} tag names the
     * requester's team), and reviewers and admins. Auditors read every role and change none.
     */
    static void requireMayChange(RoleSpec live, CurrentUser user) {
        String team = live.tags().get(TEAM_TAG);
        if (user.has(Role.REVIEWER) || user.has(Role.ADMIN) || team != null && team.equals(user.team())) {
            return;
        }
        throw invalid(
                "roleName",
                "Role " + live.roleName() + " belongs to "
                        + (team == null ? "no team (it has no team tag)" : "team " + team)
                        + ": only its team, reviewers and admins can ask to change or delete it");
    }

    /** The problems of a DELETE or IMPORT request: only its account, role name and justification count. */
    static List<FieldProblem> deleteProblems(List<FieldProblem> problems) {
        List<FieldProblem> kept = new ArrayList<>();
        problems.stream()
                .filter(problem -> DELETE_FIELDS.contains(problem.field()))
                .forEach(kept::add);
        return kept;
    }

    private static RoleSpecInvalidException invalid(String field, String message) {
        return new RoleSpecInvalidException(List.of(new FieldProblem(field, message)));
    }
}
