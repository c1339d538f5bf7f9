package org.singlewindow.node.config;

/** The two roles the node engine runs in. */
public enum NodeRole {
    /** The China E-Port hub (总对总): links to ministries, fans declarations out, relays receipts back. */
    CENTRAL,
    /** A province's single window: the declarants' access point; dials out to central. */
    PROVINCIAL
}
