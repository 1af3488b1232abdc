package jp.kyodo.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Input that the rules refuse: each problem names the form field and the message key to show next to it. */
public class InvalidInputException extends RuntimeException {

    /** One refused field. */
    public record Problem(String field, String messageKey, Object[] arguments) {
    }

    private final List<Problem> problems;

    public InvalidInputException(String field, String messageKey, Object... arguments) {
        this(List.of(new Problem(field, messageKey, arguments)));
    }

    private InvalidInputException(List<Problem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.messageKey()).toList().toString());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    public boolean concerns(String field) {
        return problems.stream().anyMatch(p -> p.field().equals(field));
    }

    /** The first problem with a field, or null: for pages that show messages without a bound form. */
    public Problem problem(String field) {
        return problems.stream().filter(p -> p.field().equals(field)).findFirst().orElse(null);
    }

    /** Runs several checks and reports every refused field at once, so that a form is corrected in one go. */
    public static final class Checks {
        private final List<Problem> problems = new ArrayList<>();

        public <T> T check(Supplier<T> rule) {
            try {
                return rule.get();
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
                return null;
            }
        }

        public void check(Runnable rule) {
            check(() -> {
                rule.run();
                return null;
            });
        }

        public boolean failed(String field) {
            return problems.stream().anyMatch(p -> p.field().equals(field));
        }

        public void throwIfAny() {
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
        }
    }
}
