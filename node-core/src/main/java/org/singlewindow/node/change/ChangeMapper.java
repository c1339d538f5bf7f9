package org.singlewindow.node.change;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.singlewindow.node.atrest.SealedText;

/** The change tables, and the declaration row's change columns. SQL in {@code ChangeMapper.xml}. */
@Mapper
public interface ChangeMapper {

    int insertChange(ChangeRow row);

    /** A cancellation's signature, kept with its request. */
    int keepSignature(@Param("id") String id, @Param("signature") String signature);

    ChangeRow findChange(@Param("id") String id);

    List<ChangeRow> changesOf(@Param("declarationId") String declarationId);

    ChangeRow findByHash(@Param("declarationId") String declarationId, @Param("requestHash") String requestHash);

    /** Moves a change to {@code state} unless it is final already; 0 when it was. */
    int moveChange(@Param("id") String id, @Param("state") String state, @Param("detail") String detail,
                   @Param("decidedAt") Instant decidedAt);

    /** REQUESTED → OPEN; 0 when it had moved on. */
    int markOpen(@Param("id") String id);

    int insertVersion(VersionRow row);

    VersionRow findVersion(@Param("declarationId") String declarationId, @Param("version") int version);

    List<VersionRow> versionsOf(@Param("declarationId") String declarationId);

    int insertAnswer(AnswerRow row);

    List<AnswerRow> answersOf(@Param("changeId") String changeId);

    /** Records an agency's answer while it is PENDING; 0 when it answered before. */
    int answer(@Param("changeId") String changeId, @Param("agency") String agency, @Param("decision") String decision,
               @Param("code") String code, @Param("message") String message, @Param("at") Instant at);

    DeclarationChangeState stateOf(@Param("id") String declarationId);

    int setOpenChange(@Param("id") String declarationId, @Param("changeId") String changeId);

    int clearOpenChange(@Param("id") String declarationId, @Param("changeId") String changeId);

    /** Makes a version current: the declaration row carries its document from now on. */
    int makeCurrent(@Param("id") String declarationId, @Param("version") int version,
                    @Param("payload") SealedText payload, @Param("at") Instant at);

    int handOver(@Param("id") String declarationId, @Param("at") Instant at);
}
