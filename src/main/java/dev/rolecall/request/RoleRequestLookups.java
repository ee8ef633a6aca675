package dev.rolecall.request;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The lookups of {@link RoleRequestRepository} that are not one aggregate by id: one SQL statement
 * each ({@link RoleRequestLookupsImpl}). Written in SQL rather than JPQL, so no query language is
 * parsed while the console starts.
 */
interface RoleRequestLookups {

    /**
     * Requests whose current revision has a waiting stage past its SLA, not yet marked: those in
     * review, and emergencies whose review after the fact still waits. Soonest due first.
     */
    List<UUID> findWithStagePastSla(Instant now, int limit);

    /** The open IMPORT requests of a role (at most one; see V93), in any of these statuses. */
    List<UUID> findOpenImports(String account, String role, Collection<RoleRequestStatus> open);

    /** The emergencies among these requests, with how their review after the fact stands. */
    List<EmergencyRow> findEmergencies(Collection<UUID> ids);
}
