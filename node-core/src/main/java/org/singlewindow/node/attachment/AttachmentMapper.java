package org.singlewindow.node.attachment;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The {@code attachment}, {@code declaration_attachment} and {@code attachment_piece} tables. */
@Mapper
public interface AttachmentMapper {

    int insert(AttachmentRow row);

    AttachmentRow find(@Param("sm3") String sm3, @Param("owner") String owner);

    /** The attachments a document names, as they stand at this node. */
    List<AttachmentRow> ofDeclaration(@Param("declarationId") String declarationId);

    int link(@Param("declarationId") String declarationId, @Param("sm3") String sm3, @Param("owner") String owner,
             @Param("version") int version);

    int linked(@Param("declarationId") String declarationId, @Param("sm3") String sm3);

    int complete(@Param("sm3") String sm3, @Param("owner") String owner);

    /** Records that piece {@code index} arrived; 0 when it had before. */
    int piece(@Param("sm3") String sm3, @Param("index") int index);

    int pieces(@Param("sm3") String sm3);

    /** Starts shipping a file (once: 0 when it was started before). */
    int startTransfer(@Param("sm3") String sm3, @Param("owner") String owner, @Param("pieces") int pieces,
                      @Param("at") java.time.Instant at);

    /** How far a transfer got, locked until the transaction ends; null when there is none (or it ended). */
    Integer lockTransfer(@Param("sm3") String sm3, @Param("owner") String owner);

    int advanceTransfer(@Param("sm3") String sm3, @Param("owner") String owner, @Param("next") int next);

    int endTransfer(@Param("sm3") String sm3, @Param("owner") String owner);

    /** How far a file's transfer got: the pieces with the broker, of how many; null when none is under way. */
    AttachmentTravel.Progress progressOf(@Param("sm3") String sm3, @Param("owner") String owner);

    /** Transfers not finished, oldest first: {@code sm3} and {@code owner} of each. */
    List<AttachmentRow> unfinishedTransfers();
}
