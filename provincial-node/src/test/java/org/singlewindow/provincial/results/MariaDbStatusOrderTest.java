package org.singlewindow.provincial.results;

import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.singlewindow.node.persistence.OnMariaDb;

/** Status order and concurrency on the machine's MariaDB server, through mysql-connector-j. */
@MybatisTest
@OnMariaDb
class MariaDbStatusOrderTest extends StatusOrderContract {
}
