package jp.kyodo.shared;

import org.springframework.validation.BindingResult;

/** Puts each refused input next to its field; a stale form becomes a message for the whole form. */
public final class FormErrors {

    private FormErrors() {
    }

    public static void reject(BindingResult result, InvalidInputException e) {
        for (InvalidInputException.Problem p : e.problems()) {
            if ("version".equals(p.field())) {
                result.reject(p.messageKey(), p.arguments(), null);
            } else {
                result.rejectValue(p.field(), p.messageKey(), p.arguments(), null);
            }
        }
    }
}
