package org.singlewindow.node.persistence;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * On MySQL and MariaDB (mysql-connector-j), the pool's connections prepare each statement once on the server and keep
 * it ({@code useServerPrepStmts}, {@code cachePrepStmts}), and keep their session state (auto-commit, isolation)
 * where the driver can answer without asking the server: the settings HikariCP recommends for Connector/J. Without
 * them the driver parses and escapes every statement and every bound text on the client, sealed document bodies
 * included (about a tenth of a central instance's CPU in the scaled benchmark), and each transaction costs extra
 * round trips. A setting named in the JDBC URL is left as the URL says; other databases are not touched.
 */
@Configuration(proxyBeanMethods = false)
public class MySqlConnections {

    /** Connector/J properties set unless the URL names them. */
    static final Map<String, String> SETTINGS = Map.of(
            "useServerPrepStmts", "true",
            "cachePrepStmts", "true",
            "prepStmtCacheSize", "250",
            "prepStmtCacheSqlLimit", "2048",
            "useLocalSessionState", "true",
            "elideSetAutoCommits", "true",
            "cacheServerConfiguration", "true",
            "cacheResultSetMetadata", "true",
            "maintainTimeStats", "false");

    @Bean
    static BeanPostProcessor mySqlConnectionSettings() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof HikariDataSource pool) {
                    settingsFor(pool.getJdbcUrl()).forEach(pool::addDataSourceProperty);
                }
                return bean;
            }
        };
    }

    /** The settings a pool for {@code jdbcUrl} gets: none unless it is a MySQL URL, none the URL already names. */
    static Map<String, String> settingsFor(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:mysql:")) {
            return Map.of();
        }
        int query = jdbcUrl.indexOf('?');
        Set<String> named = query < 0 ? Set.of() : Arrays.stream(jdbcUrl.substring(query + 1).split("&"))
                .map(pair -> pair.split("=", 2)[0].trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        Map<String, String> settings = new LinkedHashMap<>(SETTINGS);
        settings.keySet().removeIf(key -> named.contains(key.toLowerCase(Locale.ROOT)));
        return settings;
    }
}
