package dev.rolecall.identity;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The admin's people page: the local users from configuration, and everyone who has signed in
 * through the organisation's provider with their roles, team and groups as last seen. Admins only
 * ({@code /admin/**} in {@link SecurityConfiguration}); each view is recorded in the audit trail.
 */
@Controller
class PeopleController {

    private final UserDirectory localUsers;
    private final SsoPeople ssoPeople;
    private final SignInMethods methods;

    PeopleController(UserDirectory localUsers, SsoPeople ssoPeople, SignInMethods methods) {
        this.localUsers = localUsers;
        this.ssoPeople = ssoPeople;
        this.methods = methods;
    }

    @GetMapping("/admin/people")
    String people(Model model) {
        model.addAttribute(
                "localUsers",
                localUsers.localUsers().stream().map(LocalUser::of).toList());
        model.addAttribute("localSignIn", methods.localSignIn());
        model.addAttribute("ssoEnabled", methods.sso().enabled());
        model.addAttribute("ssoName", methods.sso().name());
        model.addAttribute("ssoPeople", ssoPeople.recent());
        model.addAttribute("disabledPeople", ssoPeople.disabledNames());
        model.addAttribute("ssoLimit", SsoPeople.PAGE_LIMIT);
        return "identity/people";
    }

    /** A local user as a row: roles in the order of {@link Role}. */
    record LocalUser(
            String username, List<Role> roles, @Nullable String team) {

        static LocalUser of(CurrentUser user) {
            return new LocalUser(
                    user.username(),
                    Arrays.stream(Role.values()).filter(user::has).toList(),
                    user.team());
        }
    }
}
