package jp.kyodo.groups;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import jp.kyodo.accounts.SignedInUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Accounts and groups for the registry's tests, written straight to the database. */
@Component
class GroupTestData {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes();

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final UserDetailsService users;
    private final CivicGroups groups;
    private final GroupMembers members;
    private final GroupDocuments documents;
    private final GroupRegistry registry;
    private final TransactionTemplate tx;

    GroupTestData(JdbcClient jdbc, PasswordEncoder encoder, UserDetailsService users, CivicGroups groups, GroupMembers members,
                  GroupDocuments documents, GroupRegistry registry, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.users = users;
        this.groups = groups;
        this.members = members;
        this.documents = documents;
        this.registry = registry;
        this.tx = tx;
    }

    static String tag() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    /** A signed-in person with a verified address; STAFF accounts belong to a secretariat division. */
    SignedInUser account(String prefix, String role) {
        String email = prefix + "-" + tag() + "@example.jp";
        Long dept = "STAFF".equals(role) ? jdbc.sql("""
                insert into department (code, name, secretariat, active, created_at) values (:code, '市民活動推進課', true, true, now())
                returning id""").param("code", "g-" + tag()).query(Long.class).single() : null;
        long id = jdbc.sql("""
                        insert into account (email, password_hash, name, status, department_id, created_at, updated_at, email_verified_at)
                        values (:email, :hash, :name, 'ACTIVE', :dept, now(), now(), now()) returning id""")
                .param("email", email).param("hash", encoder.encode("test-password-1")).param("name", prefix + " さん")
                .param("dept", dept).query(Long.class).single();
        jdbc.sql("insert into account_role (account_id, role) values (:id, 'RESIDENT')").param("id", id).update();
        if (!"RESIDENT".equals(role)) {
            jdbc.sql("insert into account_role (account_id, role) values (:id, :role)").param("id", id).param("role", role).update();
        }
        return (SignedInUser) users.loadUserByUsername(email);
    }

    /** An application ready to submit (every step filled in, every document there), managed by the given account. */
    long readyDraft(String name, long managerId, Person representative, Person contact) {
        return tx.execute(status -> {
            Instant now = Instant.now();
            CivicGroup g = CivicGroup.draft(GroupType.CIVIC, name, null, managerId, now);
            g.editBasics(GroupType.CIVIC, name, null, null, 10, null, "honjo", now);
            g.editActivities(new LinkedHashSet<>(List.of("bosai")), "目的", "活動", null, null, "集会所", null, false, false, now);
            g.editPeople(representative, contact, now);
            g.documentsDone(now);
            long id = groups.save(g).id();
            members.save(new GroupMember(id, managerId, GroupRole.REPRESENTATIVE, now));
            for (DocumentKind kind : DocumentKind.values()) {
                documents.save(id, kind, kind.name().toLowerCase() + ".pdf", "application/pdf", PDF, managerId, now);
            }
            return id;
        });
    }

    /** A registered group with no people named, managed by the given account. */
    long registeredGroup(String name, long managerId) {
        return registeredGroup(name, managerId, LocalDate.now());
    }

    long registeredGroup(String name, long managerId, LocalDate registeredOn) {
        return tx.execute(status -> {
            Instant now = Instant.now();
            CivicGroup g = CivicGroup.draft(GroupType.CIVIC, name, null, managerId, now);
            g.editBasics(GroupType.CIVIC, name, null, null, 10, null, "honjo", now);
            g.editActivities(new LinkedHashSet<>(List.of("bosai")), "目的", "活動", null, null, "古い集会所", null, false, false, now);
            g.submit(now);
            g.approve("C-" + System.nanoTime(), registeredOn, registry.validUntil(registeredOn), now);
            long id = groups.save(g).id();
            members.save(new GroupMember(id, managerId, GroupRole.REPRESENTATIVE, now));
            return id;
        });
    }

    long version(long groupId) {
        return groups.findById(groupId).orElseThrow().version();
    }
}
