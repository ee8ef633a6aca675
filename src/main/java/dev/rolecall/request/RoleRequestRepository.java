package dev.rolecall.request;

import java.util.Collection;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface RoleRequestRepository extends JpaRepository<RoleRequest, UUID> {

    Page<RoleRequest> findByStatusIn(Collection<RoleRequestStatus> statuses, Pageable pageable);

    Page<RoleRequest> findByRequesterAndStatusIn(
            String requester, Collection<RoleRequestStatus> statuses, Pageable pageable);

    Page<RoleRequest> findByStatusAndRequesterNot(RoleRequestStatus status, String requester, Pageable pageable);
}
