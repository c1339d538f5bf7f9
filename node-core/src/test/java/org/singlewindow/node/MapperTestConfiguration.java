package org.singlewindow.node;

import org.apache.ibatis.annotations.Mapper;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.SpringBootConfiguration;

/** The smallest configuration for {@code @MybatisTest}: the node's mappers, nothing else. */
@SpringBootConfiguration
@MapperScan(basePackages = "org.singlewindow.node", annotationClass = Mapper.class)
public class MapperTestConfiguration {
}
