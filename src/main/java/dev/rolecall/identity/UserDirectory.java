package dev.rolecall.identity;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** The people who may sign in, with their roles and team. */
@Service
public class UserDirectory implements UserDetailsService {

    private static final Logger log = LoggerFactory.getLogger(UserDirectory.class);

    /** The kind of hash Spring's dummy check for unknown names uses. */
    private static final Pattern SAME_COST_AS_UNKNOWN_NAMES = Pattern.compile("\\{bcrypt}\\$2[aby]?\\$10\\$.+");

    private final Map<String, CurrentUser> users = new LinkedHashMap<>();
    private final Map<String, String> passwordHashes = new LinkedHashMap<>();
    private final boolean demo;

    UserDirectory(IdentityProperties properties) {
        this.demo = properties.demo();
        for (IdentityProperties.LocalUser user : properties.users()) {
            if (!SAME_COST_AS_UNKNOWN_NAMES.matcher(user.passwordHash()).matches()) {
                log.warn(
                        "The password hash of user {} is not {bcrypt} with cost 10. An unknown name is checked "
                                + "against a bcrypt hash of cost 10, so a different hash takes a different time to "
                                + "check and tells this name apart from names that do not exist.",
                        user.username());
            }
            Set<Role> roles = EnumSet.of(Role.REQUESTER);
            roles.addAll(user.roles());
            users.put(user.username(), new CurrentUser(user.username(), user.team(), roles));
            passwordHashes.put(user.username(), user.passwordHash());
        }
    }

    /** Looks a person up by sign-in name. */
    public Optional<CurrentUser> find(String username) {
        return Optional.ofNullable(users.get(username));
    }

    /** Everyone who may sign in, in configuration order. */
    public List<CurrentUser> all() {
        return List.copyOf(users.values());
    }

    /** Whether the configured users are the well-known demo users. */
    public boolean isDemo() {
        return demo;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        CurrentUser user = users.get(username);
        if (user == null) {
            throw new UsernameNotFoundException("unknown user");
        }
        return User.withUsername(username)
                .password(passwordHashes.get(username))
                .authorities(user.roles().stream().map(Role::authority).toArray(String[]::new))
                .build();
    }
}
