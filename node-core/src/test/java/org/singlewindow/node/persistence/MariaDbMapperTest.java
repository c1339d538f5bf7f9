package org.singlewindow.node.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The mappers and migrations on the real MariaDB server of this machine (127.0.0.1:3306, root, empty password,
 * as set up by {@code .ci/run}), through mysql-connector-j as in production. Each run uses a database of its
 * own, dropped afterwards. Override the server with {@code -Dsw.test.mysql.url=jdbc:mysql://host:port/}.
 */
@MybatisTest
class MariaDbMapperTest extends MapperContract {

    private static final String SERVER = System.getProperty("sw.test.mysql.url", "jdbc:mysql://127.0.0.1:3306/");
    private static final String USER = System.getProperty("sw.test.mysql.user", "root");
    private static final String PASSWORD = System.getProperty("sw.test.mysql.password", "");
    private static final String DATABASE = "sw_mapper_" + UUID.randomUUID().toString().substring(0, 8);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws SQLException {
        execute("create database " + DATABASE + " character set utf8mb4 collate utf8mb4_bin");
        registry.add("spring.datasource.url", () -> SERVER + DATABASE
                + "?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&preserveInstants=true");
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
    }

    @AfterAll
    static void drop() throws SQLException {
        execute("drop database if exists " + DATABASE);
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
