package org.singlewindow.provincial.uplink;

import org.apache.camel.component.jms.JmsComponent;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.config.QueueNames;
import org.singlewindow.provincial.ProvincialProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The province's link to central's broker ({@code sw.central.broker-url}, required): its connections and Camel component. */
@Configuration(proxyBeanMethods = false)
public class CentralBrokerConfiguration {

    @Bean(destroyMethod = "destroy")
    CentralBrokerConnection centralBrokerConnection(NodeProperties node, ProvincialProperties provincial,
                                                    QueueNames queues) {
        return new CentralBrokerConnection(node.code(), provincial.central(), queues);
    }

    /** Camel component {@code central:}: the uplink sends and the results route consumes through it. */
    @Bean("central")
    JmsComponent central(CentralBrokerConnection connection, ProvincialProperties provincial) {
        JmsComponent central = JmsComponent.jmsComponent(connection.factory());
        central.setRecoveryInterval(provincial.central().retryDelay().toMillis());
        return central;
    }
}
