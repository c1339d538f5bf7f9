package org.singlewindow.node.persistence;

import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;

/** The mappers and migrations on the real MariaDB server of this machine, in a database of their own. */
@MybatisTest
@OnMariaDb
class MariaDbMapperTest extends MapperContract {
}
