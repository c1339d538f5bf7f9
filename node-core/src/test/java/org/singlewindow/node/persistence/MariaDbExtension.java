package org.singlewindow.node.persistence;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link MariaDb} database for a test class that starts nodes itself: made before the class's {@code @BeforeAll}
 * methods, dropped after its {@code @AfterAll} ones. Register it as a static field:
 * {@code @RegisterExtension static final MariaDbExtension DATABASE = new MariaDbExtension();}
 */
public final class MariaDbExtension implements BeforeAllCallback, AfterAllCallback {

    private MariaDb database;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        database = new MariaDb();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (database != null) {
            database.drop();
        }
    }

    /** The class's database. */
    public MariaDb database() {
        if (database == null) {
            throw new IllegalStateException("no database before the class's extensions ran");
        }
        return database;
    }
}
