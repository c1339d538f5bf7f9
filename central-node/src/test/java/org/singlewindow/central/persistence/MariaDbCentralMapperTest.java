package org.singlewindow.central.persistence;

import java.sql.SQLException;

import org.junit.jupiter.api.AfterAll;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.singlewindow.node.persistence.MariaDb;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** This role's mappers on the real MariaDB server of this machine, in a database of their own. */
@MybatisTest
class MariaDbCentralMapperTest extends CentralMapperContract {

    private static MariaDb database;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws SQLException {
        database = MariaDb.registeredIn(registry);
    }

    @AfterAll
    static void drop() throws SQLException {
        database.drop();
    }
}
