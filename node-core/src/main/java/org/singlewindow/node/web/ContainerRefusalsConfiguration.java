package org.singlewindow.node.web;

import org.singlewindow.contracts.problem.ContainerRefusals;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The requests Tomcat refuses before the node sees them are answered with a problem too ({@link ContainerRefusals}). */
@Configuration(proxyBeanMethods = false)
public class ContainerRefusalsConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> containerRefusals() {
        return factory -> factory.addContextCustomizers(ContainerRefusals::install);
    }
}
