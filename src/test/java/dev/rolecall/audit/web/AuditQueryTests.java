package dev.rolecall.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolecall.audit.AuditFilter;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditQueryTests {

    @ParameterizedTest
    @CsvSource({
        "2026-11-28T10:15:30Z, 2026-11-28T10:15:30Z",
        "2026-11-28T10:15:30.123Z, 2026-11-28T10:15:30.123Z",
        "2026-11-28T12:15:30+02:00, 2026-11-28T10:15:30Z",
        "'2026-11-28T12:15:30 02:00', 2026-11-28T10:15:30Z",
        "2026-11-28T10:15, 2026-11-28T10:15:00Z",
        "2026-11-28T10:15:30, 2026-11-28T10:15:30Z",
        "'2026-11-28 10:15', 2026-11-28T10:15:00Z",
        "2026-11-28, 2026-11-28T00:00:00Z"
    })
    void readsIso8601AndDatetimeLocalAsUtc(String text, String expected) {
        assertThat(AuditQuery.parseTime(text, false)).isEqualTo(Instant.parse(expected));
    }

    @Test
    void aBareDateAsUpperBoundIncludesTheWholeDay() {
        assertThat(AuditQuery.parseTime("2026-11-07", true)).isEqualTo(Instant.parse("2026-11-08T00:00:00Z"));
        assertThat(AuditQuery.parseTime("2026-11-07T10:00", true)).isEqualTo(Instant.parse("2026-11-07T10:00:00Z"));
    }

    @Test
    void unreadableTimesAreNull() {
        assertThat(AuditQuery.parseTime("yesterday", false)).isNull();
        assertThat(AuditQuery.parseTime("2026-13-01", false)).isNull();
        assertThat(AuditQuery.parseTime("1732788930", false)).isNull();
    }

    @Test
    void namesEveryUnreadableField() {
        AuditQuery query = new AuditQuery("soon", "later", "bob", "not-a-uuid", null, null, null);

        assertThatThrownBy(query::filter)
                .isInstanceOfSatisfying(
                        InvalidAuditQueryException.class,
                        e -> assertThat(e.problems())
                                .extracting(AuditQuery.Problem::field)
                                .containsExactly("from", "to", "requestId"));
    }

    @Test
    void actionAccountAndRoleMustHaveTheTrailsFormAndAreKeptInLinksAndTheForm() {
        AuditQuery bad = new AuditQuery(
                null, null, null, null, "Request Approved", "12345", "role name with spaces", null, null, null);
        assertThatThrownBy(bad::filter)
                .isInstanceOfSatisfying(
                        InvalidAuditQueryException.class,
                        e -> assertThat(e.problems())
                                .extracting(AuditQuery.Problem::messageKey)
                                .containsExactly(
                                        "audit.filter.invalid.action",
                                        "audit.filter.invalid.accountId",
                                        "audit.filter.invalid.roleName"));

        AuditQuery good = new AuditQuery(
                null, null, null, null, " request.approved ", "111122223333", "deploy+ci@x", null, null, null);
        assertThat(good.filter())
                .isEqualTo(new AuditFilter(null, null, null, null, "request.approved", "111122223333", "deploy+ci@x"));
        assertThat(good.hasFilters()).isTrue();
        assertThat(good.link("/audit", 42L, null))
                .isEqualTo("/audit?action=request.approved&accountId=111122223333&roleName=deploy%2Bci%40x&older=42");
        assertThat(good.form().roleName()).isEqualTo("deploy+ci@x");
    }

    @Test
    void blankParametersMeanNoFilter() {
        AuditQuery query = new AuditQuery(" ", "", "  ", "", "", "", "");

        assertThat(query.filter()).isEqualTo(AuditFilter.all());
        assertThat(query.filter().isEmpty()).isTrue();
        assertThat(query.hasFilters()).isFalse();
        assertThat(query.olderThan()).isNull();
        assertThat(query.newerThan()).isNull();
        assertThat(query.isPaged()).isFalse();
        assertThat(query.pageSize()).isEqualTo(AuditQuery.DEFAULT_PAGE_SIZE);
    }

    @Test
    void positionsAreEventNumbersAndSizesStayInBounds() {
        assertThat(new AuditQuery(null, null, null, null, "x", null, "100000").pageSize())
                .isEqualTo(AuditQuery.MAX_PAGE_SIZE);
        assertThat(new AuditQuery(null, null, null, null, "4", null, "1").pageSize())
                .isEqualTo(10);
        AuditQuery older = new AuditQuery(null, null, null, null, " 1042 ", null, "25");
        assertThat(older.olderThan()).isEqualTo(1042L);
        assertThat(older.isPaged()).isTrue();
        assertThat(new AuditQuery(null, null, null, null, null, "7", null).newerThan())
                .isEqualTo(7L);
        assertThatThrownBy(new AuditQuery(null, null, null, null, "-3", "x", null)::filter)
                .isInstanceOfSatisfying(
                        InvalidAuditQueryException.class,
                        e -> assertThat(e.problems())
                                .extracting(AuditQuery.Problem::field)
                                .containsExactly("older", "newer"));
    }

    @Test
    void linksKeepEveryFilterAndEscapePlusSoOffsetsSurvive() {
        UUID id = UUID.fromString("3f2b9c1e-8a4d-4c6b-9f1e-2d7a5b3c4e6f");
        AuditQuery query =
                new AuditQuery("2026-11-28T12:00+02:00", "2026-11-29", "bob & co", id.toString(), "3", null, null);

        assertThat(query.link("/audit", 2L, null))
                .isEqualTo("/audit?from=2026-11-28T12%3A00%2B02%3A00&to=2026-11-29&actor=bob%20%26%20co&requestId=" + id
                        + "&older=2");
        assertThat(query.link("/audit", null, 9L)).endsWith("&newer=9");
        assertThat(query.link("/audit")).doesNotContain("older=").doesNotContain("newer=");
        assertThat(query.exportLink("/audit/export.csv"))
                .startsWith("/audit/export.csv?from=")
                .doesNotContain("older");
        assertThat(query.filter().from()).isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
    }

    @Test
    void theFormShowsReadableTimesAsUtcDatetimeLocalValues() {
        AuditFilterForm form =
                new AuditQuery("2026-11-28T12:00:00+02:00", "2026-11-07", "bob", null, null, null, "20").form();

        assertThat(form)
                .isEqualTo(
                        new AuditFilterForm("2026-11-28T10:00:00", "2026-11-08T00:00:00", "bob", "", "", "", "", "20"));
        assertThat(new AuditQuery("soon", null, null, null, null, null, null)
                        .form()
                        .from())
                .isEqualTo("soon");
    }
}
