package org.singlewindow.node.config;

import org.springframework.stereotype.Component;

/**
 * Every queue name, derived in one place.
 * <ul>
 *   <li>{@code sw.out.central}: on a provincial node's broker, envelopes waiting for the uplink to central;</li>
 *   <li>{@code sw.in.provinces}: on central's broker, envelopes from all provinces;</li>
 *   <li>{@code sw.agency.<CODE>}: on central's broker, requests waiting for one ministry link;</li>
 *   <li>{@code sw.out.province.<code>}: on central's broker, results for one province, which that province
 *       pulls (provinces dial out; central never reaches into a province);</li>
 *   <li>{@code DLQ.<queue>}: the dead-letter queue of each of the above, on the same broker: where the node parks a
 *       message that cannot succeed, with the reason (a queue of its own address, created when first used).</li>
 * </ul>
 */
@Component
public class QueueNames {

    /** The address a broker configured to dead-letter by itself ({@code broker-attempts} > 0) moves messages to. */
    public static final String DEAD_LETTER_ADDRESS = "DLA";
    /** Prefix of dead-letter queue names. */
    public static final String DEAD_LETTER_PREFIX = "DLQ.";

    public String outCentral() {
        return "sw.out.central";
    }

    public String inProvinces() {
        return "sw.in.provinces";
    }

    public String agency(String agencyCode) {
        return "sw.agency." + agencyCode;
    }

    public String outProvince(String provinceCode) {
        return "sw.out.province." + provinceCode;
    }

    /**
     * The topic a node running as several instances announces changed declarations on (id only, not persistent):
     * every instance pushes the new events to the streams it holds.
     */
    public String eventsTopic() {
        return "sw.events.changed";
    }

    /** The dead-letter queue of {@code queue}. */
    public String deadLetter(String queue) {
        return DEAD_LETTER_PREFIX + queue;
    }
}
