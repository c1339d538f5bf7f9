package org.singlewindow.international;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The {@code as4_message} table. */
@Mapper
public interface As4MessageMapper {

    /** Inserts; a message id seen before fails with a duplicate key. */
    int insert(As4MessageRow row);

    As4MessageRow find(@Param("messageId") String messageId);

    /** OUT messages PENDING whose next attempt is due, oldest first. */
    List<As4MessageRow> due(@Param("now") Instant now, @Param("limit") int limit);

    /** IN certificates not yet handed to GACC whose (next) handover is due, oldest first. */
    List<As4MessageRow> received(@Param("now") Instant now, @Param("limit") int limit);

    /** Records a failed handover of an IN message: the error, and when to try again. */
    int handoverFailed(@Param("messageId") String messageId, @Param("next") Instant next,
                       @Param("error") String error, @Param("at") Instant at);

    /** How many OUT messages of {@code document} a conversation has (a certificate goes abroad once). */
    int countOut(@Param("conversationId") String conversationId, @Param("document") String document);

    /** Records an attempt's outcome if the row still is as the caller read it (attempts unchanged). */
    int attempted(@Param("messageId") String messageId, @Param("attempts") int attempts,
                  @Param("status") String status, @Param("next") Instant next, @Param("error") String error,
                  @Param("receipt") String receipt, @Param("at") Instant at);

    /**
     * Records the result of an IN message (GACC's with what it signed and its signature, or the partner's for our
     * message) and marks it ANSWERED.
     */
    int answered(@Param("messageId") String messageId, @Param("status") String status,
                 @Param("message") String message, @Param("signed") String signed,
                 @Param("signature") String signature, @Param("at") Instant at);

    /** Records on an OUT message the result its partner sent back. */
    int resultOf(@Param("messageId") String messageId, @Param("status") String status,
                 @Param("message") String message, @Param("at") Instant at);

    /** The latest messages, without payloads and receipts, for operators. */
    List<As4MessageRow> latest(@Param("limit") int limit);
}
