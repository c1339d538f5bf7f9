package org.singlewindow.international;

import java.net.URI;
import java.util.Optional;

/**
 * Where an agency's own system is reached, as the node that imports the gateway knows it (central: its ministry
 * links, {@code sw.agencies.<CODE>.url}). The gateway hands a partner's certificate to GACC there unless
 * {@code sw.as4.handover.url} names another address.
 */
@FunctionalInterface
public interface AgencyAddresses {

    /** The base address of {@code agency}'s system, if this node links to it. */
    Optional<URI> of(String agency);
}
