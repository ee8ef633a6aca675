package dev.rolecall.policy.simulation;

import dev.rolecall.policy.grammar.ConditionValues;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Reads condition operands as the typed values IAM compares: numbers, dates, IP ranges, binary. */
final class Operands {

    /** A network: address bytes and how many leading bits must match. */
    record Network(byte[] address, int prefix) {

        boolean contains(byte[] ip) {
            if (ip.length != address.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (ip[i] != address[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (ip[full] & mask) == (address[full] & mask);
        }
    }

    /** Parsed operands by text: policies and requests repeat the same few values. */
    private static final Memo<Optional<BigDecimal>> NUMBERS = new Memo<>(4096);

    private static final Memo<Optional<Instant>> DATES = new Memo<>(4096);
    private static final Memo<Optional<Network>> NETWORKS = new Memo<>(4096);

    private Operands() {}

    static @Nullable BigDecimal number(String text) {
        return NUMBERS.get(text, t -> Optional.ofNullable(parseNumber(t))).orElse(null);
    }

    /** ISO 8601 date or date-time (UTC when no offset is given), or seconds since the epoch. */
    static @Nullable Instant date(String text) {
        return DATES.get(text, t -> Optional.ofNullable(parseDate(t))).orElse(null);
    }

    /** A CIDR block ({@code 203.0.113.0/24}, {@code 2001:db8::/32}) or a single address. */
    static @Nullable Network network(String text) {
        return NETWORKS.get(text, t -> Optional.ofNullable(parseNetwork(t))).orElse(null);
    }

    private static @Nullable BigDecimal parseNumber(String text) {
        return ConditionValues.number(text);
    }

    private static @Nullable Instant parseDate(String text) {
        return ConditionValues.date(text);
    }

    /** An IP address as bytes; only numeric IPv4 and IPv6 literals (never a DNS lookup). */
    static byte @Nullable [] ip(String text) {
        Network single = network(text);
        return single == null || text.indexOf('/') >= 0 ? null : single.address();
    }

    private static byte @Nullable [] parseIp(String text) {
        return ConditionValues.ipAddress(text);
    }

    private static @Nullable Network parseNetwork(String text) {
        String value = text.strip();
        int slash = value.indexOf('/');
        byte[] address = parseIp(slash < 0 ? value : value.substring(0, slash));
        if (address == null) {
            return null;
        }
        int max = address.length * 8;
        int prefix = max;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(value.substring(slash + 1));
            } catch (NumberFormatException e) {
                return null;
            }
            if (prefix < 0 || prefix > max) {
                return null;
            }
        }
        return new Network(address, prefix);
    }

    /** Whether two base64 values hold the same bytes (plain text comparison when not base64). */
    static boolean sameBinary(String a, String b) {
        try {
            return Arrays.equals(
                    Base64.getDecoder().decode(a.strip()), Base64.getDecoder().decode(b.strip()));
        } catch (IllegalArgumentException e) {
            return a.equals(b);
        }
    }
}
