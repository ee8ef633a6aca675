package dev.rolecall.policy.grammar;

import dev.rolecall.policy.model.ConditionOperator;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How IAM reads the values of typed condition operators: numbers, dates (ISO 8601 or epoch seconds),
 * IP addresses and CIDR ranges, ARNs. The parser rejects values IAM rejects; the simulator compares
 * with the same readings.
 */
public final class ConditionValues {

    /** How a policy variable opens, as in {@code ${aws:username}}. */
    private static final String VARIABLE_START = "${";

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final Pattern EPOCH = Pattern.compile("-?\\d{1,12}");

    private ConditionValues() {}

    /** A number, or null when the text is none. */
    public static @Nullable BigDecimal number(String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A date: epoch seconds, or ISO 8601 with or without time and offset (UTC when none); null when none. */
    public static @Nullable Instant date(String text) {
        String value = text.strip();
        if (EPOCH.matcher(value).matches()) {
            return Instant.ofEpochSecond(Long.parseLong(value));
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notDate) {
                    return null;
                }
            }
        }
    }

    /** An IP address as bytes; only numeric IPv4 and IPv6 literals (never a DNS lookup); null when none. */
    public static byte @Nullable [] ipAddress(String text) {
        String value = text.strip();
        boolean v4 = IPV4.matcher(value).matches();
        if (!v4 && !IPV6.matcher(value).matches()) {
            return null;
        }
        if (v4) {
            for (String part : value.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return null;
                }
            }
        }
        try {
            return InetAddress.getByName(value).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Whether the text is an IP address or a CIDR range ({@code 203.0.113.0/24}, {@code 2001:db8::/32}). */
    public static boolean isNetwork(String text) {
        String value = text.strip();
        int slash = value.indexOf('/');
        byte[] address = ipAddress(slash < 0 ? value : value.substring(0, slash));
        if (address == null) {
            return false;
        }
        if (slash < 0) {
            return true;
        }
        String prefix = value.substring(slash + 1);
        if (!prefix.matches("\\d{1,3}")) {
            return false;
        }
        return Integer.parseInt(prefix) <= address.length * 8;
    }

    /**
     * What IAM says about the first value an operator of this type cannot read, e.g. {@code Data type
     * mismatch: "2024-13-01" is not a Date}; null when every value reads. Values holding a policy variable
     * are read only once the request fills them in, so they are not judged here.
     */
    static @Nullable String problem(ConditionOperator operator, List<String> values) {
        for (String value : values) {
            if (value.contains(VARIABLE_START)) {
                continue;
            }
            String expected = switch (operator.type()) {
                case NUMERIC -> number(value) == null ? "Numeric (a number such as 10 or 2.5)" : null;
                case DATE ->
                    date(value) == null ? "Date (ISO 8601 such as 2026-12-31T23:59:59Z, or seconds since 1970)" : null;
                case IP_ADDRESS ->
                    isNetwork(value)
                            ? null
                            : "IpAddress (an IPv4 or IPv6 address or CIDR range such as 203.0.113.0/24)";
                case ARN -> isArn(value) ? null : "ARN (arn:partition:service:region:account:resource)";
                case STRING, BOOLEAN, BINARY, NULL -> null;
            };
            if (expected != null) {
                return "Data type mismatch: the text \"" + value + "\" does not match the expected data type "
                        + expected + " of " + operator.json();
            }
        }
        return null;
    }

    /** An ARN (wildcards allowed) or a wildcard standing for any. */
    private static boolean isArn(String value) {
        if (value.chars().allMatch(c -> c == '*' || c == '?')) {
            return true;
        }
        if (!value.startsWith("arn:")) {
            return false;
        }
        return value.split(":", 6).length == 6 || value.indexOf('*') >= 0;
    }
}
