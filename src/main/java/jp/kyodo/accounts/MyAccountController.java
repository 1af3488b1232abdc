package jp.kyodo.accounts;

import jp.kyodo.shared.InvalidInputException;
import jp.kyodo.shared.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** マイページ: the signed-in person's own account. */
@Controller
@RequestMapping("/account")
class MyAccountController {

    private final SelfService selfService;
    private final PortalUrls urls;
    private final SessionAccountCheck sessions;

    MyAccountController(SelfService selfService, PortalUrls urls, SessionAccountCheck sessions) {
        this.selfService = selfService;
        this.urls = urls;
        this.sessions = sessions;
    }

    @GetMapping
    String overview(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("account", selfService.summary(user.accountId()));
        model.addAttribute("profile", selfService.profile(user.accountId()));
        model.addAttribute("secondFactorOffered", SecondFactor.appliesTo(user));
        return "accounts/account";
    }

    @GetMapping("/profile")
    String profileForm(@AuthenticationPrincipal SignedInUser user, Model model) {
        Profile p = selfService.profile(user.accountId());
        ProfileForm form = new ProfileForm();
        form.setName(p.name());
        form.setNameKana(p.nameKana());
        form.setPostalCode(p.postalCode() == null ? null : p.postalCode().format());
        form.setAddress(p.address());
        form.setPhone(p.phone() == null ? null : p.phone().display());
        form.setVersion(selfService.summary(user.accountId()).version());
        model.addAttribute("form", form);
        return "accounts/profile";
    }

    @PostMapping("/profile")
    String profile(@AuthenticationPrincipal SignedInUser user, @ModelAttribute("form") ProfileForm form,
                   BindingResult result, RedirectAttributes redirect) {
        try {
            Profile profile = ProfileRules.profile(form.getName(), form.getNameKana(), form.getPostalCode(), form.getAddress(), form.getPhone());
            selfService.updateProfile(user.accountId(), form.getVersion(), profile);
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
            if (e.concerns("version")) {
                // Saving again after reading the message overwrites the other change on purpose.
                form.setVersion(selfService.summary(user.accountId()).version());
            }
            return "accounts/profile";
        }
        redirect.addFlashAttribute("notice", "notice.profile.saved");
        return "redirect:/account";
    }

    @GetMapping("/password")
    String passwordForm(Model model) {
        model.addAttribute("form", new PasswordForm());
        return "accounts/password-change";
    }

    @PostMapping("/password")
    String password(@AuthenticationPrincipal SignedInUser user, @ModelAttribute("form") PasswordForm form,
                    BindingResult result, RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
        try {
            selfService.changePassword(user.accountId(), form.getCurrentPassword(), form.getPassword(), form.getPasswordConfirmation());
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
            return "accounts/password-change";
        }
        // This session goes on; every other session of the account ends at its next request.
        sessions.refresh(request, response, user.accountId());
        redirect.addFlashAttribute("notice", "notice.password.changed");
        return "redirect:/account";
    }

    @GetMapping("/email")
    String emailForm(Model model) {
        model.addAttribute("form", new EmailForm());
        return "accounts/email-change";
    }

    @PostMapping("/email")
    String email(@AuthenticationPrincipal SignedInUser user, @ModelAttribute("form") EmailForm form,
                 BindingResult result, RedirectAttributes redirect) {
        try {
            String email = selfService.requestEmailChange(user.accountId(), form.getEmail(), form.getCurrentPassword(), urls.base());
            redirect.addFlashAttribute("email", email);
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
            form.setCurrentPassword(null);
            return "accounts/email-change";
        }
        return "redirect:/account/email/sent";
    }

    @GetMapping("/email/sent")
    String emailSent() {
        return "accounts/email-sent";
    }

    @GetMapping("/email/confirm")
    String confirmEmail(@RequestParam(required = false) String token, Model model,
                        HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        boolean changed = selfService.confirmEmailChange(token);
        if (changed && authentication != null) {
            // The session still carries the old address as its login name: sign in again with the new one.
            new SecurityContextLogoutHandler().logout(request, response, authentication);
        }
        model.addAttribute("changed", changed);
        return "accounts/email-confirmed";
    }

    /** Ends this person's sessions on every device, this one included. */
    @PostMapping("/sessions/end")
    String logOutEverywhere(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request, HttpServletResponse response,
                            Authentication authentication, RedirectAttributes redirect) {
        selfService.logOutEverywhere(user.accountId());
        new SecurityContextLogoutHandler().logout(request, response, authentication);
        redirect.addFlashAttribute("notice", "notice.account.loggedOutEverywhere");
        return "redirect:/login";
    }

    @GetMapping("/delete")
    String deleteForm(Model model) {
        model.addAttribute("form", new DeleteForm());
        return "accounts/delete";
    }

    @PostMapping("/delete")
    String delete(@AuthenticationPrincipal SignedInUser user, @ModelAttribute("form") DeleteForm form, BindingResult result,
                  HttpServletRequest request, HttpServletResponse response, Authentication authentication,
                  RedirectAttributes redirect) {
        if (!form.isConfirmed()) {
            result.rejectValue("confirmed", "validation.delete.confirm");
            return "accounts/delete";
        }
        try {
            selfService.delete(user.accountId(), form.getCurrentPassword());
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
            return "accounts/delete";
        }
        new SecurityContextLogoutHandler().logout(request, response, authentication);
        redirect.addFlashAttribute("notice", "notice.account.deleted");
        return "redirect:/";
    }

    /** The profile as typed. */
    static class ProfileForm {
        private String name;
        private String nameKana;
        private String postalCode;
        private String address;
        private String phone;
        private long version;

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getNameKana() { return nameKana; }
        public void setNameKana(String nameKana) { this.nameKana = nameKana; }
        public String getPostalCode() { return postalCode; }
        public void setPostalCode(String postalCode) { this.postalCode = postalCode; }
        public String getAddress() { return address; }
        public void setAddress(String address) { this.address = address; }
        public String getPhone() { return phone; }
        public void setPhone(String phone) { this.phone = phone; }
        public long getVersion() { return version; }
        public void setVersion(long version) { this.version = version; }
    }

    /** Current and new password. */
    static class PasswordForm {
        private String currentPassword;
        private String password;
        private String passwordConfirmation;

        public String getCurrentPassword() { return currentPassword; }
        public void setCurrentPassword(String currentPassword) { this.currentPassword = currentPassword; }
        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
        public String getPasswordConfirmation() { return passwordConfirmation; }
        public void setPasswordConfirmation(String passwordConfirmation) { this.passwordConfirmation = passwordConfirmation; }
    }

    /** The new address, confirmed by the current password. */
    static class EmailForm {
        private String email;
        private String currentPassword;

        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
        public String getCurrentPassword() { return currentPassword; }
        public void setCurrentPassword(String currentPassword) { this.currentPassword = currentPassword; }
    }

    /** Deletion needs the password and an explicit tick. */
    static class DeleteForm {
        private String currentPassword;
        private boolean confirmed;

        public String getCurrentPassword() { return currentPassword; }
        public void setCurrentPassword(String currentPassword) { this.currentPassword = currentPassword; }
        public boolean isConfirmed() { return confirmed; }
        public void setConfirmed(boolean confirmed) { this.confirmed = confirmed; }
    }
}
