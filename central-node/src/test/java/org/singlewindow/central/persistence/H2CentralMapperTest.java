package org.singlewindow.central.persistence;

import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.test.context.TestPropertySource;

/** This role's mappers on H2 in MySQL mode, the local federation's database. */
@MybatisTest
@TestPropertySource(properties =
        "spring.datasource.url=jdbc:h2:mem:central-mapper-test;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1")
class H2CentralMapperTest extends CentralMapperContract {
}
