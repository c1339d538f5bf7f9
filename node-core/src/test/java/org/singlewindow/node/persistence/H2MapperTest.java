package org.singlewindow.node.persistence;

import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.test.context.TestPropertySource;

/** The mappers and migrations on H2 in MySQL mode, the local federation's database. */
@MybatisTest
@TestPropertySource(properties =
        "spring.datasource.url=jdbc:h2:mem:mapper-test;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1")
class H2MapperTest extends MapperContract {
}
