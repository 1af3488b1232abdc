package jp.kyodo.operations;

/** A backup or restore that was refused or failed, with a message for the operator. */
public class BackupException extends RuntimeException {

    BackupException(String message) {
        super(message);
    }

    BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
