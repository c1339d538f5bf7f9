package org.singlewindow.provincial.persistence;

import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.singlewindow.node.persistence.OnMariaDb;

/** This role's mappers on the real MariaDB server of this machine, in a database of their own. */
@MybatisTest
@OnMariaDb
class MariaDbProvincialMapperTest extends ProvincialMapperContract {
}
