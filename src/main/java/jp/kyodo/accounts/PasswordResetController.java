package jp.kyodo.accounts;

import jp.kyodo.shared.InvalidInputException;
import jp.kyodo.shared.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Forgotten password: a link by e-mail, then a new password. Also where invited staff set their first password. */
@Controller
class PasswordResetController {

    private final SelfService selfService;
    private final PortalUrls urls;

    PasswordResetController(SelfService selfService, PortalUrls urls) {
        this.selfService = selfService;
        this.urls = urls;
    }

    @GetMapping("/password/forgot")
    String forgotForm(Model model) {
        model.addAttribute("form", new ForgotForm());
        return "accounts/password-forgot";
    }

    @PostMapping("/password/forgot")
    String forgot(@ModelAttribute("form") ForgotForm form, BindingResult result, jakarta.servlet.http.HttpServletRequest request) {
        try {
            selfService.requestPasswordReset(form.getEmail(), urls.base(), request.getRemoteAddr());
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
            return "accounts/password-forgot";
        }
        return "redirect:/password/forgot/sent";
    }

    @GetMapping("/password/forgot/sent")
    String forgotSent() {
        return "accounts/password-forgot-sent";
    }

    @GetMapping("/password/reset")
    String resetForm(@RequestParam(required = false) String token, Model model) {
        ResetForm form = new ResetForm();
        form.setToken(token);
        model.addAttribute("form", form);
        model.addAttribute("usable", selfService.resetTokenUsable(token));
        return "accounts/password-reset";
    }

    @PostMapping("/password/reset")
    String reset(@ModelAttribute("form") ResetForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        try {
            if (!selfService.resetPassword(form.getToken(), form.getPassword(), form.getPasswordConfirmation())) {
                model.addAttribute("usable", false);
                return "accounts/password-reset";
            }
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
            form.setPassword(null);
            form.setPasswordConfirmation(null);
            model.addAttribute("usable", true);
            return "accounts/password-reset";
        }
        redirect.addFlashAttribute("notice", "notice.password.reset");
        return "redirect:/login";
    }

    /** Asks for the address to send the link to. */
    static class ForgotForm {
        private String email;

        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
    }

    /** The new password, with the token from the link. */
    static class ResetForm {
        private String token;
        private String password;
        private String passwordConfirmation;

        public String getToken() { return token; }
        public void setToken(String token) { this.token = token; }
        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
        public String getPasswordConfirmation() { return passwordConfirmation; }
        public void setPasswordConfirmation(String passwordConfirmation) { this.passwordConfirmation = passwordConfirmation; }
    }
}
