package dev.rolecall.policy.model;

import org.jspecify.annotations.Nullable;

/**
 * Glob matching as IAM does it: {@code *} matches any run of characters (including none, and
 * including {@code /} and {@code :}), {@code ?} matches exactly one character, everything else
 * matches itself. Linear-time in practice: the classic two-pointer algorithm with one backtrack
 * point, no regular expressions and no allocation.
 */
public final class Wildcard {

    private Wildcard() {}

    /**
     * Whether {@code value} matches {@code pattern}.
     *
     * @param ignoreCase compare letters without regard to case (actions, StringLike is case-sensitive)
     */
    public static boolean matches(String pattern, String value, boolean ignoreCase) {
        return matches(pattern, null, value, ignoreCase);
    }

    /**
     * Whether {@code value} matches {@code pattern}, where {@code literal[i]} marks pattern
     * characters that stand for themselves even if they are {@code *} or {@code ?} (e.g. text that
     * came from a policy variable, or {@code ${*}}).
     */
    public static boolean matches(String pattern, boolean @Nullable [] literal, String value, boolean ignoreCase) {
        int p = 0;
        int v = 0;
        int starP = -1;
        int starV = 0;
        int patternLength = pattern.length();
        int valueLength = value.length();
        while (v < valueLength) {
            if (p < patternLength) {
                char pc = pattern.charAt(p);
                boolean wild = literal == null || !literal[p];
                if (wild && pc == '*') {
                    starP = p++;
                    starV = v;
                    continue;
                }
                if ((wild && pc == '?') || same(pc, value.charAt(v), ignoreCase)) {
                    p++;
                    v++;
                    continue;
                }
            }
            if (starP < 0) {
                return false;
            }
            p = starP + 1;
            v = ++starV;
        }
        return onlyStarsFrom(pattern, literal, p);
    }

    /** Whether the pattern holds nothing but wildcard {@code *} from {@code p} on, which match the empty rest. */
    private static boolean onlyStarsFrom(String pattern, boolean @Nullable [] literal, int p) {
        int i = p;
        while (i < pattern.length() && pattern.charAt(i) == '*' && (literal == null || !literal[i])) {
            i++;
        }
        return i == pattern.length();
    }

    /** Whether the text holds an unescaped {@code *} or {@code ?}. */
    public static boolean hasWildcard(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
    }

    private static boolean same(char a, char b, boolean ignoreCase) {
        if (a == b) {
            return true;
        }
        return ignoreCase && Character.toLowerCase(a) == Character.toLowerCase(b);
    }
}
