package dev.rolecall.request.draft;

import dev.rolecall.identity.CurrentUser;
import dev.rolecall.request.RoleRequestSlice;
import dev.rolecall.request.problems.RequestDraftNotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drafts of role requests, private to their author: nobody else reads, changes or deletes one, and
 * for anyone else a draft does not exist (404). Saving checks nothing of the request itself (no
 * validation, findings, routing or AWS read); filing it as a request does all of that.
 *
 * <p>Drafts write no audit events: a draft changes nothing in AWS or in anyone's queue, and the
 * request it becomes records its whole spec when it is filed ({@code request.submitted}).
 */
@Service
@Transactional
public class RequestDraftService {

    /** Drafts a person may keep: nobody else clears them up, so their number is bounded. */
    public static final int MAX_DRAFTS = 200;

    /** The largest form a draft keeps, in characters of JSON: many times any request IAM accepts. */
    public static final int MAX_FORM_CHARS = 200_000;

    private final RequestDraftStore store;
    private final Clock clock;

    RequestDraftService(RequestDraftStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Saves the form as a new draft ({@code id} null) or over the author's draft of that id.
     *
     * @throws RequestDraftNotFoundException when {@code id} names no draft of the author's
     * @throws DraftRefusedException when the form is too large, or a new draft would pass {@link #MAX_DRAFTS}
     */
    public RequestDraft save(@Nullable UUID id, DraftContent content, CurrentUser author) {
        if (content.form().length() > MAX_FORM_CHARS) {
            throw new DraftRefusedException(
                    "draft of " + content.form().length() + " characters", "draft.tooLarge", MAX_FORM_CHARS);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (id == null) {
            return create(content, author, now);
        }
        if (!store.update(id, author.username(), content, now)) {
            throw new RequestDraftNotFoundException(id.toString());
        }
        return get(id, author);
    }

    private RequestDraft create(DraftContent content, CurrentUser author, Instant now) {
        if (store.count(author.username()) >= MAX_DRAFTS) {
            throw new DraftRefusedException(
                    author.username() + " has " + MAX_DRAFTS + " drafts", "draft.tooMany", MAX_DRAFTS);
        }
        RequestDraft draft = new RequestDraft(
                UUID.randomUUID(),
                author.username(),
                content.kind(),
                content.accountId(),
                content.roleName(),
                content.form(),
                now,
                now);
        store.insert(draft);
        return draft;
    }

    /**
     * The author's draft.
     *
     * @throws RequestDraftNotFoundException for unknown ids and everyone else's drafts
     */
    @Transactional(readOnly = true)
    public RequestDraft get(UUID id, CurrentUser reader) {
        return store.find(id, reader.username()).orElseThrow(() -> new RequestDraftNotFoundException(id.toString()));
    }

    /**
     * Deletes the author's draft.
     *
     * @throws RequestDraftNotFoundException for unknown ids and everyone else's drafts
     */
    public void delete(UUID id, CurrentUser author) {
        if (!store.delete(id, author.username())) {
            throw new RequestDraftNotFoundException(id.toString());
        }
    }

    /**
     * One page of the person's own drafts, last saved first: the first page, or the page saved
     * earlier ({@code older}) or later ({@code newer}) than a position an earlier page handed out.
     */
    @Transactional(readOnly = true)
    public DraftPage list(
            CurrentUser author, RoleRequestSlice.@Nullable Key older, RoleRequestSlice.@Nullable Key newer, int size) {
        boolean descending = older != null || newer == null;
        List<RequestDraft> rows =
                new ArrayList<>(store.page(author.username(), descending, descending ? older : newer, size + 1));
        boolean more = rows.size() > size;
        if (more) {
            rows.remove(descending ? size : 0);
        }
        boolean olderExist = !descending || more;
        boolean newerExist = descending ? older != null : more;
        RoleRequestSlice.Key first = rows.isEmpty() ? null : rows.get(0).position();
        RoleRequestSlice.Key last =
                rows.isEmpty() ? null : rows.get(rows.size() - 1).position();
        return new DraftPage(rows, olderExist ? last : null, newerExist ? first : null, store.count(author.username()));
    }
}
