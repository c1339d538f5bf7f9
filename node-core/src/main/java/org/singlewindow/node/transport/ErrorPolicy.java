package org.singlewindow.node.transport;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.singlewindow.node.config.NodeProperties;
import org.springframework.stereotype.Component;

/**
 * The shared error policy of every consuming route: a few quick in-process retries for transient failures;
 * after that the exception propagates, the JMS transaction rolls back and the broker redelivers with a delay;
 * after {@code sw.redelivery.broker-attempts} deliveries the broker moves the message to {@code DLQ.<queue>}
 * (see {@link org.singlewindow.node.config.QueueNames}). Nothing is swallowed: a message either commits its
 * effect or ends in a dead-letter queue for an operator to inspect and replay.
 */
@Component
public class ErrorPolicy extends RouteConfigurationBuilder {

    /** Id routes use with {@code routeConfigurationId(...)}. */
    public static final String ID = "sw-error-policy";

    private final NodeProperties.Redelivery redelivery;

    public ErrorPolicy(NodeProperties node) {
        this.redelivery = node.redelivery();
    }

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(Exception.class)
                .maximumRedeliveries(redelivery.attempts() - 1)
                .redeliveryDelay(redelivery.delay().toMillis())
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .retriesExhaustedLogLevel(LoggingLevel.ERROR)
                .logExhaustedMessageBody(false)
                .handled(false);
    }
}
