package dev.rolecall.identity;

import java.io.Serial;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * The provider vouched for the person, but Rolecall does not let them in: their groups map to no
 * role, their name is missing, or the name belongs to someone else.
 */
final class SsoSignInRefusedException extends OAuth2AuthenticationException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** None of the person's groups maps to a Rolecall role. */
    static final String NO_MAPPED_ROLE = "no_mapped_role";

    /** The name is a local user's, or another subject of the provider had it first. */
    static final String NAME_TAKEN = "name_taken";

    /** An admin disabled the person in Rolecall. */
    static final String DISABLED = "disabled";

    /** The claim that names people in Rolecall is missing. */
    static final String NO_USERNAME = "no_username";

    private final @Nullable String username;
    private final List<String> groups;

    SsoSignInRefusedException(String reason, @Nullable String username, List<String> groups) {
        super(new OAuth2Error(reason), reason);
        this.username = username;
        this.groups = List.copyOf(groups);
    }

    String reason() {
        return getError().getErrorCode();
    }

    @Nullable
    String username() {
        return username;
    }

    List<String> groups() {
        return groups;
    }
}
