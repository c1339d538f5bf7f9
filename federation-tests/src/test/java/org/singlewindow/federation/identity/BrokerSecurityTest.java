package org.singlewindow.federation.identity;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Session;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.singlewindow.federation.support.Federation;
import org.singlewindow.federation.support.SharedFederation;
import org.singlewindow.node.config.QueueNames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.singlewindow.federation.support.Federation.GD;
import static org.singlewindow.federation.support.Federation.SH;

/**
 * Nobody in where they don't belong: central's broker speaks only TLS and admits only the provinces it knows, each
 * with its own password, each allowed to write to the intake and to read only its own results.
 */
@ExtendWith(SharedFederation.class)
class BrokerSecurityTest {

    private static final QueueNames QUEUES = new QueueNames();

    @Test
    void shanghai_should_not_read_guangdongs_results_nor_write_to_them_nor_read_the_intake(Federation federation)
            throws Exception {
        try (Connection connection = shanghai(federation).createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue(QUEUES.outProvince(GD))))
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createBrowser(session.createQueue(QUEUES.outProvince(GD))).getEnumeration()
                    .hasMoreElements()).isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createProducer(session.createQueue(QUEUES.outProvince(GD)))
                    .send(session.createTextMessage("{}"))).isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue(
                    QUEUES.deadLetter(QUEUES.outProvince(GD))))).isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue(QUEUES.inProvinces())))
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue(QUEUES.agency("GACC"))))
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createProducer(session.createQueue("activemq.management"))
                    .send(session.createMessage())).isInstanceOf(JMSSecurityException.class);
            // what Shanghai may do: browse its own results (it consumes them through its node)
            assertThat(session.createBrowser(session.createQueue(QUEUES.outProvince(SH))).getEnumeration()).isNotNull();
        }
    }

    @Test
    void anonymous_clients_wrong_passwords_and_one_provinces_password_for_another_should_be_refused(
            Federation federation) {
        assertThatThrownBy(() -> federation.centralBrokerAs(null, null).createConnection().close())
                .isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> federation.centralBrokerAs("province-" + SH, "guessed").createConnection().close())
                .isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> federation.centralBrokerAs("province-" + GD, Federation.brokerPassword(SH))
                .createConnection().close()).isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> federation.centralBrokerAs("node", "node").createConnection().close())
                .isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void a_client_without_tls_should_not_get_through(Federation federation) {
        ConnectionFactory plain = new ActiveMQConnectionFactory(federation.centralBrokerUrl()
                + "?reconnectAttempts=0&initialConnectAttempts=1&callTimeout=3000&connectionTTL=3000",
                "province-" + SH, Federation.brokerPassword(SH));
        assertThatThrownBy(() -> plain.createConnection().close()).isInstanceOf(JMSException.class);
    }

    private static ConnectionFactory shanghai(Federation federation) {
        return federation.centralBrokerAs("province-" + SH, Federation.brokerPassword(SH));
    }
}
