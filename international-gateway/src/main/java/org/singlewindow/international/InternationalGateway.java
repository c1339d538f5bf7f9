package org.singlewindow.international;

import org.apache.ibatis.annotations.Mapper;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The AS4 gateway as one piece for central to import: its components and its mapper. Each part stays off unless
 * {@code sw.as4.enabled} (see {@code As4Configuration}).
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = InternationalGateway.class)
@MapperScan(basePackageClasses = InternationalGateway.class, annotationClass = Mapper.class)
public class InternationalGateway {
}
