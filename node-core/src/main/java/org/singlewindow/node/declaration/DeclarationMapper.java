package org.singlewindow.node.declaration;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The {@code declaration} table. SQL in {@code DeclarationMapper.xml} beside this interface's path. */
@Mapper
public interface DeclarationMapper {

    int insert(DeclarationRow row);

    DeclarationRow findById(@Param("id") String id);

    DeclarationRow findByReference(@Param("declarantUscc") String declarantUscc,
                                   @Param("clientReference") String clientReference);

    /**
     * The declaration's current status, its row locked until the transaction ends: every change to a
     * declaration's status (receipts, dispatch notices, re-derivation) takes this lock first, so changes to one
     * declaration are applied one at a time, whatever order and concurrency they arrive in. Null when unknown.
     */
    String lockStatus(@Param("id") String id);

    /** Moves the projected status; returns 0 when the row is already in that status. */
    int updateStatus(@Param("id") String id, @Param("status") String status, @Param("at") Instant at);

    /** A page of the declarations {@code filter} selects, newest first. */
    List<DeclarationRow> search(@Param("f") DeclarationFilter filter, @Param("limit") int limit,
                                @Param("offset") long offset);

    long count(@Param("f") DeclarationFilter filter);

    /** Keeps the HS codes of a declaration's goods, for searches by HS code. */
    int insertItems(@Param("declarationId") String declarationId, @Param("hsCodes") List<String> hsCodes);
}
