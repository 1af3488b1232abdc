package jp.kyodo.notifications;

import java.util.Optional;

/**
 * Where notices are mailed, implemented by the accounts module (which depends on notifications, not the other way):
 * an active account's e-mail address, or empty for a closed or unknown account.
 */
public interface NoticeRecipients {

    Optional<String> emailOf(long accountId);
}
