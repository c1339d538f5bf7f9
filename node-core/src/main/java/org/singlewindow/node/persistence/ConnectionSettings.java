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
 * How the node's pool connects, on every database.
 * <p>
 * <b>READ COMMITTED.</b> Every connection runs at READ COMMITTED: each statement sees what is committed when it runs.
 * Changes to one declaration are serialized by its row lock ({@code StatusService}); a transaction that waited for
 * the lock must then see the agency statuses the transaction before it committed. MySQL's and MariaDB's default,
 * REPEATABLE READ, reads from a snapshot taken at the transaction's first read, which may come before the lock:
 * two receipts recorded one after the other by two instances of central left a declaration PROCESSING with every
 * agency final. (H2's default is READ COMMITTED already.)
 * <p>
 * <b>Connector/J.</b> On MySQL and MariaDB, connections prepare each statement once on the server and keep it
 * ({@code useServerPrepStmts}, {@code cachePrepStmts}), and keep their session state (auto-commit, isolation) where
 * the driver can answer without asking the server: the settings HikariCP recommends for Connector/J. Without them
 * the driver parses and escapes every statement and every bound text on the client, sealed document bodies included
 * (about a tenth of a central instance's CPU samples in the scaled benchmark). A setting named in the JDBC URL is left
 * as the URL says; other databases get none of them.
 */
@Configuration(proxyBeanMethods = false)
public class ConnectionSettings {

    /** Connector/J properties set unless the URL names them. */
    static final Map<String, String> MYSQL = Map.of(
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
    static BeanPostProcessor poolSettings() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof HikariDataSource pool) {
                    pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
                    mySqlSettingsFor(pool.getJdbcUrl()).forEach(pool::addDataSourceProperty);
                }
                return bean;
            }
        };
    }

    /** The Connector/J settings a pool for {@code jdbcUrl} gets: none unless it is a MySQL URL, none the URL names. */
    static Map<String, String> mySqlSettingsFor(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:mysql:")) {
            return Map.of();
        }
        int query = jdbcUrl.indexOf('?');
        Set<String> named = query < 0 ? Set.of() : Arrays.stream(jdbcUrl.substring(query + 1).split("&"))
                .map(pair -> pair.split("=", 2)[0].trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        Map<String, String> settings = new LinkedHashMap<>(MYSQL);
        settings.keySet().removeIf(key -> named.contains(key.toLowerCase(Locale.ROOT)));
        return settings;
    }
}
