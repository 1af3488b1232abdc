package jp.kyodo.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * While the database cannot be reached (restarted, failed over, the network between them down), every request gets a
 * short page saying so, with status 503 and {@code Retry-After}, instead of an error trace or a blank page; when the
 * database is back, the connection pool reconnects and the portal serves again without a restart.
 *
 * <p>The page is written here, outside the application's templates, because the layout itself reads the database
 * (notices, the latest news) and so does the session (Spring Session JDBC), which is why this filter comes first.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseUnavailable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);
    static final int RETRY_AFTER_SECONDS = 30;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> databaseUnavailableFilter(MessageSource messages) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                try {
                    chain.doFilter(request, response);
                } catch (ServletException | IOException | RuntimeException e) {
                    if (!isDatabaseUnreachable(e) || response.isCommitted()) {
                        throw e;
                    }
                    log.warn("Database unreachable while serving {} {}: {}", request.getMethod(), request.getRequestURI(), rootMessage(e));
                    if (request.getRequestURI().startsWith("/api/")) {
                        writeJson(response, messages);
                    } else {
                        write(response, messages);
                    }
                }
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** Whether the failure, anywhere in its causes, is a database that cannot be reached (not a bad query). */
    static boolean isDatabaseUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                    || t instanceof SQLTransientConnectionException || t instanceof java.net.ConnectException
                    || t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().equals("57P01") || sql.getSQLState().equals("57P03"))) {
                // 08: connection exceptions; 57P01: the server is shutting down; 57P03: it cannot accept connections yet.
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }

    private static void start(HttpServletResponse response, String type) {
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(type);
    }

    /** The open data API answers in JSON, as it does otherwise. */
    private static void writeJson(HttpServletResponse response, MessageSource messages) throws IOException {
        start(response, "application/json;charset=UTF-8");
        String message = messages.getMessage("error.503.title", null, "Temporarily unavailable", Locale.JAPANESE)
                .replace("\\", "\\\\").replace("\"", "\\\"");
        response.getWriter().write("{\"status\":503,\"error\":\"Service Unavailable\",\"message\":\"" + message + "\"}");
        response.getWriter().flush();
    }

    private static void write(HttpServletResponse response, MessageSource messages) throws IOException {
        start(response, "text/html;charset=UTF-8");
        String title = text(messages, "error.503.title", Locale.JAPANESE);
        String body = text(messages, "error.503.body", Locale.JAPANESE);
        String titleEn = text(messages, "error.503.title", Locale.ENGLISH);
        String bodyEn = text(messages, "error.503.body", Locale.ENGLISH);
        String retry = text(messages, "error.503.retry", Locale.JAPANESE);
        PrintWriter out = response.getWriter();
        out.write("<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + title + "</title><link rel=\"stylesheet\" href=\"/css/kyodo.css\"></head>"
                + "<body><main id=\"main\" class=\"container\"><h1>" + title + "</h1><p>" + body + "</p>"
                + "<p lang=\"en\">" + titleEn + ". " + bodyEn + "</p>"
                + "<p><a href=\"\">" + retry + "</a></p></main></body></html>\n");
        out.flush();
    }

    private static String text(MessageSource messages, String key, Locale locale) {
        return HtmlUtils.htmlEscape(messages.getMessage(key, null, key, locale));
    }
}
