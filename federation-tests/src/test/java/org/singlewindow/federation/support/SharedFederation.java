package org.singlewindow.federation.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One federation shared by the test classes that do not stop nodes ({@code @ExtendWith(SharedFederation.class)},
 * then take a {@link Federation} parameter); started on first use and closed when the test run ends.
 */
public final class SharedFederation implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Federation.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return get(context);
    }

    private static Federation get(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent("shared-federation", key -> new Holder(), Holder.class).federation;
    }

    private static final class Holder implements ExtensionContext.Store.CloseableResource {
        private final Federation federation;

        Holder() {
            try {
                federation = Federation.start(Files.createTempDirectory("sw-federation-"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            federation.close();
        }
    }
}
