package dev.rolecall.audit;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Exports over fixed events, for web slice tests that have no database. */
public final class AuditExports {

    private AuditExports() {}

    @SuppressWarnings("unchecked")
    public static AuditService.Export of(AuditFilter filter, Instant startedAt, List<AuditEvent> events) {
        AuditEventRepository repository = mock(AuditEventRepository.class);
        doAnswer(call -> {
                    events.forEach(call.<Consumer<AuditEvent>>getArgument(1));
                    return null;
                })
                .when(repository)
                .forEachOldestFirst(eq(filter), any(Consumer.class));
        return new AuditService.Export(
                filter, startedAt, repository, new TransactionTemplate(mock(PlatformTransactionManager.class)));
    }
}
