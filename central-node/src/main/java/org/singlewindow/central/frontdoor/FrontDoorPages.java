package org.singlewindow.central.frontdoor;

import java.util.Map;

import org.singlewindow.central.CentralProperties;
import org.springframework.web.util.HtmlUtils;

/** The front door's two pages as HTML (every value escaped), styled like the portals, at a phone's width too. */
final class FrontDoorPages {

    private static final String STYLE = """
            body{margin:0;font-family:"Noto Sans CJK SC","WenQuanYi Zen Hei","PingFang SC","Microsoft YaHei",sans-serif;\
            background:#f3f5f8;color:#1d2733}\
            header{background:#b7141e;color:#fff;padding:14px 20px;font-size:20px;font-weight:600}\
            main{max-width:420px;margin:40px auto;background:#fff;border-radius:8px;padding:24px;\
            box-shadow:0 1px 4px rgba(0,0,0,.12)}\
            main.wide{max-width:720px}h1{font-size:20px;margin:0 0 6px}p.sub{color:#5b6673;margin:0 0 18px}\
            label{display:block;margin:12px 0 4px}input{width:100%;box-sizing:border-box;padding:9px;font-size:16px;\
            border:1px solid #c4cbd3;border-radius:4px}button{margin-top:18px;width:100%;padding:10px;font-size:16px;\
            background:#b7141e;color:#fff;border:0;border-radius:4px;cursor:pointer}\
            .error{background:#fdecec;color:#8a1017;padding:10px;border-radius:4px}\
            ul{padding-left:18px}li{margin:8px 0}a{color:#0b57a4}.lang{margin-top:18px;text-align:right}\
            @media (max-width:480px){main{margin:0;border-radius:0;box-shadow:none}}""";

    private FrontDoorPages() {
    }

    static String login(String window, boolean english, String error, String csrfName, String csrfToken) {
        String title = english ? "Sign in" : "登录";
        StringBuilder html = head(window + " · " + title, english);
        html.append("<header>").append(e(window)).append("</header><main><h1 id=\"window\">").append(e(window))
                .append("</h1><p class=\"sub\">").append(english
                        ? "Sign in with your account of China's International Trade Single Window"
                        : "使用中国国际贸易单一窗口统一身份账号登录").append("</p>");
        if (error != null) {
            html.append("<p class=\"error\" role=\"alert\" id=\"error\">").append(e(reason(error, english)))
                    .append("</p>");
        }
        html.append("<form method=\"post\" action=\"/login\"><label for=\"username\">")
                .append(english ? "User name" : "用户名")
                .append("</label><input id=\"username\" name=\"username\" autocomplete=\"username\" required autofocus>")
                .append("<label for=\"password\">").append(english ? "Password" : "密码")
                .append("</label><input id=\"password\" name=\"password\" type=\"password\" ")
                .append("autocomplete=\"current-password\" required>");
        if (csrfName != null) {
            html.append("<input type=\"hidden\" name=\"").append(e(csrfName)).append("\" value=\"")
                    .append(e(csrfToken)).append("\">");
        }
        html.append("<button type=\"submit\">").append(title).append("</button></form><p class=\"lang\"><a id=\"lang\" ")
                .append("href=\"/login?lang=").append(english ? "zh" : "en")
                .append(error == null ? "" : "&amp;error=" + e(error)).append("\">")
                .append(english ? "中文" : "English").append("</a></p></main></body></html>");
        return html.toString();
    }

    static String landing(Map<String, CentralProperties.PortalClient> portals, boolean english) {
        StringBuilder html = head(FrontDoorController.FEDERATION, english);
        html.append("<header>").append(FrontDoorController.FEDERATION).append("</header><main class=\"wide\"><h1>")
                .append(english ? "Provincial windows" : "地方国际贸易单一窗口").append("</h1><p class=\"sub\">")
                .append(english ? "Declare once, at your province's window; every agency's answer comes back there."
                        : "一次申报，统一门户：在所在地的单一窗口申报，各部门的处理结果统一通过单一窗口反馈。")
                .append("</p><ul id=\"windows\">");
        portals.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(p -> html.append("<li><a href=\"")
                .append(e(p.getValue().baseUrl().resolve("/").toString())).append("\">")
                .append(e(p.getValue().nameOr(p.getKey()))).append("</a></li>"));
        html.append("</ul><p><a id=\"console\" href=\"/console/\">").append(english ? "Operators' console" : "运维控制台")
                .append("</a></p><p class=\"lang\"><a href=\"/?lang=").append(english ? "zh" : "en").append("\">")
                .append(english ? "中文" : "English").append("</a></p></main></body></html>");
        return html.toString();
    }

    private static StringBuilder head(String title, boolean english) {
        return new StringBuilder("<!DOCTYPE html><html lang=\"").append(english ? "en" : "zh-CN")
                .append("\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, ")
                .append("initial-scale=1\"><title>").append(e(title)).append("</title><style>").append(STYLE)
                .append("</style></head><body>");
    }

    private static String reason(String error, boolean english) {
        return switch (error) {
            case "locked" -> english ? "This account is locked after repeated failed attempts; try again later or ask "
                    + "your enterprise's administrator." : "多次登录失败，账号已被暂时锁定，请稍后再试或联系本企业管理员。";
            case "disabled" -> english ? "This account is disabled; ask your enterprise's administrator."
                    : "账号已停用，请联系本企业管理员。";
            case "throttled" -> english ? "Too many attempts from here; wait a minute and try again."
                    : "尝试次数过多，请稍候一分钟再试。";
            default -> english ? "Wrong user name or password." : "用户名或密码错误。";
        };
    }

    private static String e(String value) {
        return HtmlUtils.htmlEscape(value == null ? "" : value);
    }
}
