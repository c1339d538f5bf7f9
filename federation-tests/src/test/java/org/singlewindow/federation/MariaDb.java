package org.singlewindow.federation;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A database of its own on the machine's MariaDB server (127.0.0.1:3306, root, empty password; override with
 * {@code -Dsw.test.mysql.url}, {@code .user}, {@code .password}), created on construction, dropped on request.
 */
final class MariaDb {

    private static final String SERVER = System.getProperty("sw.test.mysql.url", "jdbc:mysql://127.0.0.1:3306/");
    private static final String USER = System.getProperty("sw.test.mysql.user", "root");
    private static final String PASSWORD = System.getProperty("sw.test.mysql.password", "");

    private final String name = "sw_federation_" + UUID.randomUUID().toString().substring(0, 8);

    MariaDb() throws SQLException {
        execute("create database " + name + " character set utf8mb4 collate utf8mb4_bin");
    }

    /** Spring Boot arguments pointing a node's datasource at this database through mysql-connector-j. */
    String[] springArguments() {
        return new String[]{
                "--spring.datasource.url=" + SERVER + name + "?connectionTimeZone=UTC",
                "--spring.datasource.username=" + USER,
                "--spring.datasource.password=" + PASSWORD,
                "--spring.datasource.driver-class-name=com.mysql.cj.jdbc.Driver"};
    }

    void drop() throws SQLException {
        execute("drop database if exists " + name);
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
