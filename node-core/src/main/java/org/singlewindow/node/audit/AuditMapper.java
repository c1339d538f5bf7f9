package org.singlewindow.node.audit;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.singlewindow.security.AuditRecord;

/** The {@code audit_record} and {@code audit_head} tables. */
@Mapper
public interface AuditMapper {

    /** Reads the head and locks it until the transaction ends: appenders queue here. */
    AuditHead lockHead();

    AuditHead head();

    int insert(AuditRecord record);

    int updateHead(@Param("seq") long seq, @Param("hash") String hash);

    /** Records from {@code afterSeq} on, in stored order, at most {@code limit}. */
    List<AuditRecord> page(@Param("afterSeq") long afterSeq, @Param("limit") int limit);
}
