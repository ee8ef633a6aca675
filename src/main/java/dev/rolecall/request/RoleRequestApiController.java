package dev.rolecall.request;

import dev.rolecall.identity.CurrentUser;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The JSON API for automation (CI pipelines): file and follow role requests. */
@RestController
@RequestMapping(path = "/api/v1/role-requests", produces = MediaType.APPLICATION_JSON_VALUE)
class RoleRequestApiController {

    private final RoleRequestService requests;

    RoleRequestApiController(RoleRequestService requests) {
        this.requests = requests;
    }

    /** Files and submits a request; it ends IN_REVIEW. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RoleRequestResource> create(@RequestBody RoleRequestPayload payload, CurrentUser user) {
        RoleRequestPayload.Result result = payload.toCommand();
        RoleRequestView created = requests.submit(result.command(), result.problems(), user);
        return ResponseEntity.created(URI.create("/api/v1/role-requests/" + created.id()))
                .body(RoleRequestResource.of(created));
    }

    @GetMapping("/{id}")
    RoleRequestResource get(@PathVariable RoleRequestId id, CurrentUser user) {
        return RoleRequestResource.of(requests.get(id, user));
    }

    /** Retries a failed apply from the failed step: 202, the request now APPLYING. */
    @PostMapping("/{id}/retry")
    ResponseEntity<RoleRequestResource> retry(@PathVariable RoleRequestId id, CurrentUser user) {
        return ResponseEntity.accepted().body(RoleRequestResource.of(requests.retry(id, null, user)));
    }

    /** The requests the caller may see, newest first; a page or size out of bounds is a 400. */
    @GetMapping
    PageResource list(
            @RequestParam(required = false) @Nullable RoleRequestStatus status,
            @RequestParam(defaultValue = "0")
                    @Min(value = 0, message = Paging.PAGE_RANGE)
                    @Max(value = Paging.MAX_PAGE, message = Paging.PAGE_RANGE)
                    int page,
            @RequestParam(defaultValue = "20")
                    @Min(value = 1, message = Paging.SIZE_RANGE)
                    @Max(value = Paging.MAX_SIZE, message = Paging.SIZE_RANGE)
                    int size,
            CurrentUser user) {
        PageRequest pageable = PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt"));
        Page<RoleRequestSummary> found = requests.list(user, status, pageable);
        return new PageResource(
                found.getContent(),
                found.getNumber(),
                found.getSize(),
                found.getTotalElements(),
                found.getTotalPages());
    }

    /** One page of requests. */
    record PageResource(List<RoleRequestSummary> items, int page, int size, long totalElements, int totalPages) {}
}
