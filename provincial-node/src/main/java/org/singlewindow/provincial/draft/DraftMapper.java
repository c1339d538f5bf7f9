package org.singlewindow.provincial.draft;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.singlewindow.node.atrest.SealedText;

/** The {@code draft} table. */
@Mapper
public interface DraftMapper {

    int insert(DraftRow row);

    DraftRow find(@Param("id") String id);

    /** An enterprise's drafts, the last saved first. */
    List<DraftRow> ofOwner(@Param("owner") String owner, @Param("limit") int limit);

    int countOf(@Param("owner") String owner);

    /** Saves a new content over {@code revision}; 0 when the draft is gone or was saved since. */
    int save(@Param("id") String id, @Param("revision") int revision, @Param("documentType") String documentType,
             @Param("payload") SealedText payload, @Param("at") Instant at);

    int delete(@Param("id") String id);
}
