package jp.kyodo.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.authentication.AccountExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page; the login itself is Spring Security's form login at POST /login. */
@Controller
class LoginController {

    static final String FAILURE = LoginController.class.getName() + ".failure";
    static final String USERNAME = LoginController.class.getName() + ".username";

    @GetMapping("/login")
    String login(HttpSession session, Model model) {
        Object failure = session.getAttribute(FAILURE);
        Object username = session.getAttribute(USERNAME);
        session.removeAttribute(FAILURE);
        session.removeAttribute(USERNAME);
        model.addAttribute("failure", failure);
        model.addAttribute("username", username == null ? "" : username);
        return "accounts/login";
    }

    /** Keeps the typed address and the reason of a failed login for the next showing of the page. */
    @Component
    static class FailureHandler implements AuthenticationFailureHandler {
        @Override
        public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                            AuthenticationException exception) throws IOException {
            String kind = switch (exception) {
                case LockedException e -> "locked";
                case LoginThrottle.NetworkBlockedException e -> "network";
                case AccountExpiredException e -> "disabled";
                case DisabledException e -> "unverified";
                default -> "bad";
            };
            HttpSession session = request.getSession();
            session.setAttribute(FAILURE, kind);
            String username = request.getParameter("username");
            session.setAttribute(USERNAME, username == null ? "" : username.substring(0, Math.min(username.length(), 254)));
            response.sendRedirect(request.getContextPath() + "/login?error");
        }
    }
}
