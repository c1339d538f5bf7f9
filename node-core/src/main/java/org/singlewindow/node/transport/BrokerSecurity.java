package org.singlewindow.node.transport;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

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
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.artemis.autoconfigure.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every embedded broker requires authentication. The node's own user ({@code sw.broker.user}, role
 * {@value BrokerPermissions#NODE_ROLE}) has a password given in {@code sw.broker.password} or, when empty, made at
 * start-up and never written anywhere (only this process connects to its embedded broker as itself). The role's
 * {@link BrokerGuests} (central: each province in {@code sw.provinces} as {@code province-<code>}) are users with
 * the permissions of {@link BrokerPermissions}, and the queues they use exist from the start. The
 * acceptor speaks TLS when {@code sw.broker.tls.key-store} is set. An external broker ({@code prod}) is configured
 * the same way in its {@code broker.xml} (README).
 */
@Configuration(proxyBeanMethods = false)
public class BrokerSecurity {

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
    ArtemisConfigurationCustomizer swBrokerSecurity(List<BrokerGuests> guests, QueueNames queues) {
        return configuration -> {
            configuration.setSecurityEnabled(true);
            BrokerPermissions.of(guests, queues).forEach(configuration::putSecurityRoles);
            guests.forEach(g -> g.queues(queues).forEach(queue -> declare(configuration, queue)));
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
    static BeanPostProcessor swBrokerUsers(ObjectProvider<BrokerGuests> guests,
                                           ObjectProvider<NodeCredentials> credentials) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof EmbeddedActiveMQ broker) {
                    broker.setSecurityManager(securityManager(guests.orderedStream().toList(), credentials.getObject()));
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

    private static ActiveMQJAASSecurityManager securityManager(List<BrokerGuests> guests, NodeCredentials own) {
        SecurityConfiguration users = new SecurityConfiguration();
        users.addUser(own.user(), own.password());
        users.addRole(own.user(), BrokerPermissions.NODE_ROLE);
        guests.forEach(g -> g.users().forEach((user, password) -> {
            users.addUser(user, password);
            users.addRole(user, user);
        }));
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
