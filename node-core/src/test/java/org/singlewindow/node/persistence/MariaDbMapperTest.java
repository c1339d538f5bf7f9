package org.singlewindow.node.persistence;

import java.sql.SQLException;

import org.junit.jupiter.api.AfterAll;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The mappers and migrations on the real MariaDB server of this machine, in a database of their own. */
@MybatisTest
class MariaDbMapperTest extends MapperContract {

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
