package dev.rolecall.token;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code api_token} table: tokens by owner, and by the hash of their secret. */
@Repository
class ApiTokenRepository {

    private static final String COLUMNS = "token_id, owner, name, prefix, scopes, created_by, created_at, expires_at,"
            + " revoked_at, last_used_at, last_used_address";

    private final JdbcClient jdbc;

    ApiTokenRepository(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    void insert(ApiToken token, byte[] secretHash) {
        jdbc.sql("INSERT INTO api_token (token_id, owner, name, prefix, secret_hash, scopes, created_by, created_at,"
                        + " expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .param(token.id())
                .param(token.owner())
                .param(token.name())
                .param(token.prefix())
                .param(secretHash)
                .param(token.scopes().stream().map(TokenScope::value).sorted().collect(Collectors.joining(" ")))
                .param(token.createdBy())
                .param(utc(token.createdAt()))
                .param(utc(token.expiresAt()))
                .update();
    }

    /** The token whose secret hashes to this, revoked or not. One index lookup. */
    Optional<ApiToken> findBySecretHash(byte[] secretHash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token WHERE secret_hash = ?")
                .param(secretHash)
                .query((rs, row) -> map(rs))
                .optional();
    }

    Optional<ApiToken> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token WHERE token_id = ?")
                .param(id)
                .query((rs, row) -> map(rs))
                .optional();
    }

    List<ApiToken> findByOwner(String owner) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token WHERE owner = ? ORDER BY created_at DESC")
                .param(owner)
                .query((rs, row) -> map(rs))
                .list();
    }

    /** @return whether this revoked the token (it was not revoked before) */
    boolean revoke(UUID id, String by, Instant at) {
        return jdbc.sql("UPDATE api_token SET revoked_at = ?, revoked_by = ? WHERE token_id = ? AND revoked_at IS NULL")
                        .param(utc(at))
                        .param(by)
                        .param(id)
                        .update()
                == 1;
    }

    /** Records a use, unless one was recorded less than a minute ago. */
    void touch(UUID id, String address, Instant at) {
        jdbc.sql("UPDATE api_token SET last_used_at = ?, last_used_address = ? WHERE token_id = ?"
                        + " AND (last_used_at IS NULL OR last_used_at < ?)")
                .param(utc(at))
                .param(address)
                .param(id)
                .param(utc(at.minusSeconds(60)))
                .update();
    }

    /** @return whether the address is new for this token */
    boolean rememberAddress(UUID id, String address, Instant at) {
        return jdbc.sql("INSERT INTO api_token_address (token_id, address, first_seen) VALUES (?, ?, ?)"
                                + " ON CONFLICT DO NOTHING")
                        .param(id)
                        .param(address)
                        .param(utc(at))
                        .update()
                == 1;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static ApiToken map(ResultSet rs) throws SQLException {
        Set<TokenScope> scopes = EnumSet.noneOf(TokenScope.class);
        for (String value : rs.getString("scopes").split(" ")) {
            TokenScope.of(value).ifPresent(scopes::add);
        }
        return new ApiToken(
                rs.getObject("token_id", UUID.class),
                rs.getString("owner"),
                rs.getString("name"),
                rs.getString("prefix"),
                scopes,
                rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                instant(rs, "revoked_at"),
                instant(rs, "last_used_at"),
                rs.getString("last_used_address"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
