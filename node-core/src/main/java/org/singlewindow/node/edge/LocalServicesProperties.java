package org.singlewindow.node.edge;

import java.net.URI;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Local specialty services reached at {@code /local/<name>/**}.
 *
 * @param services base URL by service name, e.g. {@code sw.local-services.services.pcs=http://pcs.internal:8080}
 */
@ConfigurationProperties("sw.local-services")
public record LocalServicesProperties(Map<String, URI> services) {

    public LocalServicesProperties {
        services = services == null ? Map.of() : Map.copyOf(services);
    }
}
