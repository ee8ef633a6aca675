package dev.rolecall.request.inbox;

import static dev.rolecall.test.TestUsers.BOB;
import static dev.rolecall.test.TestUsers.ERIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.request.RoleRequestId;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestService.InboxTab;
import dev.rolecall.request.events.RoleRequestRef;
import dev.rolecall.request.events.RoleRequestWithdrawn;
import dev.rolecall.routing.ReviewerGroups;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The inbox heading's number: reused while nothing changes on this console, counted again after a change. */
class InboxCountReuseTests {

    private final InboxListing listing = mock(InboxListing.class);
    private InboxService inbox;
    private int bobCounted;

    @BeforeEach
    void inbox() {
        ReviewerGroups groups = mock(ReviewerGroups.class);
        when(groups.groupsOf(any())).thenReturn(Set.of("security"));
        AccountRegistry accounts = mock(AccountRegistry.class);
        when(accounts.all()).thenReturn(List.of());
        inbox = new InboxService(listing, mock(WaitingCount.class), mock(RoleRequestService.class), groups, accounts);
        // The listing numbers its page with the count it is handed, as the real one does.
        when(listing.page(any(), any(), any(), any(), anyInt(), any())).thenAnswer(call -> {
            InboxListing.Scope scope = call.getArgument(0);
            ToLongFunction<InboxListing.Scope> count = call.getArgument(5);
            return new InboxPage(List.of(), null, null, count.applyAsLong(scope));
        });
        // bob's tab holds 5 requests, then 6; erin's 2.
        when(listing.count(any())).thenAnswer(call -> {
            InboxListing.Scope scope = call.getArgument(0);
            return scope.reviewer().equals("bob") ? 5L + bobCounted++ : 2L;
        });
    }

    private InboxPage open(dev.rolecall.identity.CurrentUser reviewer) {
        return inbox.page(reviewer, InboxTab.MY_GROUPS, InboxFilter.NONE, InboxSort.OLDEST, null, null, 20);
    }

    @Test
    void aTabOpenedAgainReusesItsNumber() {
        assertThat(open(BOB).count()).isEqualTo(5);
        assertThat(open(BOB).count()).isEqualTo(5);

        assertThat(bobCounted).isEqualTo(1);
    }

    @Test
    void eachReviewerHasTheirOwnNumber() {
        assertThat(open(BOB).count()).isEqualTo(5);
        assertThat(open(ERIN).count()).isEqualTo(2);
    }

    @Test
    void aRequestChangedOnThisConsoleMakesTheNextViewCountAgain() {
        assertThat(open(BOB).count()).isEqualTo(5);

        inbox.requestChanged(new RoleRequestWithdrawn(
                new RoleRequestRef(new RoleRequestId(UUID.randomUUID()), "111122223333", "svc-reader"),
                "alice",
                Instant.now()));

        assertThat(open(BOB).count()).isEqualTo(6);
    }
}
