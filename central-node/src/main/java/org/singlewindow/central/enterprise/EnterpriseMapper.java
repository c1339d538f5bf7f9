package org.singlewindow.central.enterprise;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The {@code enterprise} and {@code portal_user} tables. SQL in {@code EnterpriseMapper.xml} beside this path. */
@Mapper
public interface EnterpriseMapper {

    int insert(Enterprise enterprise);

    Enterprise find(@Param("uscc") String uscc);

    /** Binds another certificate to a registered enterprise. */
    int updateCertificate(@Param("uscc") String uscc, @Param("certificate") String certificate,
                          @Param("certSha256") String certSha256);

    int insertUser(UserAccount user);

    UserAccount findUser(@Param("username") String username);

    /** Enables or disables a portal user; returns 0 for an unknown user. */
    int setUserEnabled(@Param("username") String username, @Param("enabled") boolean enabled);

    List<UserAccount> users(@Param("uscc") String uscc);
}
