package jp.kyodo.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * The separate port of the actuator ({@code management.server.port}), once its server has started: requests that
 * arrive on it come from the internal network the operator bound it to, never through the public proxy.
 */
@Component
class ManagementPort implements RequestMatcher {

    private volatile int port = -1;

    @EventListener
    void started(WebServerInitializedEvent event) {
        if ("management".equals(event.getApplicationContext().getServerNamespace())) {
            port = event.getWebServer().getPort();
        }
    }

    /** True for a request received on the management port (the socket's own port, not a forwarded header). */
    @Override
    public boolean matches(HttpServletRequest request) {
        return port > 0 && request.getLocalPort() == port;
    }
}
