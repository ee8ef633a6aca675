package dev.rolecall.identity;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code service_account} table. */
@Repository
class ServiceAccounts {

    private final JdbcClient jdbc;

    ServiceAccounts(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    void insert(ServiceAccount account) {
        jdbc.sql("""
                        INSERT INTO service_account (username, description, roles, team, groups, owner, created_by,
                                                     created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .param(account.username())
                .param(account.description())
                .param(account.orderedRoles().stream().map(Role::name).toArray(String[]::new))
                .param(account.team())
                .param(account.groups().toArray(String[]::new))
                .param(account.owner())
                .param(account.createdBy())
                .param(utc(account.createdAt()))
                .update();
    }

    Optional<ServiceAccount> find(String username) {
        return jdbc.sql("SELECT * FROM service_account WHERE username = ?")
                .param(username)
                .query(ServiceAccounts::map)
                .optional();
    }

    /** Every account, enabled ones first, then by name. */
    List<ServiceAccount> all() {
        return jdbc.sql("SELECT * FROM service_account ORDER BY disabled_at IS NOT NULL, username")
                .query(ServiceAccounts::map)
                .list();
    }

    /** @return whether this disabled the account (it was enabled before) */
    boolean disable(String username, String by, Instant at) {
        return jdbc.sql("UPDATE service_account SET disabled_at = ?, disabled_by = ?"
                                + " WHERE username = ? AND disabled_at IS NULL")
                        .param(utc(at))
                        .param(by)
                        .param(username)
                        .update()
                == 1;
    }

    /** @return whether this enabled the account again (it was disabled before) */
    boolean enable(String username) {
        return jdbc.sql("UPDATE service_account SET disabled_at = NULL, disabled_by = NULL"
                                + " WHERE username = ? AND disabled_at IS NOT NULL")
                        .param(username)
                        .update()
                == 1;
    }

    private static ServiceAccount map(ResultSet row, int index) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : strings(row.getArray("roles"))) {
            roles.add(Role.valueOf(role));
        }
        return new ServiceAccount(
                row.getString("username"),
                row.getString("description"),
                roles,
                row.getString("team"),
                strings(row.getArray("groups")),
                row.getString("owner"),
                row.getString("created_by"),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                instant(row, "disabled_at"),
                row.getString("disabled_by"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }

    private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
