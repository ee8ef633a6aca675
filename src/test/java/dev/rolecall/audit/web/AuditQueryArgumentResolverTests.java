package dev.rolecall.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

/** The audit filters read from the query string by name, as binding would read them. */
class AuditQueryArgumentResolverTests {

    private final AuditQueryArgumentResolver resolver = new AuditQueryArgumentResolver();

    private AuditQuery read(MockHttpServletRequest request) {
        return resolver.resolveArgument(null, null, new ServletWebRequest(request), null);
    }

    @Test
    void everyFilterIsReadFromTheParameterOfItsName() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/audit");
        request.setParameter("from", "2026-11-01");
        request.setParameter("to", "2026-11-30");
        request.setParameter("actor", "bob");
        request.setParameter("requestId", "7b0c9d8e-0000-4000-8000-000000000001");
        request.setParameter("action", "request.approved");
        request.setParameter("accountId", "123456789012");
        request.setParameter("roleName", "deploy");
        request.setParameter("older", "42");
        request.setParameter("newer", "7");
        request.setParameter("size", "100");

        assertThat(read(request))
                .isEqualTo(new AuditQuery(
                        "2026-11-01",
                        "2026-11-30",
                        "bob",
                        "7b0c9d8e-0000-4000-8000-000000000001",
                        "request.approved",
                        "123456789012",
                        "deploy",
                        "42",
                        "7",
                        "100"));
        AuditQuery query = read(request);
        assertThat(query.from()).isEqualTo("2026-11-01");
        assertThat(query.to()).isEqualTo("2026-11-30");
        assertThat(query.actor()).isEqualTo("bob");
        assertThat(query.requestId()).isEqualTo("7b0c9d8e-0000-4000-8000-000000000001");
        assertThat(query.action()).isEqualTo("request.approved");
        assertThat(query.accountId()).isEqualTo("123456789012");
        assertThat(query.roleName()).isEqualTo("deploy");
        assertThat(query.older()).isEqualTo("42");
        assertThat(query.newer()).isEqualTo("7");
        assertThat(query.size()).isEqualTo("100");
    }

    @Test
    void anAbsentFilterIsNullAndARepeatedOneIsItsValuesJoinedByCommas() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/audit");
        request.addParameter("actor", "bob", "carol");
        request.setParameter("size", "");

        AuditQuery query = read(request);

        assertThat(query.actor()).isEqualTo("bob,carol");
        assertThat(query.size()).isEmpty();
        assertThat(query.from()).isNull();
        assertThat(query.roleName()).isNull();
        assertThat(query.older()).isNull();
    }
}
