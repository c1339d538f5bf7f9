package org.singlewindow.node.transport;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.ha.SharedStoreBackupPolicyConfiguration;
import org.apache.activemq.artemis.core.config.ha.SharedStorePrimaryPolicyConfiguration;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.camel.component.jms.JmsComponent;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.config.QueueNames;
import org.springframework.boot.artemis.autoconfigure.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The node's own broker (embedded by default: Spring Boot starts it; external with
 * {@code spring.artemis.mode=native}) and the Camel JMS components: {@code jms} for the node's broker and, on a
 * provincial node, {@code central} for central's broker (the provincial module's). The embedded broker gets a CORE-only TCP acceptor
 * (other nodes dial in) and the shared redelivery settings: the broker redelivers a rolled-back message after
 * {@code sw.redelivery.broker-delay} and never dead-letters it by itself (the node parks what cannot succeed, with
 * the reason; see {@link ErrorPolicy}). With {@code sw.broker.ha} the embedded broker is one half of a shared-store
 * pair ({@link NodeProperties.Ha}).
 */
@Configuration(proxyBeanMethods = false)
public class BrokerConfiguration {

    @Bean
    ArtemisConfigurationCustomizer swBroker(NodeProperties node) {
        return configuration -> {
            configuration.setName("sw-" + node.code());
            configuration.setJMXManagementEnabled(false);
            if (node.broker().acceptorPort() > 0) {
                NodeProperties.Tls tls = node.broker().tls();
                try {
                    configuration.addAcceptorConfiguration("sw-core", "tcp://" + node.broker().acceptorHost() + ":"
                            + node.broker().acceptorPort() + "?protocols=CORE" + (tls.enabled()
                            ? ";sslEnabled=true;keyStoreType=PKCS12;keyStorePath=" + tls.keyStore()
                            + ";keyStorePassword=" + tls.keyStorePassword() : ""));
                } catch (Exception e) {
                    throw new IllegalStateException("bad acceptor configuration", e);
                }
            }
            switch (node.broker().ha()) {
                case PRIMARY -> configuration.setHAPolicyConfiguration(new SharedStorePrimaryPolicyConfiguration()
                        .setFailoverOnServerShutdown(true));
                case BACKUP -> configuration.setHAPolicyConfiguration(new SharedStoreBackupPolicyConfiguration()
                        .setFailoverOnServerShutdown(true).setAllowFailBack(false));
                case NONE -> {
                    // a broker of its own
                }
            }
            if (node.broker().memory() != null) {
                configuration.setGlobalMaxSize(node.broker().memory().toBytes());
            }
            NodeProperties.Redelivery redelivery = node.redelivery();
            configuration.addAddressSetting("#", new AddressSettings()
                    .setMaxDeliveryAttempts(redelivery.brokerAttempts())
                    .setRedeliveryDelay(redelivery.brokerDelay().toMillis())
                    .setDeadLetterAddress(SimpleString.of(QueueNames.DEAD_LETTER_ADDRESS))
                    .setExpiryAddress(SimpleString.of("ExpiryQueue"))
                    .setAutoCreateDeadLetterResources(true)
                    .setDeadLetterQueuePrefix(SimpleString.of(QueueNames.DEAD_LETTER_PREFIX)));
        };
    }

    /** Camel component for the node's own broker. */
    @Bean("jms")
    JmsComponent jms(ConnectionFactory connectionFactory) {
        JmsComponent jms = JmsComponent.jmsComponent(connectionFactory);
        jms.setRecoveryInterval(1000);
        return jms;
    }
}
