package org.singlewindow.balancer;

import org.singlewindow.contracts.problem.ContainerRefusals;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The requests Tomcat refuses before the balancer sees them get a problem, as the nodes' do ({@link ContainerRefusals}). */
@Configuration(proxyBeanMethods = false)
class ContainerRefusalsConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> containerRefusals() {
        return factory -> factory.addContextCustomizers(ContainerRefusals::install);
    }
}
