package org.singlewindow.balancer;

import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;

/**
 * The instance list of a balanced service: the configured instances, less those failing their health check. Not a
 * component: Spring Cloud LoadBalancer reads it into each service's own child context.
 */
public class InstanceList {

    @Bean
    ServiceInstanceListSupplier serviceInstances(ConfigurableApplicationContext context) {
        return ServiceInstanceListSupplier.builder().withBlockingDiscoveryClient()
                .withBlockingHealthChecks(RestClient.create()).build(context);
    }
}
