package dev.rolecall.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolecall.request.RoleSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ManagedRoleTests {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(3);
    private static final ManagedRole.Assessment LOW = new ManagedRole.Assessment(null, null);

    @Test
    void anExpiringRoleIsRevokedOnceAndThenNothingMoreHappensToIt() {
        ManagedRole role = applied(NOW.plus(Duration.ofDays(1)));

        role.warnExpiring(NOW);
        role.expired(NOW.plus(Duration.ofDays(1)));

        assertThat(role.state()).isEqualTo(RoleState.EXPIRED);
        assertThatThrownBy(() -> role.expired(NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> role.warnExpiring(NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> role.drifted(role.spec(), List.of(), NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void driftResolvedReturnsToTheRestingStateAndAnAppliedChangeClearsIt() {
        ManagedRole adopted = ManagedRole.create(spec(null), "arn", "platform", LOW, true, NOW);
        adopted.drifted(spec(null), List.of(new FieldDiff("tags.team", "a", "b")), NOW);
        assertThat(adopted.state()).isEqualTo(RoleState.DRIFTED);

        adopted.inSync(spec(null), WINDOW, NOW);
        assertThat(adopted.state()).isEqualTo(RoleState.IMPORTED);

        ManagedRole soon = applied(NOW.plus(Duration.ofDays(1)));
        soon.drifted(spec(null), List.of(new FieldDiff("path", "/", "/x/")), NOW);
        soon.inSync(spec(null), WINDOW, NOW);
        assertThat(soon.state()).isEqualTo(RoleState.EXPIRING);

        soon.drifted(spec(null), List.of(new FieldDiff("path", "/", "/x/")), NOW);
        soon.applied(spec(null), UUID.randomUUID(), "arn", LOW, NOW);
        assertThat(soon.state()).isEqualTo(RoleState.ACTIVE);
        assertThat(soon.row().drift()).isEmpty();
    }

    private static ManagedRole applied(Instant expiresAt) {
        ManagedRole role = ManagedRole.create(spec(expiresAt), "arn", "payments", LOW, false, NOW);
        role.applied(spec(expiresAt), UUID.randomUUID(), "arn", LOW, NOW);
        return role;
    }

    private static RoleSpec spec(@Nullable Instant expiresAt) {
        return InventorySpecs.spec("444455556666", "reader", expiresAt);
    }
}
