package dev.rolecall.request;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Requests as aggregates, one at a time, and a few lookups in SQL ({@link RoleRequestLookups}); lists
 * are read by {@link RoleRequestListing}.
 */
interface RoleRequestRepository extends JpaRepository<RoleRequest, UUID>, RoleRequestLookups {}
