package org.singlewindow.contracts.problem;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.singlewindow.contracts.declaration.Violation;

/**
 * Tomcat's error report, as a problem instead of an HTML page. Tomcat refuses some requests before any filter or
 * servlet sees them: a path with an encoded {@code /} or a {@code ..} that climbs out, a control character (NUL,
 * ESC) in the request target, a malformed request line or header. Its host's error report valve then writes an
 * HTML page. This valve takes that one's place ({@link #install}) and writes the bilingual problem, naming the part
 * of the request that was refused. Anything the application answered itself is left as it is.
 */
public class ContainerRefusals extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String part = part(response.getMessage());
        String json = status >= 500
                ? ProblemJson.write(status, "INTERNAL", "Internal error", "内部错误",
                "the server could not complete the request", "服务器未能完成请求", Map.of())
                : ProblemJson.write(status, "REQUEST_REFUSED", "Request refused", "请求被拒绝",
                "the server refused the request's " + part + " before reading it (HTTP " + status + "): an encoded "
                        + "'/' or '..' in the path, a control character in the query, or a malformed line or header",
                "服务器在处理之前拒绝了请求的" + PARTS_ZH.getOrDefault(part, part) + "（HTTP " + status
                        + "）：路径中含编码的 '/' 或 '..'、查询串含控制字符，或请求行、请求头格式错误",
                Map.of("errors", List.of(new Violation(part, "REFUSED_BY_CONTAINER",
                        "请求的" + PARTS_ZH.getOrDefault(part, part) + "无效", "the request's " + part + " is invalid"))));
        try {
            response.setContentType(ProblemJson.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(json);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the response was taken over: nothing more can be said on it
        }
    }

    private static final Map<String, String> PARTS_ZH = Map.of("path", "路径", "query", "查询串", "header", "请求头",
            "request", "请求");

    /** Which part of the request Tomcat's message speaks of. */
    static String part(String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (m.contains("header")) {
            return "header";
        }
        if (m.contains("query") || m.contains("parameter")) {
            return "query";
        }
        if (m.contains("uri") || m.contains("target") || m.contains("path")) {
            return "path";
        }
        return "request";
    }

    /**
     * Puts this valve in the place of the host's error report valve, once the context has been added to its host
     * and the host has made its own (before the connector takes requests): a listener for
     * {@code context.addLifecycleListener}.
     */
    public static void install(Context context) {
        context.addLifecycleListener(event -> {
            if (!Lifecycle.AFTER_START_EVENT.equals(event.getType())) {
                return;
            }
            Container parent = context.getParent();
            if (parent instanceof Host host) {
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve.getClass() == ErrorReportValve.class) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                if (java.util.Arrays.stream(host.getPipeline().getValves()).noneMatch(ContainerRefusals.class::isInstance)) {
                    ContainerRefusals refusals = new ContainerRefusals();
                    refusals.setShowReport(false);
                    refusals.setShowServerInfo(false);
                    host.getPipeline().addValve(refusals);
                }
            }
        });
    }
}
