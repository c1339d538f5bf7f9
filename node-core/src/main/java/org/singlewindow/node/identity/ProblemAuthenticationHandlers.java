package org.singlewindow.node.identity;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.singlewindow.node.web.Problems;
import org.singlewindow.node.web.RequestRefusals;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** 401 and 403 as bilingual problem details, each counted as a refusal ({@link RequestRefusals}). */
@Component
public class ProblemAuthenticationHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final RequestRefusals refusals;

    public ProblemAuthenticationHandlers(RequestRefusals refusals) {
        this.refusals = refusals;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        write(response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "Authentication required", "需要身份认证",
                "send a valid bearer token issued by the central node", "请携带中央节点签发的有效访问令牌");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (e instanceof org.springframework.security.web.csrf.CsrfException) {
            write(response, HttpStatus.FORBIDDEN, "CSRF_TOKEN_INVALID", "Forbidden", "无权访问",
                    "a request with a login session must carry in its header the CSRF token that /portal/me or "
                            + "/console/me hands out",
                    "使用登录会话的请求须在请求头中携带 /portal/me 或 /console/me 提供的 CSRF 令牌");
            return;
        }
        write(response, HttpStatus.FORBIDDEN, "ROLE_REQUIRED", "Forbidden", "无权访问",
                "your client's role does not allow this request", "您的客户端角色不允许此操作");
    }

    private void write(HttpServletResponse response, HttpStatus status, String code, String title, String titleZh,
                       String detail, String detailZh) throws IOException {
        Problems.write(response, refusals.counted(Problems.of(status, code, title, titleZh, detail, detailZh,
                List.of())));
    }
}
