package org.singlewindow.node.outbox;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The {@code outbox} table. */
@Mapper
public interface OutboxMapper {

    int insert(OutboxRow row);

    /**
     * The oldest rows waiting (not parked), locked for this transaction; rows another relay holds are skipped
     * ({@code FOR UPDATE SKIP LOCKED}), so two relays never publish the same row.
     */
    List<OutboxRow> claim(@Param("limit") int limit);

    /**
     * Removes a published row. One row per statement, by primary key, so that it locks that row only: MariaDB scans a
     * small table for {@code id in (...)}, waiting on every row another relay or an inserting transaction holds.
     */
    int delete(@Param("id") long id);

    /** Sets a row aside with the reason; the relay no longer picks it. */
    int park(@Param("id") long id, @Param("reason") String reason, @Param("at") Instant at);

    List<OutboxRow> parked(@Param("limit") int limit);

    /** Puts a parked row back in line; 0 when it is not parked. */
    int unpark(@Param("id") long id);

    /** Removes a parked row; 0 when it is not parked. */
    int deleteParked(@Param("id") long id);

    long count();
}
