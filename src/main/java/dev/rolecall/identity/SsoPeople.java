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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code sso_person} table: everyone who signed in through the provider, as last seen. */
@Repository
class SsoPeople {

    /** The people page shows at most this many, most recently signed in first. */
    static final int PAGE_LIMIT = 1000;

    private final JdbcClient jdbc;

    SsoPeople(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /**
     * One person as last seen.
     *
     * @param roles role names, as mapped at their last sign-in
     */
    record Person(
            String username,
            String issuer,
            String subject,
            @Nullable String displayName,
            @Nullable String email,
            @Nullable String team,
            List<String> roles,
            List<String> groups,
            Instant firstSignedInAt,
            Instant lastSignedInAt) {

        Person {
            roles = List.copyOf(roles);
            groups = List.copyOf(groups);
        }
    }

    /**
     * Records a sign-in: adds the person or updates what was seen of them.
     *
     * @return {@code false}, changing nothing, when the name belongs to another subject or the
     *     subject was seen under another name
     */
    boolean signedIn(Person person) {
        try {
            int changed = jdbc.sql("""
                            INSERT INTO sso_person (username, issuer, subject, display_name, email, team, roles, groups,
                                                    first_signed_in_at, last_signed_in_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            ON CONFLICT (username) DO UPDATE SET
                                display_name = excluded.display_name, email = excluded.email, team = excluded.team,
                                roles = excluded.roles, groups = excluded.groups,
                                last_signed_in_at = excluded.last_signed_in_at
                            WHERE sso_person.issuer = excluded.issuer AND sso_person.subject = excluded.subject""")
                    .param(person.username())
                    .param(person.issuer())
                    .param(person.subject())
                    .param(person.displayName())
                    .param(person.email())
                    .param(person.team())
                    .param(person.roles().toArray(String[]::new))
                    .param(person.groups().toArray(String[]::new))
                    .param(utc(person.firstSignedInAt()))
                    .param(utc(person.lastSignedInAt()))
                    .update();
            return changed == 1;
        } catch (DuplicateKeyException e) {
            // The subject is known under another name: the provider renamed them.
            return false;
        }
    }

    /** Everyone seen, most recently signed in first, at most {@link #PAGE_LIMIT}. */
    List<Person> recent() {
        return jdbc.sql("SELECT * FROM sso_person ORDER BY last_signed_in_at DESC, username LIMIT ?")
                .param(PAGE_LIMIT)
                .query(SsoPeople::map)
                .list();
    }

    /** Whether anyone signed in through the provider under this name, enabled or not. */
    boolean known(String username) {
        return jdbc.sql("SELECT count(*) FROM sso_person WHERE username = ?")
                        .param(username)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * The person as they may act now: their roles as last seen, unless those mapped to nothing at
     * their last sign-in or an admin disabled them.
     */
    Optional<CurrentUser> active(String username) {
        return jdbc.sql("SELECT team, roles FROM sso_person WHERE username = ? AND disabled_at IS NULL"
                        + " AND cardinality(roles) > 0")
                .param(username)
                .query((row, index) -> {
                    Set<Role> roles = EnumSet.noneOf(Role.class);
                    for (String role : strings(row.getArray("roles"))) {
                        roles.add(Role.valueOf(role));
                    }
                    return new CurrentUser(username, row.getString("team"), roles);
                })
                .optional();
    }

    /**
     * Records that the provider vouched for the person but their groups now map to no role: they keep
     * no role in Rolecall, so their tokens stop. Only for the subject the name belongs to.
     */
    void noLongerMapped(String username, String issuer, String subject, List<String> groups, Instant at) {
        jdbc.sql("UPDATE sso_person SET roles = '{}', groups = ?, last_signed_in_at = ?"
                        + " WHERE username = ? AND issuer = ? AND subject = ?")
                .param(groups.toArray(String[]::new))
                .param(utc(at))
                .param(username)
                .param(issuer)
                .param(subject)
                .update();
    }

    /** Whether an admin disabled the person. */
    boolean disabled(String username) {
        return jdbc.sql("SELECT count(*) FROM sso_person WHERE username = ? AND disabled_at IS NOT NULL")
                        .param(username)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The names of the people an admin disabled. */
    Set<String> disabledNames() {
        return Set.copyOf(jdbc.sql("SELECT username FROM sso_person WHERE disabled_at IS NOT NULL")
                .query(String.class)
                .list());
    }

    /**
     * Disables ({@code by} not null) or enables ({@code by} null) a person.
     *
     * @return whether this changed anything
     */
    boolean setDisabled(String username, @Nullable String by, Instant at) {
        String sql = by == null
                ? "UPDATE sso_person SET disabled_at = NULL, disabled_by = NULL"
                        + " WHERE username = ? AND disabled_at IS NOT NULL"
                : "UPDATE sso_person SET disabled_at = ?, disabled_by = ? WHERE username = ? AND disabled_at IS NULL";
        JdbcClient.StatementSpec statement = jdbc.sql(sql);
        if (by != null) {
            statement = statement.param(utc(at)).param(by);
        }
        return statement.param(username).update() == 1;
    }

    private static Person map(ResultSet row, int index) throws SQLException {
        return new Person(
                row.getString("username"),
                row.getString("issuer"),
                row.getString("subject"),
                row.getString("display_name"),
                row.getString("email"),
                row.getString("team"),
                strings(row.getArray("roles")),
                strings(row.getArray("groups")),
                row.getObject("first_signed_in_at", OffsetDateTime.class).toInstant(),
                row.getObject("last_signed_in_at", OffsetDateTime.class).toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
