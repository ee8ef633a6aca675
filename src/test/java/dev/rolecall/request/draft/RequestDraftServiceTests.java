package dev.rolecall.request.draft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolecall.identity.CurrentUser;
import dev.rolecall.identity.Role;
import dev.rolecall.request.RequestKind;
import dev.rolecall.request.problems.RequestDraftNotFoundException;
import dev.rolecall.test.RolecallIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Drafts on real PostgreSQL: the Drafts tab pages by keyset without gaps or repeats in both
 * directions, a save over a draft moves it to the top, and the limits refuse without saving.
 */
@RolecallIntegrationTest
class RequestDraftServiceTests {

    @Autowired
    RequestDraftService drafts;

    private static CurrentUser someone() {
        return new CurrentUser("drafter-" + UUID.randomUUID().toString().substring(0, 8), null, Set.of(Role.REQUESTER));
    }

    private static DraftContent content(String roleName) {
        return new DraftContent(RequestKind.CREATE, "", roleName, "{\"roleName\":\"" + roleName + "\"}");
    }

    private static List<String> names(DraftPage page) {
        return page.items().stream().map(RequestDraft::roleName).toList();
    }

    @Test
    void olderAndNewerPagesWalkEveryDraftOnceLastSavedFirst() {
        CurrentUser author = someone();
        for (int i = 0; i < 45; i++) {
            drafts.save(null, content("draft-" + i), author);
        }
        List<String> seen = new ArrayList<>();
        DraftPage page = drafts.list(author, null, null, 20);
        assertThat(page.count()).isEqualTo(45);
        assertThat(page.newer()).isNull();
        List<DraftPage> pages = new ArrayList<>(List.of(page));
        while (true) {
            seen.addAll(names(page));
            if (page.older() == null) {
                break;
            }
            page = drafts.list(author, page.older(), null, 20);
            pages.add(page);
        }
        assertThat(seen).hasSize(45).doesNotHaveDuplicates();
        assertThat(pages).hasSize(3);
        DraftPage back = drafts.list(author, null, page.newer(), 20);
        assertThat(names(back)).isEqualTo(names(pages.get(1)));
        assertThat(drafts.list(author, null, back.newer(), 20).newer()).isNull();
    }

    @Test
    void aSaveOverADraftKeepsItsIdAndMovesItToTheTop() {
        CurrentUser author = someone();
        RequestDraft first = drafts.save(null, content("first"), author);
        drafts.save(null, content("second"), author);

        RequestDraft saved = drafts.save(first.id(), content("first-again"), author);

        assertThat(saved.id()).isEqualTo(first.id());
        assertThat(saved.createdAt()).isEqualTo(first.createdAt());
        assertThat(names(drafts.list(author, null, null, 20))).containsExactly("first-again", "second");
        assertThatThrownBy(() -> drafts.save(first.id(), content("stolen"), someone()))
                .isInstanceOf(RequestDraftNotFoundException.class);
        assertThat(drafts.get(first.id(), author).roleName()).isEqualTo("first-again");
    }

    @Test
    void aPersonKeepsAtMostTheLimitOfDraftsAndNoFormLargerThanTheLimit() {
        CurrentUser author = someone();
        for (int i = 0; i < RequestDraftService.MAX_DRAFTS; i++) {
            drafts.save(null, content("d" + i), author);
        }
        assertThatThrownBy(() -> drafts.save(null, content("one-more"), author))
                .isInstanceOf(DraftRefusedException.class)
                .extracting(e -> ((DraftRefusedException) e).messageKey())
                .isEqualTo("draft.tooMany");
        String huge = "x".repeat(RequestDraftService.MAX_FORM_CHARS);
        assertThatThrownBy(() -> drafts.save(
                        null, new DraftContent(RequestKind.CREATE, "", "big", "\"" + huge + "\""), someone()))
                .isInstanceOf(DraftRefusedException.class);
        assertThat(drafts.list(author, null, null, 1).count()).isEqualTo(RequestDraftService.MAX_DRAFTS);
    }
}
