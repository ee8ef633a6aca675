package dev.rolecall.inventory;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.account.TargetAccount;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When each account's managed roles are compared with AWS: every {@code
 * rolecall.accounts[n].drift-interval}, or {@code rolecall.inventory.drift-interval} for an account
 * that sets none. The recurring job wakes at the shortest of these intervals and scans only the
 * accounts that are due; when an account was last scanned is kept in the database, so every console
 * agrees on it.
 */
@Component
public class DriftSchedule {

    private final AccountRegistry accounts;
    private final InventoryProperties properties;
    private final JdbcClient jdbc;

    DriftSchedule(AccountRegistry accounts, InventoryProperties properties, DataSource dataSource) {
        this.accounts = accounts;
        this.properties = properties;
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** How often the account's managed roles are compared with AWS. */
    public Duration intervalOf(TargetAccount account) {
        Duration own = account.driftInterval();
        return own == null ? properties.driftInterval() : own;
    }

    /** Whether the account uses the inventory's default interval rather than one of its own. */
    public boolean usesDefault(TargetAccount account) {
        return account.driftInterval() == null;
    }

    /** How often the recurring job wakes: the shortest interval of any applying account. */
    Duration tick() {
        return accounts.all().stream()
                .filter(TargetAccount::applies)
                .map(this::intervalOf)
                .reduce(properties.driftInterval(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
    }

    /**
     * Records a scan of the account starting now if its interval has passed since the last one, in
     * one statement, so two consoles never both scan it.
     *
     * @return whether the account is due and this caller scans it
     */
    boolean claimIfDue(TargetAccount account, Instant now) {
        Instant dueIfBefore = now.minus(intervalOf(account));
        return jdbc.sql("""
                        INSERT INTO inventory_drift_scan (account_id, scanned_at) VALUES (:account, :now)
                        ON CONFLICT (account_id) DO UPDATE SET scanned_at = EXCLUDED.scanned_at
                        WHERE inventory_drift_scan.scanned_at <= :due
                        """)
                        .param("account", account.id())
                        .param("now", Timestamp.from(now))
                        .param("due", Timestamp.from(dueIfBefore))
                        .update()
                == 1;
    }
}
