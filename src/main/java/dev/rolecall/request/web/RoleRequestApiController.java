package dev.rolecall.request.web;

import dev.rolecall.identity.CurrentUser;
import dev.rolecall.request.Paging;
import dev.rolecall.request.RoleRequestId;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestSlice;
import dev.rolecall.request.RoleRequestStatus;
import dev.rolecall.request.RoleRequestSummary;
import dev.rolecall.request.RoleRequestView;
import dev.rolecall.request.spec.FieldProblem;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
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
        List<FieldProblem> problems = new ArrayList<>(result.problems());
        if (payload.version() != null) {
            problems.add(new FieldProblem(
                    "version", "a new request has no version; to revise a request, PUT it to its own URL"));
        }
        RoleRequestView created = requests.submit(result.command(), problems, user);
        return ResponseEntity.created(URI.create("/api/v1/role-requests/" + created.id()))
                .body(RoleRequestResource.of(created));
    }

    /**
     * Files a new revision of the caller's request, in review or waiting for changes: 200 with the
     * request, back IN_REVIEW. 409 when {@code version} is not the current one or the request can
     * no longer be revised; 404 for requests the caller may not see; 400 per invalid field.
     */
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    RoleRequestResource revise(
            @PathVariable RoleRequestId id, @RequestBody RoleRequestPayload payload, CurrentUser user) {
        RoleRequestPayload.Result result = payload.toCommand();
        List<FieldProblem> problems = new ArrayList<>(result.problems());
        if (payload.version() == null) {
            problems.add(new FieldProblem(
                    "version",
                    "is required: the version you read, so that a revision never undoes a change you have not seen"));
        }
        return RoleRequestResource.of(requests.revise(id, payload.version(), result.command(), problems, user));
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

    /**
     * The requests the caller may see, newest first, a page at a time: {@code older} (or
     * {@code newer}) is the position the previous page handed out. A size out of bounds or a
     * position that is none is a 400.
     */
    @GetMapping
    PageResource list(
            @RequestParam(required = false) @Nullable RoleRequestStatus status,
            @RequestParam(required = false) RoleRequestSlice.@Nullable Key older,
            @RequestParam(required = false) RoleRequestSlice.@Nullable Key newer,
            @RequestParam(defaultValue = "20")
                    @Min(value = 1, message = Paging.SIZE_RANGE)
                    @Max(value = Paging.MAX_SIZE, message = Paging.SIZE_RANGE)
                    int size,
            CurrentUser user) {
        RoleRequestSlice found = requests.list(user, status, older, newer, size);
        return new PageResource(
                found.items(),
                size,
                found.older() == null ? null : found.older().toString(),
                found.newer() == null ? null : found.newer().toString());
    }

    /**
     * One page of requests.
     *
     * @param older the {@code older} parameter of the next page of older requests; null on the last
     * @param newer the {@code newer} parameter of the page of newer requests; null on the first
     */
    record PageResource(
            List<RoleRequestSummary> items,
            int size,
            @Nullable String older,
            @Nullable String newer) {}
}
