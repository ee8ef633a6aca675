package dev.rolecall.request.draft;

import dev.rolecall.request.RequestKind;
import dev.rolecall.request.RoleRequestSlice;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Drafts in SQL. Every statement names the author next to the id, so no statement reads, changes or
 * removes someone else's draft, whatever id it is handed.
 */
@Repository
class RequestDraftStore {

    private static final String COLUMNS =
            "id, author, kind, account_id, role_name, form::text AS form, created_at, updated_at";

    private final JdbcClient jdbc;

    RequestDraftStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    void insert(RequestDraft draft) {
        jdbc.sql("""
                        INSERT INTO request_draft (id, author, kind, account_id, role_name, form, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?)""")
                .params(
                        draft.id(),
                        draft.author(),
                        draft.kind().name(),
                        draft.accountId(),
                        draft.roleName(),
                        draft.form(),
                        utc(draft.createdAt()),
                        utc(draft.updatedAt()))
                .update();
    }

    /** Replaces the author's draft; false when the author has no draft of this id. */
    boolean update(UUID id, String author, DraftContent content, Instant at) {
        return jdbc.sql("""
                        UPDATE request_draft SET kind = ?, account_id = ?, role_name = ?, form = ?::jsonb, updated_at = ?
                        WHERE id = ? AND author = ?""")
                        .params(
                                content.kind().name(),
                                content.accountId(),
                                content.roleName(),
                                content.form(),
                                utc(at),
                                id,
                                author)
                        .update()
                == 1;
    }

    Optional<RequestDraft> find(UUID id, String author) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM request_draft WHERE id = ? AND author = ?")
                .params(id, author)
                .query(RequestDraftStore::draft)
                .optional();
    }

    /** Removes the author's draft; false when the author has no draft of this id. */
    boolean delete(UUID id, String author) {
        return jdbc.sql("DELETE FROM request_draft WHERE id = ? AND author = ?")
                        .params(id, author)
                        .update()
                == 1;
    }

    long count(String author) {
        return jdbc.sql("SELECT count(*) FROM request_draft WHERE author = ?")
                .param(author)
                .query(Long.class)
                .single();
    }

    /**
     * At most {@code limit} of the author's drafts after {@code from}: saved earlier when
     * {@code descending}, later otherwise, always returned last saved first.
     */
    List<RequestDraft> page(String author, boolean descending, RoleRequestSlice.@Nullable Key from, int limit) {
        List<Object> params = new ArrayList<>(List.of(author));
        String after = "";
        if (from != null) {
            after = descending ? " AND (updated_at, id) < (?, ?)" : " AND (updated_at, id) > (?, ?)";
            params.add(utc(from.createdAt()));
            params.add(from.id());
        }
        params.add(limit);
        String order = descending ? " ORDER BY updated_at DESC, id DESC" : " ORDER BY updated_at, id";
        List<RequestDraft> rows = new ArrayList<>(
                jdbc.sql("SELECT " + COLUMNS + " FROM request_draft WHERE author = ?" + after + order + " LIMIT ?")
                        .params(params)
                        .query(RequestDraftStore::draft)
                        .list());
        if (!descending) {
            Collections.reverse(rows);
        }
        return rows;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static RequestDraft draft(ResultSet rs, int row) throws SQLException {
        return new RequestDraft(
                rs.getObject("id", UUID.class),
                rs.getString("author"),
                RequestKind.valueOf(rs.getString("kind")),
                rs.getString("account_id"),
                rs.getString("role_name"),
                rs.getString("form"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
