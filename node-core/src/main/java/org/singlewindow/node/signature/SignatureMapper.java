package org.singlewindow.node.signature;

import java.time.Instant;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The {@code document_signature} table. */
@Mapper
public interface SignatureMapper {

    int insert(@Param("declarationId") String declarationId, @Param("signature") String signature,
               @Param("signer") String signer, @Param("verifiedAt") Instant verifiedAt,
               @Param("validAt") Instant validAt);

    String signatureOf(@Param("declarationId") String declarationId);
}
