package dev.rolecall.audit;

import static dev.rolecall.test.TestUsers.CAROL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.rolecall.audit.chain.AuditCheckpoints;
import dev.rolecall.audit.chain.ChainCheck;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;

/** The audit page's count: made on every view below the limit, once for a filter past it. */
class AuditCountLimitTests {

    private final AuditEventRepository events = mock(AuditEventRepository.class);
    private AuditService audit;

    private final AuditFilter busy = new AuditFilter(null, null, "bob", null);
    private final AuditFilter quiet = new AuditFilter(null, null, "erin", null);

    @BeforeEach
    void trail() {
        audit = new AuditService(
                events,
                mock(ChainCheck.class),
                mock(AuditCheckpoints.class),
                Clock.systemUTC(),
                mock(PlatformTransactionManager.class));
        when(events.findPage(any(), isNull(), isNull(), anyInt())).thenReturn(List.of());
        when(events.countUpTo(eq(busy), anyInt())).thenReturn((long) AuditService.COUNT_LIMIT + 1);
        when(events.countUpTo(eq(quiet), anyInt())).thenReturn(12L, 13L);
    }

    @Test
    void aFilterPastTheLimitIsCountedOnceAndStaysPastIt() {
        AuditService.EventPage first = audit.find(busy, null, null, 50, CAROL);
        AuditService.EventPage second = audit.find(new AuditFilter(null, null, " bob ", null), null, null, 50, CAROL);

        assertThat(first.countText()).isEqualTo("10,000+");
        assertThat(second.countText()).isEqualTo("10,000+");
        verify(events, times(1)).countUpTo(busy, AuditService.COUNT_LIMIT + 1);
    }

    @Test
    void aFilterBelowTheLimitIsCountedOnEveryView() {
        assertThat(audit.find(quiet, null, null, 50, CAROL).count()).isEqualTo(12);
        assertThat(audit.find(quiet, null, null, 50, CAROL).count()).isEqualTo(13);

        verify(events, times(2)).countUpTo(quiet, AuditService.COUNT_LIMIT + 1);
    }

    @Test
    void anotherFilterIsCountedForItself() {
        audit.find(busy, null, null, 50, CAROL);

        assertThat(audit.find(quiet, null, null, 50, CAROL).count()).isEqualTo(12);
        verify(events).countUpTo(quiet, AuditService.COUNT_LIMIT + 1);
    }
}
