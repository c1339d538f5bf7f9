package org.singlewindow.node.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A database of its own on the machine's MariaDB server (127.0.0.1:3306, root, empty password, as set up by
 * {@code .ci/run}; override with {@code -Dsw.test.mysql.url=jdbc:mysql://host:port/}, {@code -Dsw.test.mysql.user},
 * {@code -Dsw.test.mysql.password}), created on construction, dropped on request. Reached through
 * mysql-connector-j, as in production. Shared with other modules through node-core's test jar: a Spring test takes
 * one with {@link OnMariaDb}, a test that starts nodes itself with {@link MariaDbExtension}.
 */
public final class MariaDb {

    private static final String SERVER = System.getProperty("sw.test.mysql.url", "jdbc:mysql://127.0.0.1:3306/");
    private static final String USER = System.getProperty("sw.test.mysql.user", "root");
    private static final String PASSWORD = System.getProperty("sw.test.mysql.password", "");

    private final String name = "sw_test_" + UUID.randomUUID().toString().substring(0, 8);

    public MariaDb() throws SQLException {
        execute("create database " + name + " character set utf8mb4 collate utf8mb4_bin");
    }

    /** JDBC URL of this database. */
    public String url() {
        return SERVER + name + "?connectionTimeZone=UTC";
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    /** The server's host and port, as {@code sw.test.mysql.url} names them. */
    public static java.net.URI server() {
        return java.net.URI.create(SERVER.substring("jdbc:".length()));
    }

    /** Spring Boot arguments pointing a node's datasource at this database. */
    public String[] springArguments() {
        return springArguments(url());
    }

    /** Spring Boot arguments pointing a node's datasource at this database through {@code host:port} (a proxy). */
    public String[] springArgumentsVia(String host, int port) {
        return springArguments("jdbc:mysql://" + host + ":" + port + "/" + name + "?connectionTimeZone=UTC");
    }

    private String[] springArguments(String url) {
        return new String[]{"--spring.datasource.url=" + url, "--spring.datasource.username=" + USER,
                "--spring.datasource.password=" + PASSWORD,
                "--spring.datasource.driver-class-name=com.mysql.cj.jdbc.Driver"};
    }

    public void drop() throws SQLException {
        execute("drop database if exists " + name);
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
