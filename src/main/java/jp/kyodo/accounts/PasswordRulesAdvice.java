package jp.kyodo.accounts;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives the pages that ask for a new password the minimum length, for the hint next to the field. */
@ControllerAdvice(assignableTypes = {SignUpController.class, PasswordResetController.class, MyAccountController.class})
class PasswordRulesAdvice {

    private final PasswordPolicy policy;

    PasswordRulesAdvice(PasswordPolicy policy) {
        this.policy = policy;
    }

    @ModelAttribute("passwordMinLength")
    int passwordMinLength() {
        return policy.minLength();
    }
}
