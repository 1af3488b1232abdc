package jp.kyodo.accounts;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The portal's public address for links in e-mail: the configured one, else that of the current request. */
@Component
class PortalUrls {

    private final String configured;

    PortalUrls(@Value("${kyodo.base-url:}") String configured) {
        this.configured = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
    }

    String base() {
        return configured.isBlank() ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() : configured;
    }
}
