package dev.rolecall.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.test.RolecallIntegrationTest;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The CSV export over real HTTP: streamed in chunks from the database, every row arriving. */
@RolecallIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AuditExportIntegrationTests {

    private static final int ROWS = 20_000;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void streams20000EventsAsAChunkedCsvResponse() throws Exception {
        String actor = "http-bulk-" + UUID.randomUUID();
        jdbc.update("""
                insert into audit_event (occurred_at, actor, action, account_id, role_name, details)
                select timestamptz '2026-11-01T00:00:00Z' + n * interval '1 second', ?, 'test.bulk', '111122223333',
                       'role-' || n, '{"n":' || n || '}'
                from generate_series(1, ?) as n""", actor, ROWS);

        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/audit-events.csv?actor="
                                        + actor + "&from=2026-11-01T00:00:00Z"))
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString("carol:demo".getBytes(StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        // No length known up front: the body is sent in chunks while rows are still being read.
        assertThat(response.headers().firstValue("Content-Length")).isEmpty();
        assertThat(response.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
        long rows = 0;
        String last = "";
        try (BufferedReader body = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertThat(body.readLine())
                    .isEqualTo(
                            "event_id,occurred_at,actor,action,request_id,account_id,role_name,details,prev_hash,hash");
            for (String line = body.readLine(); line != null; line = body.readLine()) {
                rows++;
                last = line;
            }
        }
        assertThat(rows).isEqualTo(ROWS);
        assertThat(last)
                .endsWith(",2026-11-01T05:33:20.000Z," + actor
                        + ",test.bulk,,111122223333,role-20000,\"{\"\"n\"\":20000}\",,");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where action = 'audit.exported' and actor = 'carol' and details like ?",
                        Integer.class,
                        "%" + actor + "%"))
                .isEqualTo(1);
    }
}
