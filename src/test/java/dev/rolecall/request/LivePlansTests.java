package dev.rolecall.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolecall.identity.CurrentUser;
import dev.rolecall.identity.Role;
import dev.rolecall.request.problems.RoleSpecInvalidException;
import dev.rolecall.request.spec.FieldProblem;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who may ask to change or delete a role, and which problems a DELETE reports. */
class LivePlansTests {

    private static final CurrentUser ALICE = new CurrentUser("alice", "payments", Set.of(Role.REQUESTER));
    private static final CurrentUser FRANK = new CurrentUser("frank", "data", Set.of(Role.REQUESTER));
    private static final CurrentUser BOB = new CurrentUser("bob", "security", Set.of(Role.REVIEWER));

    @Test
    void theRolesTeamMayAskToChangeIt() {
        assertThatCode(() -> LivePlans.requireMayChange(tagged(Map.of("team", "payments")), ALICE))
                .doesNotThrowAnyException();
    }

    @Test
    void anotherTeamMayNotAndIsToldWhoseRoleItIs() {
        assertThatThrownBy(() -> LivePlans.requireMayChange(tagged(Map.of("team", "payments")), FRANK))
                .isInstanceOfSatisfying(
                        RoleSpecInvalidException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(problem -> {
                            assertThat(problem.field()).isEqualTo("roleName");
                            assertThat(problem.message()).contains("belongs to team payments");
                        }));
    }

    @Test
    void aRoleWithoutTeamIsChangedOnlyByThoseWhoReadEverything() {
        assertThatThrownBy(() -> LivePlans.requireMayChange(tagged(Map.of()), ALICE))
                .isInstanceOf(RoleSpecInvalidException.class);
        assertThatCode(() -> LivePlans.requireMayChange(tagged(Map.of()), BOB)).doesNotThrowAnyException();
    }

    @Test
    void anAuditorReadsEveryRoleButMayNotAskToChangeOne() {
        CurrentUser carol = new CurrentUser("carol", null, Set.of(Role.REQUESTER, Role.AUDITOR));
        CurrentUser dave = new CurrentUser("dave", null, Set.of(Role.REQUESTER, Role.ADMIN));

        assertThatThrownBy(() -> LivePlans.requireMayChange(tagged(Map.of("team", "payments")), carol))
                .isInstanceOfSatisfying(
                        RoleSpecInvalidException.class,
                        e -> assertThat(e.problems())
                                .singleElement()
                                .satisfies(problem ->
                                        assertThat(problem.message()).contains("only its team, reviewers and admins")));
        assertThatCode(() -> LivePlans.requireMayChange(tagged(Map.of("team", "payments")), dave))
                .doesNotThrowAnyException();
    }

    @Test
    void aDeleteReportsOnlyItsOwnFields() {
        List<FieldProblem> problems = List.of(
                new FieldProblem("trustPolicy", "is required"),
                new FieldProblem("justification", "is required"),
                new FieldProblem("roleName", "is required"));

        assertThat(LivePlans.deleteProblems(problems))
                .extracting(FieldProblem::field)
                .containsExactly("justification", "roleName");
    }

    private static RoleSpec tagged(Map<String, String> tags) {
        RoleSpec spec = RoleSpecs.valid();
        return new RoleSpec(
                spec.accountId(),
                spec.roleName(),
                spec.path(),
                spec.description(),
                spec.trustPolicy(),
                spec.managedPolicyArns(),
                spec.inlinePolicies(),
                spec.permissionsBoundaryArn(),
                spec.maxSessionDurationSeconds(),
                tags,
                null);
    }
}
