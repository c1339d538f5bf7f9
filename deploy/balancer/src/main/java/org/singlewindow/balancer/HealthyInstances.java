package org.singlewindow.balancer;

import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Configuration;

/**
 * Which instances get requests: those listed under {@code spring.cloud.discovery.client.simple.instances} that
 * answered their last health check ({@code spring.cloud.loadbalancer.health-check.*}: path and interval), taken
 * in turn ({@link InstanceList}, each balanced service's configuration).
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = InstanceList.class)
public class HealthyInstances {
}
