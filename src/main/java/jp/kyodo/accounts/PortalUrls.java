package jp.kyodo.accounts;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The portal's public address for links in e-mail. It is the configured {@code kyodo.base-url}; without one,
 * the request's own address is used only when it is this machine (development), never a Host header that a
 * stranger could set to send tokens to their own server.
 */
@Component
public class PortalUrls {

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final String configured;

    PortalUrls(@Value("${kyodo.base-url:}") String configured) {
        this.configured = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
    }

    /** The absolute address of a path of the portal, for a link in an e-mail. */
    public String link(String path) {
        return base() + path;
    }

    String base() {
        if (!configured.isBlank()) {
            return configured;
        }
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        if (!LOCAL_HOSTS.contains(request.getServerName())) {
            throw new IllegalStateException("Set KYODO_BASE_URL (kyodo.base-url) to the portal's public address: "
                    + "links in e-mail are not built from a request's Host header");
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }
}
