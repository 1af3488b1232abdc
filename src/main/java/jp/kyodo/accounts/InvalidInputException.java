package jp.kyodo.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Input that the rules refuse: each problem names the form field and the message key to show next to it. */
class InvalidInputException extends RuntimeException {

    /** One refused field. */
    record Problem(String field, String messageKey, Object[] arguments) {
    }

    private final List<Problem> problems;

    InvalidInputException(String field, String messageKey, Object... arguments) {
        this(List.of(new Problem(field, messageKey, arguments)));
    }

    private InvalidInputException(List<Problem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.messageKey()).toList().toString());
        this.problems = List.copyOf(problems);
    }

    List<Problem> problems() {
        return problems;
    }

    boolean concerns(String field) {
        return problems.stream().anyMatch(p -> p.field().equals(field));
    }

    /** Runs several checks and reports every refused field at once, so that a form is corrected in one go. */
    static final class Checks {
        private final List<Problem> problems = new ArrayList<>();

        <T> T check(Supplier<T> rule) {
            try {
                return rule.get();
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
                return null;
            }
        }

        void check(Runnable rule) {
            check(() -> {
                rule.run();
                return null;
            });
        }

        boolean failed(String field) {
            return problems.stream().anyMatch(p -> p.field().equals(field));
        }

        void throwIfAny() {
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
        }
    }
}
