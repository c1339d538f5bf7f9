package org.singlewindow.node.transport;

/** The JMS properties every message between nodes carries, set by the outbox relay. */
public final class MessageProperties {

    /** Artemis duplicate-detection id: the envelope's message id (the broker drops a second send of it). */
    public static final String DUPLICATE_ID = "_AMQ_DUPL_ID";
    /** The envelope's message id, for logs, selectors and consumers. */
    public static final String MESSAGE_ID = "swMessageId";
    /** Message group: the declaration id, so one declaration's messages are consumed in order. */
    public static final String GROUP = "JMSXGroupID";

    private MessageProperties() {
    }
}
