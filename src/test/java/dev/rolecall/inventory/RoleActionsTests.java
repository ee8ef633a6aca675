package dev.rolecall.inventory;

import static dev.rolecall.test.TestUsers.ALICE;
import static dev.rolecall.test.TestUsers.BOB;
import static dev.rolecall.test.TestUsers.CAROL;
import static dev.rolecall.test.TestUsers.DAVE;
import static dev.rolecall.test.TestUsers.FRANK;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which actions a role page offers each reader: the server refuses the others again when they are tried. */
class RoleActionsTests {

    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");
    private static final Instant EXPIRY = Instant.parse("2026-12-03T12:00:00Z");
    private static final ManagedRole.Row ROLE = ManagedRole.create(
                    InventorySpecs.spec("444455556666", "payments-reader", EXPIRY),
                    "arn:aws:iam::444455556666:role/payments-reader",
                    "payments",
                    new ManagedRole.Assessment(null, null),
                    false,
                    NOW)
            .row();

    @Test
    void theOwnerTeamMayChangeExtendAndDeleteButNotResolveDrift() {
        RoleActions actions = RoleActions.of(ROLE, ALICE, NOW, Duration.ofDays(3));

        assertThat(actions.changeUrl())
                .isEqualTo("/requests/new?kind=CHANGE&account=444455556666&role=payments-reader");
        assertThat(actions.extendUrl()).endsWith("&expiresAt=2026-12-10T12:00:00Z");
        assertThat(actions.deleteUrl()).contains("kind=DELETE");
        assertThat(actions.reviewer()).isFalse();
        assertThat(actions.countdown()).isEqualTo("1 d 3 h");
    }

    @Test
    void reviewersAndAdminsMayDoEverything() {
        for (var reader : new dev.rolecall.identity.CurrentUser[] {BOB, DAVE}) {
            RoleActions actions = RoleActions.of(ROLE, reader, NOW, Duration.ofDays(3));
            assertThat(actions.changeUrl()).as(reader.username()).isNotNull();
            assertThat(actions.extendUrl()).as(reader.username()).isNotNull();
            assertThat(actions.deleteUrl()).as(reader.username()).isNotNull();
            assertThat(actions.reviewer()).as(reader.username()).isTrue();
        }
    }

    @Test
    void anAuditorAndAnotherTeamReadTheCountdownAndMayTakeNoAction() {
        for (var reader : new dev.rolecall.identity.CurrentUser[] {CAROL, FRANK}) {
            RoleActions actions = RoleActions.of(ROLE, reader, NOW, Duration.ofDays(3));
            assertThat(actions.changeUrl()).as(reader.username()).isNull();
            assertThat(actions.extendUrl()).as(reader.username()).isNull();
            assertThat(actions.deleteUrl()).as(reader.username()).isNull();
            assertThat(actions.reviewer()).as(reader.username()).isFalse();
            assertThat(actions.countdown()).as(reader.username()).isEqualTo("1 d 3 h");
        }
    }

    @Test
    void theRolePageAndTheExtendLinkThatNotificationsCarry() {
        assertThat(RoleActions.rolePath(ROLE)).isEqualTo("/roles/444455556666/payments-reader");
        assertThat(RoleActions.extendPath(ROLE, EXPIRY, EXPIRY.plusSeconds(60)))
                .as("once the expiry has passed, the extension counts from now")
                .endsWith("&expiresAt=2026-12-10T12:01:00Z");
    }

    @Test
    void aPlusInTheRoleNameSurvivesTheLinks() {
        ManagedRole.Row plus = ManagedRole.create(
                        InventorySpecs.spec("444455556666", "ci+deploy@build", EXPIRY),
                        "arn:aws:iam::444455556666:role/ci+deploy@build",
                        "payments",
                        new ManagedRole.Assessment(null, null),
                        false,
                        NOW)
                .row();

        RoleActions actions = RoleActions.of(plus, ALICE, NOW, Duration.ofDays(3));

        assertThat(actions.changeUrl()).endsWith("&role=ci%2Bdeploy%40build");
        assertThat(actions.deleteUrl()).endsWith("&role=ci%2Bdeploy%40build");
        assertThat(actions.extendUrl()).contains("&role=ci%2Bdeploy%40build&");
        assertThat(RoleActions.rolePath(plus)).isEqualTo("/roles/444455556666/ci+deploy@build");
    }
}
