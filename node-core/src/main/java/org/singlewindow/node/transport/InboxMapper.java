package org.singlewindow.node.transport;

import java.time.Instant;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The {@code inbox} table: message ids a consumer has processed. */
@Mapper
public interface InboxMapper {

    /** Records a message id; a second insert of the same id and consumer violates the primary key. */
    int insert(@Param("messageId") String messageId, @Param("consumer") String consumer,
               @Param("receivedAt") Instant receivedAt);

    boolean exists(@Param("messageId") String messageId, @Param("consumer") String consumer);

    /** Forgets at most {@code limit} message ids received before {@code before}; returns how many. */
    int deleteReceivedBefore(@Param("before") java.time.Instant before, @Param("limit") int limit);
}
