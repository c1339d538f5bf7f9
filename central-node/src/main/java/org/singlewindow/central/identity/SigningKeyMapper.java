package org.singlewindow.central.identity;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The {@code identity_signing_key} and {@code oauth2_authorization} tables, as central's instances share them. */
@Mapper
public interface SigningKeyMapper {

    /** Every key, oldest start of signing first. */
    List<SigningKeyRow> all();

    int insert(SigningKeyRow row);

    int delete(@Param("kid") String kid);

    /**
     * Forgets at most {@code limit} authorizations none of whose codes or tokens is valid after {@code before};
     * returns how many.
     */
    int deleteAuthorizationsExpiredBefore(@Param("before") Instant before, @Param("limit") int limit);
}
