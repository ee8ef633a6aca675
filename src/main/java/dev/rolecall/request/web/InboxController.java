package dev.rolecall.request.web;

import dev.rolecall.identity.CurrentUser;
import dev.rolecall.request.Paging;
import dev.rolecall.request.RoleRequestService;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The reviewer's inbox: requests waiting for a decision that they did not file. */
@Controller
class InboxController {

    private final RoleRequestService requests;

    InboxController(RoleRequestService requests) {
        this.requests = requests;
    }

    @GetMapping("/inbox")
    String inbox(
            @RequestParam(defaultValue = "0")
                    @Min(value = 0, message = Paging.PAGE_RANGE)
                    @Max(value = Paging.MAX_PAGE, message = Paging.PAGE_RANGE)
                    int page,
            CurrentUser reviewer,
            Model model) {
        model.addAttribute(
                "requests",
                requests.inbox(reviewer, PageRequest.of(page, 20, Sort.by(Sort.Direction.ASC, "createdAt"))));
        return "approval/inbox";
    }
}
