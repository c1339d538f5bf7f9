package org.singlewindow.provincial.change;

import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.singlewindow.node.persistence.OnMariaDb;

/** Changes racing receipts on the machine's MariaDB server, through mysql-connector-j. */
@MybatisTest
@OnMariaDb
class MariaDbChangeStatusOrderTest extends ChangeStatusOrderContract {
}
