package org.singlewindow.provincial;

import org.apache.ibatis.annotations.Mapper;
import org.mybatis.spring.annotation.MapperScan;
import org.singlewindow.node.config.NodeConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * A provincial node (e.g. 中国（上海）国际贸易单一窗口): the node engine with {@code provincial-node.yml} — role
 * PROVINCIAL, the declarants' API, the uplink to central and the province's routing rules. The province is
 * chosen by configuration ({@code --sw.code=310000}).
 */
@SpringBootApplication
@Import(NodeConfiguration.class)
@MapperScan(basePackages = "org.singlewindow.provincial", annotationClass = Mapper.class)
public class ProvincialNodeApplication {

    /** Starts a provincial node; extra arguments override configuration. */
    public static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(ProvincialNodeApplication.class)
                .properties("spring.config.name=provincial-node").run(args);
    }

    public static void main(String[] args) {
        start(args);
    }
}
