package dev.rolecall.request.inbox;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.rolecall.account.AccountRegistry;
import dev.rolecall.account.TargetAccount;
import dev.rolecall.identity.CurrentUser;
import dev.rolecall.identity.Role;
import dev.rolecall.policy.analysis.FindingCodes;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestService.InboxTab;
import dev.rolecall.request.events.RoleRequestActivity;
import dev.rolecall.routing.ReviewerGroups;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The reviewer's inbox: a tab's requests, filtered and sorted, never the reviewer's own, and how many
 * wait on the reviewer's groups. Anyone who does not review gets an empty inbox and no count.
 */
@Service
@Transactional(readOnly = true)
public class InboxService {

    /** How long a reviewer's waiting count is reused while nothing changes on this console. */
    static final Duration COUNT_FRESHNESS = Duration.ofSeconds(10);

    private final InboxListing listing;
    private final WaitingCount waiting;
    private final RoleRequestService requests;
    private final ReviewerGroups groups;
    private final AccountRegistry accounts;

    /**
     * Each reviewer's waiting count, shown in the nav of every page they open: reused for up to
     * {@link #COUNT_FRESHNESS}, and forgotten as soon as a request changes on this console. A request
     * changed on another console shows in the count within that time.
     */
    private final Cache<String, Long> counts = recentCounts();

    /**
     * The number of each tab, filter and reviewer seen recently, shown in the inbox's heading: reused
     * and forgotten like {@link #counts}, so that paging through a tab or opening it again does not
     * count its requests (up to 100, each probing its revision's stages) on every view.
     */
    private final Cache<InboxListing.Scope, Long> tabCounts = recentCounts();

    InboxService(
            InboxListing listing,
            WaitingCount waiting,
            RoleRequestService requests,
            ReviewerGroups groups,
            AccountRegistry accounts) {
        this.listing = listing;
        this.waiting = waiting;
        this.requests = requests;
        this.groups = groups;
        this.accounts = accounts;
    }

    /**
     * One page of a tab in the sort's order, with its number up to {@link InboxPage#COUNT_LIMIT}
     * (reused like the nav's count: for up to {@link #COUNT_FRESHNESS} while no request changes on
     * this console) and the stage each row waits on, read in one transaction: the first page, or the
     * page after or before a position an earlier page handed out. The filter's values are taken as
     * they are: check them with {@link #choices()} first.
     */
    public InboxPage page(
            CurrentUser reviewer,
            InboxTab tab,
            InboxFilter filter,
            InboxSort sort,
            @Nullable InboxCursor after,
            @Nullable InboxCursor before,
            int size) {
        if (!reviewer.has(Role.REVIEWER)) {
            return InboxPage.empty();
        }
        String me = reviewer.username();
        List<String> inEnvironment = accounts.all().stream()
                .filter(account -> account.environment().equals(filter.environment()))
                .map(TargetAccount::id)
                .toList();
        InboxListing.Scope scope =
                new InboxListing.Scope(me, tab, List.copyOf(groups.groupsOf(me)), filter, inEnvironment);
        InboxPage page = listing.page(
                scope,
                sortsOf(tab).contains(sort) ? sort : InboxSort.OLDEST,
                after,
                before,
                size,
                counted -> tabCounts.get(counted, listing::count));
        return page.withWaiting(requests.waitingStages(page.slice()));
    }

    /**
     * The sorts a tab offers: by age, time left or risk in review; "Decided by me" by age only, as
     * most of its requests have left review (nothing is due) and it may hold much of the table.
     */
    public static List<InboxSort> sortsOf(InboxTab tab) {
        return tab == InboxTab.DECIDED_BY_ME
                ? List.of(InboxSort.OLDEST, InboxSort.NEWEST)
                : List.of(InboxSort.values());
    }

    /**
     * How many requests in review wait on a stage that names one of the reviewer's groups and that
     * the reviewer may still decide (not their own, not a revision they approved already), counted
     * up to 100 (shown as "99+"); empty for anyone who does not review. Opens no transaction: on a
     * reused count (most pages) it touches no database connection at all.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public OptionalLong waitingFor(String username, boolean reviews) {
        if (!reviews) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(counts.get(username, name -> waiting.count(name, List.copyOf(groups.groupsOf(name)))));
    }

    /**
     * Forgets every reviewer's count once a request's activity (filed, a stage opened, a decision,
     * withdrawn, applied…) commits, so this console's next page counts afresh.
     */
    @EventListener
    @Transactional(propagation = Propagation.SUPPORTS)
    void requestChanged(RoleRequestActivity activity) {
        forgetCounts();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // Again after the commit: a page counting meanwhile still saw the request as it was.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    forgetCounts();
                }
            });
        }
    }

    /** Counts kept for up to {@link #COUNT_FRESHNESS}, until {@link #forgetCounts()}. */
    private static <K> Cache<K, Long> recentCounts() {
        return Caffeine.newBuilder()
                .expireAfterWrite(COUNT_FRESHNESS)
                .maximumSize(10_000)
                .build();
    }

    private void forgetCounts() {
        counts.invalidateAll();
        tabCounts.invalidateAll();
    }

    /** The values the filters accept: the configured accounts and environments and the finding codes. */
    public InboxChoices choices() {
        List<TargetAccount> all = accounts.all();
        return new InboxChoices(
                all.stream().map(TargetAccount::id).toList(),
                all.stream()
                        .map(TargetAccount::environment)
                        .filter(Objects::nonNull)
                        .distinct()
                        .sorted()
                        .toList(),
                FindingCodes.all());
    }
}
