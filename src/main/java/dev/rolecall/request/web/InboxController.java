package dev.rolecall.request.web;

import dev.rolecall.identity.CurrentUser;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestSlice;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The reviewer's inbox: requests waiting for a decision that they did not file, oldest first. */
@Controller
class InboxController {

    private final RoleRequestService requests;

    InboxController(RoleRequestService requests) {
        this.requests = requests;
    }

    @GetMapping("/inbox")
    String inbox(
            @RequestParam(required = false) RoleRequestSlice.@Nullable Key older,
            @RequestParam(required = false) RoleRequestSlice.@Nullable Key newer,
            CurrentUser reviewer,
            Model model) {
        model.addAttribute("requests", requests.inbox(reviewer, older, newer, RoleRequestController.PAGE_SIZE));
        model.addAttribute("paged", older != null || newer != null);
        return "approval/inbox";
    }
}
