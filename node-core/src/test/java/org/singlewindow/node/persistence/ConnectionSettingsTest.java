package org.singlewindow.node.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

class ConnectionSettingsTest {

    @Test
    void a_mysql_pool_should_read_committed_prepare_on_the_server_and_keep_its_session_state() {
        HikariDataSource pool = settled("jdbc:mysql://db:3306/sw?connectionTimeZone=UTC");
        assertThat(pool.getTransactionIsolation()).isEqualTo("TRANSACTION_READ_COMMITTED");
        assertThat(pool.getDataSourceProperties()).containsEntry("useServerPrepStmts", "true")
                .containsEntry("cachePrepStmts", "true").containsEntry("useLocalSessionState", "true")
                .hasSize(ConnectionSettings.MYSQL.size());
    }

    @Test
    void a_setting_the_url_names_should_stay_as_the_url_says() {
        String url = "jdbc:mysql://db/sw?UseServerPrepStmts=false&cachePrepStmts=false";
        assertThat(ConnectionSettings.mySqlSettingsFor(url)).doesNotContainKeys("useServerPrepStmts", "cachePrepStmts")
                .containsEntry("elideSetAutoCommits", "true");
    }

    @Test
    void another_database_should_read_committed_and_get_no_driver_settings() {
        HikariDataSource pool = settled("jdbc:h2:file:./data/db/sw;MODE=MySQL");
        assertThat(pool.getTransactionIsolation()).isEqualTo("TRANSACTION_READ_COMMITTED");
        assertThat(pool.getDataSourceProperties()).isEmpty();
        assertThat(ConnectionSettings.mySqlSettingsFor(null)).isEmpty();
    }

    private static HikariDataSource settled(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        ConnectionSettings.poolSettings().postProcessBeforeInitialization(pool, "dataSource");
        return pool;
    }
}
