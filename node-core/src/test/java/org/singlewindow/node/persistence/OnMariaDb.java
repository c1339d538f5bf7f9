package org.singlewindow.node.persistence;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ContextCustomizerFactories;

/**
 * A Spring test on the machine's MariaDB server: its context's datasource is a database of its own ({@link MariaDb}),
 * made when the context is built and dropped when it closes. One annotation instead of a property source and a
 * clean-up in every class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextCustomizerFactories(MariaDbContext.Factory.class)
public @interface OnMariaDb {
}
