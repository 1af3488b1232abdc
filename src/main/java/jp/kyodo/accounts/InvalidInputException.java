package jp.kyodo.accounts;

/** Input that the rules refuse; names the form field and the message key to show next to it. */
class InvalidInputException extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final Object[] arguments;

    InvalidInputException(String field, String messageKey, Object... arguments) {
        super(field + ": " + messageKey);
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    String field() { return field; }
    String messageKey() { return messageKey; }
    Object[] arguments() { return arguments; }
}
