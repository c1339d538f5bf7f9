package org.singlewindow.node.transport;

import java.time.Duration;
import java.util.Map;

/**
 * Links whose transient failures back off to a ceiling of their own rather than {@code sw.redelivery.retry-max-delay}
 * (central's ministry links, {@code sw.agencies.<CODE>.retry-max-delay}). A route on such a link uses the route
 * configuration {@link ErrorPolicy#forLink}.
 */
public interface LinkCeilings {

    /** Each link's ceiling, by link name; a null ceiling takes the default. */
    Map<String, Duration> ceilings();
}
