package org.singlewindow.central;

import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.mybatis.spring.annotation.MapperScan;
import org.singlewindow.international.AgencyAddresses;
import org.singlewindow.international.InternationalGateway;
import org.singlewindow.node.config.NodeConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The central node (China E-Port, 总对总): the node engine with {@code central-node.yml} — role CENTRAL, token
 * issuing, ministry links, central's routing rules, and the AS4 gateway to foreign single windows
 * ({@code international-gateway}, off unless {@code sw.as4.enabled}).
 */
@SpringBootApplication
@Import({NodeConfiguration.class, InternationalGateway.class})
@MapperScan(basePackages = "org.singlewindow.central", annotationClass = Mapper.class)
public class CentralNodeApplication {

    /** The AS4 gateway reaches GACC where central's ministry link does. */
    @Bean
    AgencyAddresses agencyAddresses(CentralProperties central) {
        return agency -> Optional.ofNullable(central.agencies().get(agency)).map(CentralProperties.Agency::url);
    }

    /** Starts a central node; extra arguments override configuration ({@code --server.port=...}). */
    public static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(CentralNodeApplication.class)
                .properties("spring.config.name=central-node").run(args);
    }

    public static void main(String[] args) {
        start(args);
    }
}
