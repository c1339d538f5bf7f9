package org.singlewindow.node.persistence;

import java.sql.SQLException;
import java.util.List;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * What {@link OnMariaDb} does to a test's context: a new {@link MariaDb} database as its datasource, dropped when
 * the context closes. All such customizers are equal, so Spring's context cache shares a context (and its database)
 * between classes of the same configuration, as it would without one.
 */
final class MariaDbContext implements ContextCustomizer {

    /** Customizes the contexts of classes annotated {@link OnMariaDb}. */
    static final class Factory implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                         List<ContextConfigurationAttributes> configAttributes) {
            return TestContextAnnotationUtils.hasAnnotation(testClass, OnMariaDb.class) ? new MariaDbContext() : null;
        }
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
        MariaDb database;
        try {
            database = new MariaDb();
        } catch (SQLException e) {
            throw new IllegalStateException("no database on the MariaDB server " + MariaDb.server() + ": "
                    + e.getMessage(), e);
        }
        TestPropertyValues.of("spring.datasource.url=" + database.url(), "spring.datasource.username=" + database.user(),
                "spring.datasource.password=" + database.password()).applyTo(context);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                try {
                    database.drop();
                } catch (SQLException e) {
                    throw new IllegalStateException("could not drop " + database.url(), e);
                }
            }
        });
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MariaDbContext;
    }

    @Override
    public int hashCode() {
        return MariaDbContext.class.hashCode();
    }
}
