package jp.kyodo.shared;

import org.springframework.validation.BindingResult;

/** Puts each refused input next to its field; a stale form becomes a message for the whole form. */
public final class FormErrors {

    private FormErrors() {
    }

    private static boolean readable(BindingResult result, String field) {
        try {
            result.getFieldType(field);
            return result.getTarget() == null
                    || org.springframework.beans.PropertyAccessorFactory.forBeanPropertyAccess(result.getTarget()).isReadableProperty(field);
        } catch (RuntimeException e) {
            return false;
        }
    }

    public static void reject(BindingResult result, InvalidInputException e) {
        for (InvalidInputException.Problem p : e.problems()) {
            if ("version".equals(p.field()) || !readable(result, p.field())) {
                // Not a field of this form (a stale form, or a rule about another step): a message for the whole form.
                result.reject(p.messageKey(), p.arguments(), null);
            } else {
                result.rejectValue(p.field(), p.messageKey(), p.arguments(), null);
            }
        }
    }
}
