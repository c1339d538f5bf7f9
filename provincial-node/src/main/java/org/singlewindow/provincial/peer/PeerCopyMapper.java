package org.singlewindow.provincial.peer;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The {@code peer_copy} table. */
@Mapper
public interface PeerCopyMapper {

    int insert(PeerCopyRow row);

    List<PeerCopyRow> latest(@Param("limit") int limit);

    List<PeerCopyRow> byDeclaration(@Param("declarationId") String declarationId);

    /** Deletes at most {@code limit} copies received before {@code before}; returns how many. */
    int deleteReceivedBefore(@Param("before") java.time.Instant before, @Param("limit") int limit);
}
