package dev.rolecall.request.web;

import dev.rolecall.identity.CurrentUser;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestService.InboxTab;
import dev.rolecall.request.RoleRequestSlice;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The reviewer's inbox, oldest first, never their own requests: what waits on their groups, everything
 * in review, or what they decided; each row says which stage waits on whom and until when.
 */
@Controller
class InboxController {

    private final RoleRequestService requests;

    InboxController(RoleRequestService requests) {
        this.requests = requests;
    }

    @GetMapping("/inbox")
    String inbox(
            @RequestParam(defaultValue = "MY_GROUPS") InboxTab tab,
            @RequestParam(required = false) RoleRequestSlice.@Nullable Key older,
            @RequestParam(required = false) RoleRequestSlice.@Nullable Key newer,
            CurrentUser reviewer,
            Model model) {
        RoleRequestSlice page = requests.inbox(reviewer, tab, older, newer, RoleRequestController.PAGE_SIZE);
        model.addAttribute("requests", page);
        model.addAttribute("waiting", requests.waitingStages(page));
        model.addAttribute("tab", tab);
        model.addAttribute("tabs", InboxTab.values());
        model.addAttribute("paged", older != null || newer != null);
        return "approval/inbox";
    }
}
