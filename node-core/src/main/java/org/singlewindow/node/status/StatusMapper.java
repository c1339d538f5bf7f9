package org.singlewindow.node.status;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The {@code declaration_event} and {@code declaration_agency} tables, and the {@code declaration} row's status. */
@Mapper
public interface StatusMapper {

    /**
     * The declaration's current status, its row locked until the transaction ends: every change to a
     * declaration's status (receipts, dispatch notices, re-derivation) takes this lock first, so changes to one
     * declaration are applied one at a time, whatever order and concurrency they arrive in. Null when unknown.
     */
    String lockStatus(@Param("id") String id);

    /** Moves the projected status; returns 0 when the row is already in that status. */
    int updateStatus(@Param("id") String id, @Param("status") String status, @Param("at") Instant at);

    /** Appends an event; a second event with the same non-null key violates {@code uk_declaration_event_key}. */
    int insertEvent(EventRow event);

    List<Long> eventsWithKey(@Param("eventKey") String eventKey);

    List<EventRow> eventsAfter(@Param("declarationId") String declarationId, @Param("afterId") long afterId);

    /** Inserts the agency row; a second row for the same declaration and agency violates the primary key. */
    int insertAgency(AgencyRow row);

    List<AgencyRow> agencies(@Param("declarationId") String declarationId);

    /** The rule of an agency row, or null when the declaration has no row for that agency. */
    String agencyRule(@Param("declarationId") String declarationId, @Param("agency") String agency);

    /** Records the routing decision of an agency row a receipt created before the routing was known. */
    int decideAgency(@Param("declarationId") String declarationId, @Param("agency") String agency,
                     @Param("decision") RoutingDecision decision, @Param("granted") String granted);

    /**
     * Moves an agency's status forward: a later stage always wins; within a non-final stage the newer receipt
     * wins; the first final status is kept. Returns 1 when the status changed.
     */
    int advanceAgency(@Param("declarationId") String declarationId, @Param("agency") String agency,
                      @Param("status") String status, @Param("stage") int stage, @Param("at") Instant at);
}
