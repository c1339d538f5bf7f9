package org.singlewindow.node.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

class MySqlConnectionsTest {

    @Test
    void a_mysql_pool_should_prepare_on_the_server_and_keep_its_session_state() {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl("jdbc:mysql://db:3306/sw?connectionTimeZone=UTC");
        MySqlConnections.mySqlConnectionSettings().postProcessBeforeInitialization(pool, "dataSource");
        assertThat(pool.getDataSourceProperties()).containsEntry("useServerPrepStmts", "true")
                .containsEntry("cachePrepStmts", "true").containsEntry("useLocalSessionState", "true")
                .hasSize(MySqlConnections.SETTINGS.size());
    }

    @Test
    void a_setting_the_url_names_should_stay_as_the_url_says() {
        assertThat(MySqlConnections.settingsFor("jdbc:mysql://db/sw?UseServerPrepStmts=false&cachePrepStmts=false"))
                .doesNotContainKeys("useServerPrepStmts", "cachePrepStmts").containsEntry("elideSetAutoCommits", "true");
    }

    @Test
    void another_database_should_not_be_touched() {
        assertThat(MySqlConnections.settingsFor("jdbc:h2:file:./data/db/sw;MODE=MySQL")).isEmpty();
        assertThat(MySqlConnections.settingsFor(null)).isEmpty();
    }
}
