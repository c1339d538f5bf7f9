package org.singlewindow.central.delegation;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.singlewindow.node.delegation.Delegation;

/** The {@code delegation} table. SQL in {@code DelegationMapper.xml} beside this interface's path. */
@Mapper
public interface DelegationMapper {

    int insert(Delegation delegation);

    Delegation findById(@Param("id") String id);

    /** Every delegation, in force or not, from a principal to a broker. */
    List<Delegation> between(@Param("principalUscc") String principalUscc, @Param("brokerUscc") String brokerUscc);

    /** Delegations an enterprise gave or received, newest first. */
    List<Delegation> involving(@Param("uscc") String uscc);

    /** Revokes; returns 0 when it was already revoked. */
    int revoke(@Param("id") String id, @Param("at") Instant at, @Param("by") String by);
}
