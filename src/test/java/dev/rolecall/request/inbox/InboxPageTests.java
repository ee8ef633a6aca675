package dev.rolecall.request.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How an inbox tab's count reads: as the nav's count of what waits on a reviewer does. */
class InboxPageTests {

    @Test
    void theCountStopsWhereTheNavsCountStops() {
        assertThat(new InboxPage(List.of(), null, null, 100L).countText()).isEqualTo("99+");
        assertThat(new InboxPage(List.of(), null, null, 99L).countText()).isEqualTo("99");
        assertThat(new InboxPage(List.of(), null, null, 0L).countText()).isEqualTo("0");
        assertThat(new InboxPage(List.of(), null, null, null).countText()).isEmpty();
        assertThat(InboxPage.COUNT_LIMIT).isEqualTo(WaitingCount.LIMIT);
    }
}
