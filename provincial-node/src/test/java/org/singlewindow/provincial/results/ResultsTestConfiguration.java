package org.singlewindow.provincial.results;

import org.apache.ibatis.annotations.Mapper;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.SpringBootConfiguration;

/** The smallest configuration for the results handlers' {@code @MybatisTest}s: the kernel's mappers. */
@SpringBootConfiguration
@MapperScan(basePackages = "org.singlewindow.node", annotationClass = Mapper.class)
public class ResultsTestConfiguration {
}
