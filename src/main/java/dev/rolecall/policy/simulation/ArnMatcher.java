package dev.rolecall.policy.simulation;

import dev.rolecall.policy.model.Wildcard;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * ArnEquals / ArnLike (which AWS evaluates alike): both values must have the six colon-separated
 * parts of an ARN, and each part matches separately, case-sensitively, with {@code *} and {@code ?}
 * wildcards that do not cross a colon in the first five parts.
 */
final class ArnMatcher {

    private ArnMatcher() {}

    static boolean matches(Variables.Resolved pattern, String value) {
        int[] patternBounds = bounds(pattern.text());
        int[] valueBounds = bounds(value);
        if (patternBounds == null || valueBounds == null) {
            return false;
        }
        for (int part = 0; part < 6; part++) {
            int ps = patternBounds[part * 2];
            int pe = patternBounds[part * 2 + 1];
            String patternPart = pattern.text().substring(ps, pe);
            boolean[] literal = pattern.literal() == null ? null : Arrays.copyOfRange(pattern.literal(), ps, pe);
            String valuePart = value.substring(valueBounds[part * 2], valueBounds[part * 2 + 1]);
            if (!Wildcard.matches(patternPart, literal, valuePart, false)) {
                return false;
            }
        }
        return true;
    }

    /** Start and end of each of the six parts; null when the text is not an ARN. */
    private static int @Nullable [] bounds(String arn) {
        if (!arn.startsWith("arn:")) {
            return null;
        }
        int[] bounds = new int[12];
        int start = 0;
        int part = 0;
        for (int i = 0; i < arn.length() && part < 5; i++) {
            if (arn.charAt(i) == ':') {
                bounds[part * 2] = start;
                bounds[part * 2 + 1] = i;
                part++;
                start = i + 1;
            }
        }
        if (part < 5) {
            return null;
        }
        bounds[10] = start;
        bounds[11] = arn.length();
        return bounds;
    }
}
