package org.singlewindow.node.transport;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.LoggingLevel;
import org.apache.camel.Predicate;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.OnExceptionDefinition;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.singlewindow.node.config.NodeProperties;
import org.springframework.stereotype.Component;

/**
 * The shared error policy of every consuming route, by what the failure is ({@link Failures}):
 * <ul>
 *   <li><b>permanent</b> (unparseable, a refused signature, no handler, a rule error, an agency's 4xx refusal): parked
 *   at once in {@code DLQ.<queue>} with the reason ({@link DeadLetterParking}), never retried;</li>
 *   <li><b>transient</b> (a ministry, database, broker or peer that is down or slow): the message is held and retried
 *   in process with exponential backoff ({@code sw.redelivery.retry-delay}, doubling up to the link's ceiling),
 *   without limit; the JMS transaction stays open, so the message is neither lost nor reordered (its group's later
 *   messages wait behind it), and the link shows as down with its backlog growing in the operations API. A node
 *   that stops meanwhile rolls the message back; the broker never dead-letters it for that
 *   ({@code sw.redelivery.broker-attempts} is unlimited);</li>
 *   <li><b>unexpected</b> (anything else): {@code sw.redelivery.attempts} attempts, then parked with the reason
 *   {@code UNEXPECTED_<exception>}.</li>
 * </ul>
 * Nothing is swallowed: a message either commits its effect or waits in its queue or its dead-letter queue.
 * One route configuration per ceiling: {@link #ID} (the default) and {@link #forLink} for each link a role gives a
 * ceiling of its own ({@link LinkCeilings}: central's ministry links).
 */
@Component
public class ErrorPolicy extends RouteConfigurationBuilder {

    /** Id routes use with {@code routeConfigurationId(...)}. */
    public static final String ID = "sw-error-policy";

    private final NodeProperties.Redelivery redelivery;
    private final Map<String, Duration> ceilings;
    private final DeadLetterParking parking;
    private final LinkHealth links;

    public ErrorPolicy(NodeProperties node, List<LinkCeilings> ceilings, DeadLetterParking parking, LinkHealth links) {
        this.redelivery = node.redelivery();
        this.ceilings = new LinkedHashMap<>();
        ceilings.forEach(c -> this.ceilings.putAll(c.ceilings()));
        this.parking = parking;
        this.links = links;
    }

    /** The policy of one link with a ceiling of its own ({@link LinkCeilings}): the default one, with that ceiling. */
    public static String forLink(String link) {
        return ID + "-link-" + link;
    }

    @Override
    public void configuration() {
        define(routeConfiguration(ID), redelivery.retryMaxDelay());
        ceilings.forEach((link, ceiling) -> define(routeConfiguration(forLink(link)),
                ceiling != null ? ceiling : redelivery.retryMaxDelay()));
    }

    private void define(RouteConfigurationDefinition policy, Duration ceiling) {
        policy.onException(Exception.class)
                .onWhen(is(Failures.Kind.PERMANENT))
                .handled(true)
                .useOriginalMessage()
                .process(parking::park);
        OnExceptionDefinition wait = policy.onException(Exception.class)
                .onWhen(is(Failures.Kind.TRANSIENT))
                .maximumRedeliveries(-1)
                .redeliveryDelay(redelivery.retryDelay().toMillis())
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .maximumRedeliveryDelay(Math.max(ceiling.toMillis(), redelivery.retryDelay().toMillis()))
                .onRedelivery(links::retrying)
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .logExhaustedMessageBody(false)
                .handled(false);
        // a long wait logs every tenth attempt; a stopping node stops waiting, and the message rolls back into its
        // queue for the next start
        wait.getRedeliveryPolicyType().retryAttemptedLogInterval("10").allowRedeliveryWhileStopping(false);
        policy.onException(Exception.class)
                .maximumRedeliveries(Math.max(0, redelivery.attempts() - 1))
                .redeliveryDelay(redelivery.delay().toMillis())
                .onRedelivery(links::retrying)
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .logExhaustedMessageBody(false)
                .handled(true)
                .useOriginalMessage()
                .process(parking::park);
    }

    private static Predicate is(Failures.Kind kind) {
        return exchange -> Failures.classify(Failures.of(exchange)).kind() == kind;
    }
}
