package org.singlewindow.node.transport;

import java.security.SecureRandom;
import java.util.HexFormat;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.config.QueueNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.artemis.autoconfigure.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every embedded broker requires authentication. The node's own user ({@code sw.broker.user}, role
 * {@value BrokerPermissions#NODE_ROLE}) has a password given in {@code sw.broker.password} or, when empty, made at
 * start-up and never written anywhere (only this process connects to its embedded broker as itself). On central,
 * each province in {@code sw.provinces} is a user {@code province-<code>} with the permissions of
 * {@link BrokerPermissions}, and the queues provinces use exist from the start (no province may create any). The
 * acceptor speaks TLS when {@code sw.broker.tls.key-store} is set. An external broker ({@code prod}) is configured
 * the same way in its {@code broker.xml} (README).
 */
@Configuration(proxyBeanMethods = false)
public class BrokerSecurity {

    private static final Logger log = LoggerFactory.getLogger(BrokerSecurity.class);

    /** The node's own credentials on its broker. */
    public record NodeCredentials(String user, String password) {

        @Override
        public String toString() {
            return "NodeCredentials[" + user + "]";
        }
    }

    @Bean
    NodeCredentials nodeBrokerCredentials(NodeProperties node) {
        String password = node.broker().password();
        if (password == null || password.isBlank()) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            password = HexFormat.of().formatHex(random);
        }
        return new NodeCredentials(node.broker().user(), password);
    }

    /** Security on, the permissions, the provinces' queues made in advance, TLS on the acceptor. */
    @Bean
    ArtemisConfigurationCustomizer swBrokerSecurity(NodeProperties node, QueueNames queues) {
        return configuration -> {
            configuration.setSecurityEnabled(true);
            BrokerPermissions.of(node, queues).forEach(configuration::putSecurityRoles);
            if (!node.provinces().isEmpty()) {
                declare(configuration, queues.inProvinces());
                for (String province : node.provinces().keySet()) {
                    declare(configuration, queues.outProvince(province));
                    declare(configuration, queues.deadLetter(queues.outProvince(province)));
                }
            }
        };
    }

    private static void declare(org.apache.activemq.artemis.core.config.Configuration configuration, String queue) {
        configuration.addAddressConfiguration(new CoreAddressConfiguration().setName(queue)
                .addRoutingType(RoutingType.ANYCAST)
                .addQueueConfiguration(QueueConfiguration.of(queue).setAddress(queue).setRoutingType(RoutingType.ANYCAST)
                        .setDurable(true)));
    }

    /**
     * Gives the embedded broker its users before it starts, and the node's own connections their credentials
     * (Spring Boot sets none on an embedded broker's connection factory).
     */
    @Bean
    static BeanPostProcessor swBrokerUsers(ObjectProvider<NodeProperties> node,
                                           ObjectProvider<NodeCredentials> credentials) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof EmbeddedActiveMQ broker) {
                    broker.setSecurityManager(securityManager(node.getObject(), credentials.getObject()));
                }
                return bean;
            }

            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof ConnectionFactory factory) {
                    ActiveMQConnectionFactory artemis = unwrap(factory);
                    if (artemis != null && artemis.getUser() == null && inVm(artemis)) {
                        NodeCredentials own = credentials.getObject();
                        artemis.setUser(own.user());
                        artemis.setPassword(own.password());
                    }
                }
                return bean;
            }
        };
    }

    private static ActiveMQJAASSecurityManager securityManager(NodeProperties node, NodeCredentials own) {
        SecurityConfiguration users = new SecurityConfiguration();
        users.addUser(own.user(), own.password());
        users.addRole(own.user(), BrokerPermissions.NODE_ROLE);
        if (!node.provinces().isEmpty()) {
            node.provinces().forEach((code, province) -> {
                if (province.brokerPassword() == null || province.brokerPassword().isBlank()) {
                    throw new IllegalStateException("sw.provinces." + code + ".broker-password is required: province "
                            + code + " connects to central's broker with it");
                }
                String user = BrokerPermissions.provinceUser(code);
                users.addUser(user, province.brokerPassword());
                users.addRole(user, user);
            });
            log.info("central's broker admits {} province(s): {}", node.provinces().size(), node.provinces().keySet());
        }
        return new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), users);
    }

    /** A connection factory to the embedded broker (in-VM), not to an external one. */
    private static boolean inVm(ActiveMQConnectionFactory factory) {
        var connectors = factory.getServerLocator().getStaticTransportConfigurations();
        return connectors != null && connectors.length > 0
                && connectors[0].getFactoryClassName().contains("InVMConnectorFactory");
    }

    private static ActiveMQConnectionFactory unwrap(ConnectionFactory factory) {
        return Brokers.target(factory) instanceof ActiveMQConnectionFactory artemis ? artemis : null;
    }
}
