package org.singlewindow.provincial.change;

import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.test.context.TestPropertySource;

/** Changes racing receipts on H2 in MySQL mode (with the node's lock timeout), the local database. */
@MybatisTest
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:change-order;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
        + "DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000")
class H2ChangeStatusOrderTest extends ChangeStatusOrderContract {
}
