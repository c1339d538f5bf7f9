package org.singlewindow.node.config;

import java.time.Clock;

import org.apache.ibatis.annotations.Mapper;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The node engine: every component under {@code org.singlewindow.node}, its MyBatis mappers and its properties.
 * A role assembly imports this and adds configuration only.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan("org.singlewindow.node")
@MapperScan(basePackages = "org.singlewindow.node", annotationClass = Mapper.class)
@EnableConfigurationProperties(NodeProperties.class)
public class NodeConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
