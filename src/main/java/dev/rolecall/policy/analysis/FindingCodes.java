package dev.rolecall.policy.analysis;

import dev.rolecall.policy.findings.FindingCode;
import java.util.Arrays;
import java.util.List;

/** The stable codes of every finding the analysis makes, for lists that filter on them. */
public final class FindingCodes {

    private static final List<String> ALL =
            Arrays.stream(FindingCode.values()).map(FindingCode::code).sorted().toList();

    private FindingCodes() {}

    /** Every code, in alphabetical order. */
    public static List<String> all() {
        return ALL;
    }

    /** Whether the analysis makes a finding with this code. */
    public static boolean isKnown(String code) {
        return ALL.contains(code);
    }
}
