package dev.rolecall.request.web;

import static dev.rolecall.test.TestUsers.ALICE;
import static dev.rolecall.test.TestUsers.BOB;
import static dev.rolecall.test.TestUsers.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.identity.CurrentUser;
import dev.rolecall.request.Actor;
import dev.rolecall.request.RoleRequestStatus;
import dev.rolecall.request.RoleRequestView;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class NextStepTests {

    static NextStep next(RoleRequestStatus status, CurrentUser reader) {
        RoleRequestView request = RoleRequestControllerTests.view(status, "alice");
        return NextStep.of(request, request.actionsFor(Actor.of(reader)));
    }

    @Test
    void everyStatusHasASentenceForEveryReader() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        for (RoleRequestStatus status : RoleRequestStatus.values()) {
            for (CurrentUser reader : Set.of(ALICE, BOB, CAROL)) {
                NextStep step = next(status, reader);
                assertThat(messages.getMessage(step.messageKey(), new Object[] {"alice"}, Locale.ENGLISH))
                        .as("%s for %s", status, reader.username())
                        .isNotBlank()
                        .doesNotContain("{0}");
            }
        }
    }

    @Test
    void theRequesterIsOfferedReviseWhileInReviewOrWithRequestedChanges() {
        assertThat(next(RoleRequestStatus.IN_REVIEW, ALICE).offersRevise()).isTrue();
        assertThat(next(RoleRequestStatus.CHANGES_REQUESTED, ALICE).offersRevise())
                .isTrue();
        assertThat(next(RoleRequestStatus.CHANGES_REQUESTED, ALICE).messageKey())
                .isEqualTo("next.CHANGES_REQUESTED.requester");
        for (RoleRequestStatus status : RoleRequestStatus.values()) {
            assertThat(next(status, BOB).offersRevise()).as("bob, %s", status).isFalse();
            assertThat(next(status, ALICE).offersRevise())
                    .as("alice, %s", status)
                    .isEqualTo(status.isRevisable());
        }
    }

    @Test
    void eachReaderIsToldWhoActs() {
        assertThat(next(RoleRequestStatus.IN_REVIEW, BOB).messageKey()).isEqualTo("next.IN_REVIEW.reviewer");
        assertThat(next(RoleRequestStatus.IN_REVIEW, CAROL).messageKey()).isEqualTo("next.IN_REVIEW");
        assertThat(next(RoleRequestStatus.CHANGES_REQUESTED, BOB).messageKey()).isEqualTo("next.CHANGES_REQUESTED");
        assertThat(next(RoleRequestStatus.APPLIED, ALICE).messageKey()).isEqualTo("next.APPLIED");
        assertThat(next(RoleRequestStatus.FAILED, BOB).messageKey()).isEqualTo("next.FAILED.retry");
        assertThat(next(RoleRequestStatus.FAILED, CAROL).messageKey()).isEqualTo("next.FAILED");
    }
}
