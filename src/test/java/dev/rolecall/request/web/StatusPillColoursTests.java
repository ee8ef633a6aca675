package dev.rolecall.request.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.request.RoleRequestStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A request's status pill takes its colour from a {@code status-…} class (fragments/status.html): the
 * stylesheet must colour every status, and only once, or a status would show as a bare outline.
 */
class StatusPillColoursTests {

    private static final Pattern STATUS_SELECTOR = Pattern.compile("\\.pill\\.status-([A-Z_]+)\\b");

    @Test
    void theStylesheetColoursEveryStatusExactlyOnce() throws IOException {
        String css = stylesheet();
        for (RoleRequestStatus status : RoleRequestStatus.values()) {
            assertThat(occurrences(css, status.name())).as(status.name()).isEqualTo(1);
        }
    }

    @Test
    void theStylesheetNamesNoStatusThatDoesNotExist() throws IOException {
        Matcher selector = STATUS_SELECTOR.matcher(stylesheet());
        while (selector.find()) {
            String name = selector.group(1);
            assertThat(Arrays.stream(RoleRequestStatus.values()).map(Enum::name))
                    .as(selector.group())
                    .contains(name);
        }
    }

    private static long occurrences(String css, String status) {
        return STATUS_SELECTOR
                .matcher(css)
                .results()
                .filter(m -> m.group(1).equals(status))
                .count();
    }

    private static String stylesheet() throws IOException {
        try (InputStream in = StatusPillColoursTests.class.getResourceAsStream("/static/css/rolecall.css")) {
            assertThat(in).as("static/css/rolecall.css on the classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
