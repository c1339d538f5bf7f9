package org.singlewindow.provincial.change;

import org.apache.ibatis.annotations.Mapper;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.SpringBootConfiguration;

/** The smallest configuration for the change handlers' {@code @MybatisTest}s: the kernel's mappers. */
@SpringBootConfiguration
@MapperScan(basePackages = "org.singlewindow.node", annotationClass = Mapper.class)
public class ChangeTestConfiguration {
}
