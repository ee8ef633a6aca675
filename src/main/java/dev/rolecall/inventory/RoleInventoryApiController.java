package dev.rolecall.inventory;

import dev.rolecall.identity.CurrentUser;
import dev.rolecall.policy.analysis.RiskLevel;
import dev.rolecall.request.RoleSpec;
import dev.rolecall.request.review.Emergency;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The inventory as JSON: {@code GET /api/v1/roles} with the page's filters (expiry included), keyset
 * pages both ways ({@code after}, {@code before}) and a page size, a role with its history, and the CSV. The same visibility rules
 * as the pages.
 */
@RestController
class RoleInventoryApiController {

    /** The most roles one page of the API may have. */
    static final int MAX_SIZE = 100;

    private final RoleInventory inventory;
    private final Clock clock;

    RoleInventoryApiController(RoleInventory inventory, Clock clock) {
        this.inventory = inventory;
        this.clock = clock;
    }

    @GetMapping("/api/v1/roles")
    RolePage list(
            @Valid @ModelAttribute RoleFilterForm filter,
            @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_SIZE) int size,
            CurrentUser user)
            throws BindException {
        RoleSlice slice = inventory.list(filter.listing(inventory, clock.instant()), size, user);
        return new RolePage(
                slice.items().stream().map(RoleResource::of).toList(),
                text(slice.previous()),
                text(slice.next()),
                slice.count());
    }

    @GetMapping("/api/v1/roles.csv")
    void csv(@Valid @ModelAttribute RoleFilterForm filter, CurrentUser user, HttpServletResponse response)
            throws IOException, BindException {
        InventoryCsv.send(inventory, filter.filter(inventory, clock.instant()), "api", user, response, clock.instant());
    }

    @GetMapping("/api/v1/roles/{accountId}/{roleName}")
    RoleDetailResource role(@PathVariable String accountId, @PathVariable String roleName, CurrentUser user) {
        RoleInventory.RoleDetail detail = inventory.get(accountId, roleName, user);
        return new RoleDetailResource(
                RoleResource.of(detail.role()),
                detail.role().spec(),
                detail.role().liveSpec(),
                detail.role().drift(),
                detail.history().stream()
                        .map(event -> HistoryEntry.of(event, detail.emergencyOf(event)))
                        .toList());
    }

    private static @Nullable String text(@Nullable RolePosition position) {
        return position == null ? null : position.toString();
    }

    /**
     * One page of roles.
     *
     * @param previous the {@code before} value of the page before, or {@code null} on the first page
     * @param next the {@code after} value of the next page, or {@code null} on the last page
     * @param count how many roles match, counted up to 10,001
     */
    record RolePage(
            List<RoleResource> items,
            @Nullable String previous,
            @Nullable String next,
            long count) {}

    /** A role in a list. */
    record RoleResource(
            String accountId,
            String roleName,
            @Nullable String roleArn,
            @Nullable String ownerTeam,
            RoleState state,
            @Nullable RiskLevel risk,
            @Nullable String topFinding,
            @Nullable Instant expiresAt,
            @Nullable UUID lastRequestId,
            @Nullable Instant lastReadAt,
            Instant updatedAt) {

        static RoleResource of(ManagedRole.Row row) {
            return new RoleResource(
                    row.accountId(),
                    row.roleName(),
                    row.roleArn(),
                    row.ownerTeam(),
                    row.state(),
                    row.risk(),
                    row.topFinding(),
                    row.expiresAt(),
                    row.lastRequestId(),
                    row.lastReadAt(),
                    row.updatedAt());
        }
    }

    /**
     * A role with the spec Rolecall last applied, the live spec last read, and its history.
     *
     * @param drift the fields where the live role differs, empty when it matched or was not read
     */
    record RoleDetailResource(
            RoleResource role,
            RoleSpec spec,
            @Nullable RoleSpec live,
            List<FieldDiff> drift,
            List<HistoryEntry> history) {}

    /**
     * One entry of a role's history.
     *
     * @param emergency whether the entry's request was filed as an emergency (break-glass)
     * @param emergencyReason why it could not wait, for an emergency
     * @param emergencyReview its review after the fact: WAITING, CONFIRMED or REVOKED, for an emergency
     */
    record HistoryEntry(
            Instant occurredAt,
            String kind,
            String actor,
            @Nullable UUID requestId,
            @Nullable String detail,
            boolean emergency,
            @Nullable String emergencyReason,
            @Nullable String emergencyReview) {

        static HistoryEntry of(ManagedRoleRepository.RoleEvent event, @Nullable Emergency emergency) {
            return new HistoryEntry(
                    event.occurredAt(),
                    event.kind(),
                    event.actor(),
                    event.requestId(),
                    event.detail(),
                    emergency != null,
                    emergency == null ? null : emergency.reason(),
                    emergency == null ? null : emergency.reviewState());
        }
    }
}
