package dev.rolecall.policy.findings;

import dev.rolecall.policy.PolicyAnalysisRequest;
import dev.rolecall.policy.PolicyLocation;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks the role's own fields against IAM's formats and quotas. */
final class RoleChecks {

    static final int MAX_TAGS = 50;
    private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    private static final Pattern PATH = Pattern.compile("/|/[\\u0021-\\u007E]+/");
    private static final Pattern DESCRIPTION =
            Pattern.compile("[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*");
    private static final Pattern TAG_TEXT = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    private final PolicyAnalysisRequest request;
    private final Findings findings;

    RoleChecks(PolicyAnalysisRequest request, Findings findings) {
        this.request = request;
        this.findings = findings;
    }

    void run() {
        String name = request.roleName();
        if (name != null && !ROLE_NAME.matcher(name).matches()) {
            findings.add(
                    FindingCode.ROLE_NAME_INVALID,
                    field("roleName"),
                    "Role name must be 1–64 characters: letters, digits and + = , . @ _ -");
        }
        String path = request.path();
        if (path != null && (path.length() > 512 || !PATH.matcher(path).matches())) {
            findings.add(
                    FindingCode.ROLE_PATH_INVALID,
                    field("path"),
                    "Path must be / or start and end with / (e.g. /ci/), at most 512 printable ASCII characters");
        }
        String description = request.description();
        if (description != null
                && (description.length() > 1000
                        || !DESCRIPTION.matcher(description).matches())) {
            findings.add(
                    FindingCode.ROLE_DESCRIPTION_INVALID,
                    field("description"),
                    "Description must be at most 1,000 printable Latin-1 characters");
        }
        Integer session = request.maxSessionDurationSeconds();
        if (session != null && (session < 3600 || session > 43200)) {
            findings.add(
                    FindingCode.SESSION_DURATION_INVALID,
                    field("maxSessionDurationSeconds"),
                    "Maximum session duration is " + session + " s; it must be 3600–43200 s (1–12 h)");
        }
        checkTags(request.tags());
        // The permissions boundary does not count against the quota of attached managed policies.
        request.limits()
                .checkManagedPolicyCount(
                        "managedPolicyArns", request.managedPolicyArns().size())
                .forEach(problem -> findings.add(
                        FindingCode.MANAGED_POLICIES_TOO_MANY, field("managedPolicyArns"), problem.message()));
        if (request.boundaryRequired()
                && request.permissionsBoundary() == null
                && request.permissionsBoundaryArn() == null) {
            findings.add(
                    FindingCode.BOUNDARY_REQUIRED,
                    field("permissionsBoundary"),
                    "This account requires a permissions boundary on every role");
        }
    }

    private void checkTags(Map<String, String> tags) {
        if (tags.size() > MAX_TAGS) {
            findings.add(
                    FindingCode.TAGS_INVALID,
                    field("tags"),
                    tags.size() + " tags; a role may have at most " + MAX_TAGS);
        }
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            String key = tag.getKey();
            String value = tag.getValue();
            if (key.isEmpty() || key.length() > 128 || !TAG_TEXT.matcher(key).matches()) {
                findings.add(
                        FindingCode.TAGS_INVALID,
                        field("tags." + key),
                        "Tag key \"" + key + "\" must be 1–128 letters, digits, spaces or _ . : / = + - @");
            } else if (key.regionMatches(true, 0, "aws:", 0, 4)) {
                findings.add(
                        FindingCode.TAGS_INVALID,
                        field("tags." + key),
                        "Tag key \"" + key + "\" must not start with aws:, which AWS reserves");
            }
            if (value.length() > 256 || !TAG_TEXT.matcher(value).matches()) {
                findings.add(
                        FindingCode.TAGS_INVALID,
                        field("tags." + key),
                        "Tag value of \"" + key + "\" must be at most 256 letters, digits, spaces or _ . : / = + - @");
            }
        }
    }

    static PolicyLocation field(String name) {
        return new PolicyLocation("", -1, null, name, 0, 0);
    }
}
