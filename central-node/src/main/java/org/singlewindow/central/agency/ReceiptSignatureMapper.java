package org.singlewindow.central.agency;

import java.time.Instant;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The {@code receipt_signature} table. */
@Mapper
public interface ReceiptSignatureMapper {

    int insert(@Param("receiptId") String receiptId, @Param("agency") String agency,
               @Param("declarationId") String declarationId, @Param("content") String content,
               @Param("signature") String signature, @Param("verifiedAt") Instant verifiedAt);

    /** The signature kept with a receipt, or null. */
    String signatureOf(@Param("receiptId") String receiptId, @Param("agency") String agency);
}
