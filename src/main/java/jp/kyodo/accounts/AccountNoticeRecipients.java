package jp.kyodo.accounts;

import java.util.Optional;
import jp.kyodo.notifications.NoticeRecipients;
import org.springframework.stereotype.Component;

/** Tells notifications where a person's notices are mailed: an active account's address, nothing for a closed one. */
@Component
class AccountNoticeRecipients implements NoticeRecipients {

    private final Accounts accounts;

    AccountNoticeRecipients(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<String> emailOf(long accountId) {
        return accounts.find(accountId).filter(a -> a.status() == AccountStatus.ACTIVE).map(AccountSummary::email);
    }
}
