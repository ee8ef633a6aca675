package dev.rolecall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.test.RolecallIntegrationTest;
import java.util.concurrent.atomic.AtomicInteger;
import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.Test;
import org.springframework.aop.Advisor;
import org.springframework.aop.framework.Advised;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Over real HTTP against the session table: a signed-in page (which Spring Session saves twice, when
 * the page is flushed and when the request ends) reads the session from PostgreSQL once; sign-in
 * still moves the session to a new id and sign-out still ends it.
 */
@RolecallIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SessionReadIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcIndexedSessionRepository repository;

    private String signIn(RawHttp http, String anonymousCookie, String csrf) throws Exception {
        RawHttp.Response signedIn =
                http.postForm("/login", "username=alice&password=demo&_csrf=" + csrf, anonymousCookie);
        assertThat(signedIn.status()).isEqualTo(302);
        return "Cookie: " + signedIn.sessionCookie().orElseThrow();
    }

    @Test
    void aPageReadsTheSessionFromTheDatabaseOnceWhereSpringSessionAloneReadsItTwice() throws Exception {
        RawHttp http = new RawHttp(port);
        RawHttp.Response login = http.get("/login");
        String session = signIn(http, "Cookie: " + login.sessionCookie().orElseThrow(), login.csrfToken());
        AtomicInteger reads = new AtomicInteger();
        MethodInterceptor counting = invocation -> {
            if (invocation.getMethod().getName().equals("findById")) {
                reads.incrementAndGet();
            }
            return invocation.proceed();
        };
        Advised advised = (Advised) repository;
        Advisor remembered = advised.getAdvisors()[0];
        assertThat(remembered.getAdvice()).isInstanceOf(SessionReadConfiguration.RememberedReads.class);
        advised.addAdvice(counting);
        try {
            assertThat(http.get("/requests", session).status()).isEqualTo(200);
            assertThat(reads).hasValue(1);

            advised.removeAdvisor(remembered);
            reads.set(0);
            assertThat(http.get("/requests", session).status()).isEqualTo(200);
            assertThat(reads).hasValue(2);
        } finally {
            advised.removeAdvice(counting);
            if (advised.indexOf(remembered) < 0) {
                advised.addAdvisor(0, remembered);
            }
        }
    }

    @Test
    void signInMovesToANewIdAndSignOutEndsTheSession() throws Exception {
        RawHttp http = new RawHttp(port);
        RawHttp.Response login = http.get("/login");
        String anonymous = "Cookie: " + login.sessionCookie().orElseThrow();

        String session = signIn(http, anonymous, login.csrfToken());

        assertThat(session).isNotEqualTo(anonymous);
        assertThat(http.get("/requests", anonymous).status()).isEqualTo(302);
        RawHttp.Response page = http.get("/requests", session);
        assertThat(page.status()).isEqualTo(200);

        RawHttp.Response signedOut = http.postForm("/logout", "_csrf=" + page.csrfToken(), session);
        assertThat(signedOut.status()).isEqualTo(302);
        assertThat(http.get("/requests", session).status()).isEqualTo(302);
    }
}
