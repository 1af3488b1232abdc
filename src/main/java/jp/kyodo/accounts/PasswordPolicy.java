package jp.kyodo.accounts;

import jp.kyodo.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/** The rules a new password must meet. */
@Component
class PasswordPolicy {

    static final int MAX_LENGTH = 128;
    private final int minLength;

    PasswordPolicy(AccountSettings settings) {
        this.minLength = settings.passwordMinLength();
    }

    int minLength() {
        return minLength;
    }

    void check(String password, String confirmation, String email, String field) {
        if (password == null || password.isEmpty()) {
            throw new InvalidInputException(field, "validation.required");
        }
        if (password.length() < minLength) {
            throw new InvalidInputException(field, "validation.password.short", minLength);
        }
        if (password.length() > MAX_LENGTH) {
            throw new InvalidInputException(field, "validation.tooLong", MAX_LENGTH);
        }
        if (password.chars().distinct().count() < 4) {
            throw new InvalidInputException(field, "validation.password.weak");
        }
        if (email != null && password.equalsIgnoreCase(email)) {
            throw new InvalidInputException(field, "validation.password.email");
        }
        if (!password.equals(confirmation)) {
            throw new InvalidInputException(field + "Confirmation", "validation.password.mismatch");
        }
    }
}
