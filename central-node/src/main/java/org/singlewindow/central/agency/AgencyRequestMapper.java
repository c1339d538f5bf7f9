package org.singlewindow.central.agency;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The {@code agency_request} table. */
@Mapper
public interface AgencyRequestMapper {

    int insert(AgencyRequestRow row);

    /**
     * Requests whose agency received them (DELIVERED or later) but has not reached a final status, last sent before
     * {@code before}, oldest first.
     */
    List<AgencyRequestRow> unanswered(@Param("before") Instant before, @Param("limit") int limit);

    int asked(@Param("messageId") String messageId, @Param("at") Instant at);

    /** Forgets at most {@code limit} requests whose agency reached a final status. */
    int deleteAnswered(@Param("limit") int limit);
}
