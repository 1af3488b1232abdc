package jp.kyodo.accounts;

import org.springframework.validation.BindingResult;

/** Puts a refused input next to its field. */
final class FormErrors {

    private FormErrors() {
    }

    static void reject(BindingResult result, InvalidInputException e) {
        if ("version".equals(e.field())) {
            result.reject(e.messageKey(), e.arguments(), null);
        } else {
            result.rejectValue(e.field(), e.messageKey(), e.arguments(), null);
        }
    }
}
