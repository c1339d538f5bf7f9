package org.singlewindow.central.requests;

import java.time.Instant;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The {@code request_nonce} table. */
@Mapper
public interface NonceMapper {

    /** Records a nonce; a second insert of the same purpose and nonce violates the primary key. */
    int insert(@Param("purpose") String purpose, @Param("nonce") String nonce, @Param("usedAt") Instant usedAt);

    /** Forgets at most {@code limit} nonces used before {@code before}; returns how many. */
    int deleteUsedBefore(@Param("before") Instant before, @Param("limit") int limit);
}
