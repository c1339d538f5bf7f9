package org.singlewindow.provincial.uplink;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.singlewindow.node.config.QueueNames;
import org.singlewindow.node.transport.BrokerPermissions;
import org.singlewindow.node.transport.RemoteBroker;
import org.singlewindow.provincial.ProvincialProperties;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * Connections to central's broker, as a province holds them: sessions cached for the uplink's sends; consumers not,
 * so a stopped node leaves no consumer behind on central's queues. Deliberately not a {@code ConnectionFactory}
 * bean. The kernel sees it as the broker holding this province's results queue ({@link RemoteBroker}).
 */
public final class CentralBrokerConnection implements RemoteBroker {
    private final ActiveMQConnectionFactory raw;
    private final CachingConnectionFactory factory;
    private final String results;

    public CentralBrokerConnection(String province, ProvincialProperties.Central central, QueueNames queues) {
        results = queues.outProvince(province);
        raw = new ActiveMQConnectionFactory(url(central), central.brokerUser() != null
                ? central.brokerUser() : BrokerPermissions.provinceUser(province), central.brokerPassword());
        factory = new CachingConnectionFactory(raw);
        factory.setSessionCacheSize(10);
        factory.setCacheConsumers(false);
    }

    public CachingConnectionFactory factory() {
        return factory;
    }

    /**
     * Central's broker URL, with TLS when a trust store is given (central's host name checked against its
     * certificate); refused without TLS when {@code sw.central.require-tls} is set.
     */
    static String url(ProvincialProperties.Central central) {
        String url = central.brokerUrl();
        if (central.trustStore() != null && !central.trustStore().isBlank()) {
            url += (url.contains("?") ? "&" : "?") + "sslEnabled=true&verifyHost=true&trustStoreType=PKCS12"
                    + "&trustStorePath=" + central.trustStore() + "&trustStorePassword=" + central.trustStorePassword();
        }
        if (central.requireTls() && !url.contains("sslEnabled=true")) {
            throw new IllegalStateException("sw.central.require-tls: the link to central's broker must use TLS "
                    + "(set sw.central.trust-store, see README \"Broker users and TLS\")");
        }
        return url;
    }

    /** This province's results queue ({@code sw.out.province.<code>}) is on central's broker. */
    @Override
    public boolean holds(String queue) {
        return results.equals(queue);
    }

    /** Uncached connections to central's broker, for operations (browsing, moving single messages). */
    @Override
    public ConnectionFactory uncached() {
        return raw;
    }

    public void destroy() {
        factory.destroy();
    }
}
