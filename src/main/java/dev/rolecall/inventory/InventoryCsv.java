package dev.rolecall.inventory;

import dev.rolecall.identity.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * The inventory as RFC 4180 CSV (Apache Commons CSV), streamed one role at a time from a database
 * cursor, so memory stays flat whatever the row count. Times are ISO-8601 UTC; a cell a spreadsheet
 * would run as a formula (starting with {@code = + - @}, a tab or a carriage return) gets a leading
 * single quote.
 */
final class InventoryCsv {

    static final String[] HEADER = {
        "account_id",
        "role_name",
        "role_arn",
        "owner_team",
        "state",
        "risk",
        "top_finding",
        "expires_at",
        "last_request_id",
        "last_read_at",
        "drifted_fields",
        "updated_at"
    };

    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setHeader(HEADER).get();

    private InventoryCsv() {}

    static void send(
            RoleInventory inventory,
            RoleFilter filter,
            String channel,
            CurrentUser reader,
            HttpServletResponse response,
            Instant now)
            throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        String name = "rolecall-roles-"
                + DateTimeFormatter.ISO_INSTANT
                        .format(now.truncatedTo(ChronoUnit.SECONDS))
                        .replace(":", "") + ".csv";
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8)
                        .build()
                        .toString());
        Writer writer = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        CSVPrinter printer = new CSVPrinter(writer, FORMAT);
        try {
            inventory.export(filter, channel, reader, role -> write(printer, role));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        printer.flush();
    }

    static void write(CSVPrinter printer, ManagedRole.Row role) {
        try {
            printer.printRecord(
                    cell(role.accountId()),
                    cell(role.roleName()),
                    cell(role.roleArn()),
                    cell(role.ownerTeam()),
                    role.state().name(),
                    role.risk() == null ? "" : role.risk().name(),
                    cell(role.topFinding()),
                    time(role.expiresAt()),
                    role.lastRequestId() == null ? "" : role.lastRequestId().toString(),
                    time(role.lastReadAt()),
                    cell(String.join(
                            " ", role.drift().stream().map(FieldDiff::field).toList())),
                    time(role.updatedAt()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String time(@Nullable Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    private static String cell(@Nullable String value) {
        return value == null ? "" : neutralise(value);
    }

    /** Prefixes a cell that a spreadsheet would evaluate with a single quote, so it stays text. */
    static String neutralise(String value) {
        if (value.isEmpty()) {
            return value;
        }
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
    }
}
