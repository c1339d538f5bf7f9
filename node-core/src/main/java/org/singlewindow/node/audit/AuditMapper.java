package org.singlewindow.node.audit;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.singlewindow.security.AuditCheckpoint;
import org.singlewindow.security.AuditRecord;

/** The {@code audit_record} and {@code audit_head} tables. */
@Mapper
public interface AuditMapper {

    /** Reads the head and locks it until the transaction ends: appenders queue here. */
    AuditHead lockHead();

    AuditHead head();

    int insert(AuditRecord record);

    int updateHead(@Param("seq") long seq, @Param("hash") String hash);

    int insertCheckpoint(AuditCheckpoint checkpoint);

    /** Every checkpoint, oldest first. */
    List<AuditCheckpoint> checkpoints();

    /** The sequence number of the newest checkpoint; null when there is none. */
    Long lastCheckpointSeq();

    /** When the first record after {@code seq} was recorded; null when there is none. */
    java.time.Instant firstRecordedAfter(@Param("seq") long seq);

    /** Records from {@code afterSeq} on, in stored order, at most {@code limit}. */
    List<AuditRecord> page(@Param("afterSeq") long afterSeq, @Param("limit") int limit);
}
