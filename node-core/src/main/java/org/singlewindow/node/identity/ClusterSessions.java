package org.singlewindow.node.identity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Login sessions in the database ({@code SPRING_SESSION}, Spring Session JDBC) when the node runs as several
 * instances ({@code sw.cluster.enabled}): a user who opened central's login page on one instance can post it to
 * another, and a portal login begun on one provincial instance ends on any. The cookie keeps the node's name and
 * flags ({@code server.servlet.session.cookie.*}). A node running alone keeps its sessions in memory.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "sw.cluster.enabled", havingValue = "true")
@EnableJdbcHttpSession
public class ClusterSessions {

    @Bean
    CookieSerializer sessionCookie(@Value("${server.servlet.session.cookie.name}") String name) {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName(name);
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Lax");
        cookie.setUseBase64Encoding(false);
        return cookie;
    }
}
