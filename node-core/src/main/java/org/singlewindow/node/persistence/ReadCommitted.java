package org.singlewindow.node.persistence;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every connection of the node's pool runs at READ COMMITTED: each statement sees what is committed when it runs.
 * Changes to one declaration are serialized by its row lock ({@code StatusService}); a transaction that waited for
 * the lock must then see the agency statuses the transaction before it committed. MySQL's and MariaDB's default,
 * REPEATABLE READ, reads from a snapshot taken at the transaction's first read, which may come before the lock:
 * two receipts recorded one after the other by two instances of central left a declaration PROCESSING with every
 * agency final. (H2's default is READ COMMITTED already.)
 */
@Configuration(proxyBeanMethods = false)
public class ReadCommitted {

    @Bean
    static BeanPostProcessor readCommittedConnections() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof HikariDataSource pool) {
                    pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
                }
                return bean;
            }
        };
    }
}
