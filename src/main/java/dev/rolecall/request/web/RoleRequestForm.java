package dev.rolecall.request.web;

import dev.rolecall.request.RequestKind;
import dev.rolecall.request.RoleSpec;
import dev.rolecall.request.spec.TrustChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The new-request form as the browser posts it. Never an entity: it has no status, requester or
 * decision to set. Policy documents arrive as JSON text and are parsed on conversion.
 */
public class RoleRequestForm {

    static final String EXAMPLE_TRUST_POLICY = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Effect": "Allow",
                  "Principal": { "Service": "lambda.amazonaws.com" },
                  "Action": "sts:AssumeRole"
                }
              ]
            }""";

    private String accountId = "";
    private String roleName = "";
    private String path = "/";
    private String description = "";
    private String trustPolicy = EXAMPLE_TRUST_POLICY;
    private String managedPolicyArns = "";
    private List<InlinePolicy> inlinePolicies = new ArrayList<>(List.of(new InlinePolicy()));
    private String permissionsBoundaryArn = "";
    private String maxSessionDurationSeconds = String.valueOf(RoleSpec.DEFAULT_SESSION_SECONDS);
    private List<Tag> tags = new ArrayList<>(List.of(new Tag(), new Tag()));
    private String expiresAt = "";
    private String justification = "";
    private TrustBuilderForm trust = new TrustBuilderForm();
    private String kind = RequestKind.CREATE.name();
    private boolean emergency;
    private String emergencyReason = "";

    /** One named inline policy. */
    public static class InlinePolicy {
        private String name = "";
        private String document = "";

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getDocument() {
            return document;
        }

        public void setDocument(String document) {
            this.document = document;
        }

        boolean isBlank() {
            return name.isBlank() && document.isBlank();
        }
    }

    /** One tag row. */
    static class Tag {
        private String key = "";
        private String value = "";

        public String getKey() {
            return key;
        }

        public void setKey(String key) {
            this.key = key;
        }

        public String getValue() {
            return value;
        }

        public void setValue(String value) {
            this.value = value;
        }

        boolean isBlank() {
            return key.isBlank() && value.isBlank();
        }
    }

    public String getAccountId() {
        return accountId;
    }

    public void setAccountId(String accountId) {
        this.accountId = accountId;
    }

    public String getRoleName() {
        return roleName;
    }

    public void setRoleName(String roleName) {
        this.roleName = roleName;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getTrustPolicy() {
        return trustPolicy;
    }

    public void setTrustPolicy(String trustPolicy) {
        this.trustPolicy = trustPolicy;
    }

    public String getManagedPolicyArns() {
        return managedPolicyArns;
    }

    public void setManagedPolicyArns(String managedPolicyArns) {
        this.managedPolicyArns = managedPolicyArns;
    }

    public List<InlinePolicy> getInlinePolicies() {
        return inlinePolicies;
    }

    public void setInlinePolicies(List<InlinePolicy> inlinePolicies) {
        this.inlinePolicies = inlinePolicies;
    }

    public String getPermissionsBoundaryArn() {
        return permissionsBoundaryArn;
    }

    public void setPermissionsBoundaryArn(String permissionsBoundaryArn) {
        this.permissionsBoundaryArn = permissionsBoundaryArn;
    }

    public String getMaxSessionDurationSeconds() {
        return maxSessionDurationSeconds;
    }

    public void setMaxSessionDurationSeconds(String maxSessionDurationSeconds) {
        this.maxSessionDurationSeconds = maxSessionDurationSeconds;
    }

    public List<Tag> getTags() {
        return tags;
    }

    public void setTags(List<Tag> tags) {
        this.tags = tags;
    }

    public String getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(String expiresAt) {
        this.expiresAt = expiresAt;
    }

    public String getJustification() {
        return justification;
    }

    public void setJustification(String justification) {
        this.justification = justification;
    }

    public TrustBuilderForm getTrust() {
        return trust;
    }

    public void setTrust(TrustBuilderForm trust) {
        this.trust = trust;
    }

    /**
     * A new request starts in the trust builder (an AWS service, source account pinned) with the
     * policy already written when the account is known.
     */
    void startWithTrustBuilder(Set<String> knownAccounts) {
        trust.setKind(TrustChoice.Kind.SERVICE);
        if (!accountId.isBlank()) {
            TrustBuilding.build(this, knownAccounts);
        }
    }

    /** CREATE for a new role, CHANGE for a change to an existing one: the form posts it back. */
    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    /** The kind the form asks for; anything but CHANGE files a new role. */
    RequestKind requestKind() {
        return RequestKind.CHANGE.name().equals(kind) ? RequestKind.CHANGE : RequestKind.CREATE;
    }

    /** Whether the form asks for a change to an existing role. */
    public boolean isChange() {
        return requestKind() == RequestKind.CHANGE;
    }

    /** Whether the filer breaks the glass: the request applies at once and is reviewed after the fact. */
    public boolean isEmergency() {
        return emergency;
    }

    public void setEmergency(boolean emergency) {
        this.emergency = emergency;
    }

    public String getEmergencyReason() {
        return emergencyReason;
    }

    public void setEmergencyReason(String emergencyReason) {
        this.emergencyReason = emergencyReason;
    }
}
