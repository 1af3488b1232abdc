package jp.kyodo.accounts;

import java.util.Optional;
import jp.kyodo.notifications.NoticeRecipients;
import org.springframework.stereotype.Component;

/** Tells notifications where a person's notices are mailed: an active account's address, nothing for a closed one. */
@Component
class AccountNoticeRecipients implements NoticeRecipients {

    private final Accounts accounts;
    private final PortalUrls urls;

    AccountNoticeRecipients(Accounts accounts, PortalUrls urls) {
        this.accounts = accounts;
        this.urls = urls;
    }

    @Override
    public Optional<String> emailOf(long accountId) {
        return accounts.find(accountId).filter(a -> a.status() == AccountStatus.ACTIVE).map(AccountSummary::email);
    }

    @Override
    public Optional<String> link(String path) {
        return Optional.of(urls.link(path));
    }
}
