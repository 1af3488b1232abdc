package jp.kyodo.accounts;

import jp.kyodo.shared.InvalidInputException;
import jp.kyodo.shared.FormErrors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sign-up with e-mail confirmation. */
@Controller
class SignUpController {

    private final SelfService selfService;
    private final PortalUrls urls;

    SignUpController(SelfService selfService, PortalUrls urls) {
        this.selfService = selfService;
        this.urls = urls;
    }

    @GetMapping("/signup")
    String form(Model model) {
        model.addAttribute("form", new SignUpForm());
        return "accounts/signup";
    }

    @PostMapping("/signup")
    String signUp(@ModelAttribute("form") SignUpForm form, BindingResult result, RedirectAttributes redirect,
                  jakarta.servlet.http.HttpServletRequest request) {
        try {
            selfService.signUp(form.getName(), form.getEmail(), form.getPassword(), form.getPasswordConfirmation(), urls.base(), request.getRemoteAddr());
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
            form.clearPasswords();
            return "accounts/signup";
        } catch (DataIntegrityViolationException e) {
            // The same address signed up twice at the same moment: the first one won, and its mail is on the way.
        }
        redirect.addFlashAttribute("email", form.getEmail());
        return "redirect:/signup/sent";
    }

    @GetMapping("/signup/sent")
    String sent(Model model) {
        model.addAttribute("resend", new ResendForm());
        return "accounts/signup-sent";
    }

    @GetMapping("/signup/verify")
    String verify(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("verified", selfService.verify(token));
        model.addAttribute("resend", new ResendForm());
        return "accounts/verify";
    }

    @PostMapping("/signup/resend")
    String resend(@ModelAttribute("resend") ResendForm form, BindingResult result, Model model,
                  jakarta.servlet.http.HttpServletRequest request) {
        try {
            selfService.resendVerification(form.getEmail(), urls.base(), request.getRemoteAddr());
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
            model.addAttribute("verified", false);
            return "accounts/verify";
        }
        return "redirect:/signup/sent";
    }

    /** The sign-up form as typed. */
    static class SignUpForm {
        private String name;
        private String email;
        private String password;
        private String passwordConfirmation;

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
        public String getPasswordConfirmation() { return passwordConfirmation; }
        public void setPasswordConfirmation(String passwordConfirmation) { this.passwordConfirmation = passwordConfirmation; }

        /** Passwords are never sent back to the browser, even on an error. */
        void clearPasswords() {
            password = null;
            passwordConfirmation = null;
        }
    }

    /** The form that asks for the confirmation mail again. */
    static class ResendForm {
        private String email;

        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
    }
}
