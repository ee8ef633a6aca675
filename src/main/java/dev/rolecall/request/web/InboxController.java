package dev.rolecall.request.web;

import dev.rolecall.identity.CurrentUser;
import dev.rolecall.request.RoleRequestService.InboxTab;
import dev.rolecall.request.inbox.InboxChoices;
import dev.rolecall.request.inbox.InboxCursor;
import dev.rolecall.request.inbox.InboxPage;
import dev.rolecall.request.inbox.InboxService;
import dev.rolecall.request.inbox.InboxSort;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The reviewer's inbox, never their own requests: what waits on their groups, everything in review,
 * or what they decided, filtered and sorted as the form above the rows asks (a GET form, so a page
 * can be linked and works without JavaScript; htmx swaps the inbox in place). Each row says which
 * stage waits on whom and until when. A filter value the console does not know is a field error and
 * lists nothing.
 */
@Controller
class InboxController {

    private final InboxService inbox;

    InboxController(InboxService inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/inbox")
    String inbox(
            @RequestParam(defaultValue = "MY_GROUPS") InboxTab tab,
            @RequestParam(name = "sort", defaultValue = "OLDEST") InboxSort asked,
            @RequestParam(required = false) @Nullable InboxCursor after,
            @RequestParam(required = false) @Nullable InboxCursor before,
            @ModelAttribute("filter") InboxFilterForm filter,
            BindingResult errors,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            CurrentUser reviewer,
            Model model,
            HttpServletResponse response) {
        InboxSort sort = InboxService.sortsOf(tab).contains(asked) ? asked : InboxSort.OLDEST;
        InboxChoices choices = inbox.choices();
        filter.check(choices, errors);
        InboxPage page = InboxPage.empty();
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        } else {
            page = inbox.page(reviewer, tab, filter.toFilter(), sort, after, before, RoleRequestController.PAGE_SIZE);
        }
        model.addAttribute("requests", page);
        model.addAttribute("waiting", page.waiting());
        model.addAttribute("tab", tab);
        model.addAttribute("tabs", InboxTab.values());
        model.addAttribute("sort", sort);
        model.addAttribute("sorts", InboxService.sortsOf(tab));
        model.addAttribute("choices", choices);
        model.addAttribute("links", new InboxLinks(tab, sort, filter.params()));
        model.addAttribute("paged", after != null || before != null);
        model.addAttribute("filterInvalid", errors.hasErrors());
        return htmx != null ? "approval/inbox :: inbox" : "approval/inbox";
    }
}
