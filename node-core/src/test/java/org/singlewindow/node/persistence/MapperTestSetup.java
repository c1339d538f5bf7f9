package org.singlewindow.node.persistence;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.singlewindow.node.atrest.AtRestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.annotation.Transactional;

/**
 * What every mapper contract runs with, in any module: the database the subclass chooses (not an embedded
 * replacement), the node's connection settings (READ COMMITTED; on MySQL and MariaDB, statements prepared on the
 * server), sealing at rest with a test key, the node's MyBatis settings, and a rollback after each test.
 * Shared with the role modules through node-core's test jar.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Transactional
@Import({AtRestConfiguration.class, ConnectionSettings.class})
@TestPropertySource(properties = {
        "spring.test.database.replace=none",
        "sw.at-rest.current-key=test-2026",
        "sw.at-rest.keys.test-2026=00112233445566778899aabbccddeeff",
        "mybatis.type-handlers-package=org.singlewindow.node.persistence",
        "mybatis.configuration.map-underscore-to-camel-case=true",
        "mybatis.configuration.arg-name-based-constructor-auto-mapping=true"})
public @interface MapperTestSetup {
}
