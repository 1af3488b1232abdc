package jp.kyodo.accounts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kyodo.audit.AuditLog;
import jp.kyodo.shared.PersonalDataSection;
import jp.kyodo.shared.PersonalDataSubject;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** All personal data the portal holds about a person, gathered from every module's {@link PersonalDataSection}. */
@Service
class PersonalData {

    private final AccountRepository accounts;
    private final List<PersonalDataSection> sections;
    private final AuditLog audit;

    PersonalData(AccountRepository accounts, List<PersonalDataSection> sections, AuditLog audit) {
        this.accounts = accounts;
        this.sections = sections;
        this.audit = audit;
    }

    /** The person's data, section by section and table by table; the download is recorded in the audit log. */
    @Transactional
    public Map<String, Map<String, List<Map<String, Object>>>> download(long accountId, String format) {
        PersonalDataSubject person = subject(accountId);
        Map<String, Map<String, List<Map<String, Object>>>> out = new LinkedHashMap<>();
        for (PersonalDataSection section : sections) {
            out.put(section.key(), section.export(person));
        }
        audit.record("account.data.download", "account", accountId, format);
        return out;
    }

    /** Erases the person from every module (see {@link PersonalDataSection#forget}); runs inside the account's deletion. */
    void forget(PersonalDataSubject person) {
        for (PersonalDataSection section : sections) {
            section.forget(person);
        }
    }

    List<PersonalDataSection> sections() {
        return sections;
    }

    PersonalDataSubject subject(long accountId) {
        Account account = accounts.findById(accountId).orElseThrow();
        return subject(account);
    }

    static PersonalDataSubject subject(Account account) {
        Profile profile = account.profile();
        return new PersonalDataSubject(account.id(), account.email(), account.name(),
                profile.phone() == null ? null : profile.phone().display(), profile.address());
    }
}
