package org.singlewindow.central.persistence;

import org.apache.ibatis.annotations.Mapper;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.SpringBootConfiguration;

/** The smallest configuration for {@code @MybatisTest} here: the kernel's mappers and this role's, nothing else. */
@SpringBootConfiguration
@MapperScan(basePackages = {"org.singlewindow.node", "org.singlewindow.central"}, annotationClass = Mapper.class)
public class CentralMapperTestConfiguration {
}
