package org.singlewindow.node.declaration;

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

    /** A page of the declarations {@code filter} selects, newest first. */
    List<DeclarationRow> search(@Param("f") DeclarationFilter filter, @Param("limit") int limit,
                                @Param("offset") long offset);

    long count(@Param("f") DeclarationFilter filter);

    /** Keeps the HS codes of a declaration's goods, for searches by HS code. */
    int insertItems(@Param("declarationId") String declarationId, @Param("hsCodes") List<String> hsCodes);
}
