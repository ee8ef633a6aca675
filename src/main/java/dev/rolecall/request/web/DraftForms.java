package dev.rolecall.request.web;

import dev.rolecall.request.RequestKind;
import dev.rolecall.request.RoleRequestView;
import dev.rolecall.request.draft.DraftContent;
import dev.rolecall.request.draft.RequestDraft;
import dev.rolecall.request.problems.RequestDraftNotFoundException;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The request form as a draft keeps it: every field as typed, in JSON, and back. Fields the form
 * no longer has are dropped when a draft reopens; fields it gained start at their defaults.
 */
final class DraftForms {

    /** What a copy's role name ends with, so that it never starts as the name of the role it copies. */
    static final String COPY_SUFFIX = "-copy";

    private static final int MAX_ROLE_NAME = 64;

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private DraftForms() {}

    /** What a save stores: the form, and the account and role name its list shows. */
    static DraftContent content(RoleRequestForm form) {
        return new DraftContent(
                form.requestKind(),
                form.getAccountId().strip(),
                form.getRoleName().strip(),
                JSON.writeValueAsString(form));
    }

    /** The form as the draft was saved; its kind is the draft's. */
    static RoleRequestForm form(RequestDraft draft) {
        RoleRequestForm form = JSON.readValue(draft.form(), RoleRequestForm.class);
        form.setKind(draft.kind().name());
        return form;
    }

    /**
     * A new request filled in with the current revision of another: a CREATE of a role whose name
     * ends in {@value #COPY_SUFFIX} (the person names it), with no justification (the reason is the
     * new request's own). A copy never asks to change an existing role: that starts from the live
     * role, with "Request a change" on the role's page.
     */
    static RoleRequestForm copyOf(RoleRequestView source, Set<String> knownAccounts) {
        RoleRequestForm form = RoleRequestFormMapper.toForm(source.spec(), "", knownAccounts);
        form.setKind(RequestKind.CREATE.name());
        form.setRoleName(copyName(source.spec().roleName()));
        return form;
    }

    /** The role name with {@value #COPY_SUFFIX}, shortened to fit IAM's 64 characters. */
    static String copyName(String roleName) {
        String base = roleName.length() > MAX_ROLE_NAME - COPY_SUFFIX.length()
                ? roleName.substring(0, MAX_ROLE_NAME - COPY_SUFFIX.length())
                : roleName;
        return base + COPY_SUFFIX;
    }

    /** A draft id from a path; text that is no id names no draft (404). */
    static UUID id(String text) {
        try {
            UUID id = UUID.fromString(text);
            if (id.toString().equalsIgnoreCase(text)) {
                return id;
            }
        } catch (IllegalArgumentException notAnId) {
            // answered below, like an unknown id
        }
        throw new RequestDraftNotFoundException(text);
    }
}
