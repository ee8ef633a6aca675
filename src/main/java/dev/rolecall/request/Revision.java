package dev.rolecall.request;

import dev.rolecall.request.spec.RoleSpecConverter;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A submitted revision of a request, kept so that reviewers can compare revisions. */
@Entity
@Table(name = "role_request_revision")
class Revision {

    @Id
    private UUID id;

    private int revision;

    @Convert(converter = RoleSpecConverter.class)
    private RoleSpec spec;

    private String justification;

    private String submittedBy;

    private Instant submittedAt;

    protected Revision() {}

    Revision(int revision, RoleSpec spec, String justification, String submittedBy, Instant submittedAt) {
        this.id = UUID.randomUUID();
        this.revision = revision;
        this.spec = spec;
        this.justification = justification;
        this.submittedBy = submittedBy;
        this.submittedAt = submittedAt;
    }

    int revision() {
        return revision;
    }

    RoleSpec spec() {
        return spec;
    }

    String submittedBy() {
        return submittedBy;
    }

    RevisionView toView() {
        return new RevisionView(revision, spec, justification, submittedBy, submittedAt);
    }
}
