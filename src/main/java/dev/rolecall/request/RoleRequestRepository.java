package dev.rolecall.request;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Requests as aggregates, one at a time; lists are read by {@link RoleRequestListing}. */
interface RoleRequestRepository extends JpaRepository<RoleRequest, UUID> {

    /** Requests in review whose current revision has a waiting stage past its SLA, not yet marked. */
    @Query("""
            select r.id from RoleRequest r join r.stages s
            where s.dueAt <= :now and s.passedAt is null and s.overdueAt is null
              and s.revision = r.revision
              and (r.status = dev.rolecall.request.RoleRequestStatus.IN_REVIEW
                   or (r.emergencyReason is not null and r.emergencyReview is null))
            order by s.dueAt""")
    List<UUID> findWithStagePastSla(Instant now, Limit limit);

    /** The open IMPORT requests of a role (at most one; see V93): filed, in review, approved or applying. */
    @Query("""
            SELECT r.id FROM RoleRequest r
            WHERE r.kind = dev.rolecall.request.RequestKind.IMPORT AND r.accountId = :account
              AND r.roleName = :role AND r.status IN :open""")
    List<UUID> findOpenImports(
            @Param("account") String account,
            @Param("role") String role,
            @Param("open") java.util.Collection<RoleRequestStatus> open);

    /** The emergencies among these requests, with how their review after the fact stands. */
    @Query("""
            SELECT new dev.rolecall.request.EmergencyRow(r.id, r.emergencyReason, r.emergencyReview)
            FROM RoleRequest r WHERE r.id IN :ids AND r.emergencyReason IS NOT NULL""")
    List<EmergencyRow> findEmergencies(@Param("ids") java.util.Collection<UUID> ids);
}
