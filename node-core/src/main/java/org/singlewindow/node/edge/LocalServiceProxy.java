package org.singlewindow.node.edge;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.stripPrefix;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.singlewindow.node.identity.Caller;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/** One gateway route per configured local service, relaying the caller's identity. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LocalServicesProperties.class)
public class LocalServiceProxy {

    /** Headers the node sets for the local service; a caller's own copies are removed. */
    static final String CLIENT = "X-SW-Client-Id";
    static final String ROLES = "X-SW-Roles";
    static final String USCC = "X-SW-USCC";
    static final String PROVINCE = "X-SW-Province";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    @Bean
    RouterFunction<ServerResponse> localServices(LocalServicesProperties properties) {
        RouterFunction<ServerResponse> routes = request -> Optional.empty();
        for (Map.Entry<String, java.net.URI> service : properties.services().entrySet()) {
            if (!NAME.matcher(service.getKey()).matches()) {
                throw new IllegalStateException("sw.local-services.services." + service.getKey()
                        + ": a service name is 1-32 lower-case letters, digits or -");
            }
            routes = routes.and(route("local-" + service.getKey())
                    .route(org.springframework.web.servlet.function.RequestPredicates.path(
                            "/local/" + service.getKey() + "/**"), http())
                    .before(uri(service.getValue()))
                    .before(stripPrefix(2))
                    .before(relayIdentity())
                    .build());
        }
        return routes;
    }

    /**
     * Headers never relayed to a local service: the caller's credentials (its token, its session cookie) stay at the
     * node, and any header looking like the node's identity headers ({@code x-sw-*} in any case, with {@code -} or
     * {@code _}: servers behind proxies often treat {@code _} as {@code -}) is the caller's forgery.
     */
    static final Pattern STRIPPED = Pattern.compile("(?i)(authorization|proxy-authorization|cookie|cookie2|x[-_]sw[-_].*)");

    /** Replaces the caller's credentials and any identity-like headers with the authenticated caller's identity. */
    static Function<ServerRequest, ServerRequest> relayIdentity() {
        return request -> {
            Caller caller = Caller.from(SecurityContextHolder.getContext().getAuthentication());
            return ServerRequest.from(request).headers(h -> {
                h.headerNames().stream().filter(name -> STRIPPED.matcher(name).matches()).toList()
                        .forEach(h::remove);
                h.set(CLIENT, caller.clientId());
                h.set(ROLES, String.join(",", caller.roles()));
                if (caller.uscc() != null) {
                    h.set(USCC, caller.uscc());
                }
                if (caller.province() != null) {
                    h.set(PROVINCE, caller.province());
                }
            }).build();
        };
    }
}
