package org.singlewindow.node.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.singlewindow.contracts.declaration.Violation;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A {@code Content-Type} that names no media type is refused first, with 415 and the header named: a wildcard
 * ({@code *}{@code /*}, {@code application/*}) or text that does not parse. Later code takes a request's
 * {@code Content-Type} for a concrete type (a wildcard made the framework fail with 500 on seven operations).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class ContentTypeFilter extends OncePerRequestFilter {

    private final RequestRefusals refusals;

    public ContentTypeFilter(RequestRefusals refusals) {
        this.refusals = refusals;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType != null && !concrete(contentType)) {
            Problems.write(response, refusals.counted(Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "UNSUPPORTED_MEDIA_TYPE", "Unsupported media type", "不支持的媒体类型",
                    "Content-Type must name one media type (application/json, or application/xml for goods "
                            + "declarations), not a pattern or text that does not parse",
                    "Content-Type 必须是一个具体的媒体类型（application/json，货物申报也可使用 application/xml），"
                            + "不能是通配符或无法解析的文本",
                    List.of(new Violation("header:Content-Type", "MEDIA_TYPE", "不是具体的媒体类型",
                            "not a concrete media type")))));
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean concrete(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
