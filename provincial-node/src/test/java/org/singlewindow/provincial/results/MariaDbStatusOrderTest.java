package org.singlewindow.provincial.results;

import java.sql.SQLException;

import org.junit.jupiter.api.AfterAll;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.singlewindow.node.persistence.MariaDb;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Status order and concurrency on the machine's MariaDB server, through mysql-connector-j. */
@MybatisTest
class MariaDbStatusOrderTest extends StatusOrderContract {

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
