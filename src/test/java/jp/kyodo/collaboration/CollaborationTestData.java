package jp.kyodo.collaboration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.kyodo.shared.CollaborationForm;
import jp.kyodo.accounts.SignedInUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Departments, accounts and registered groups for the collaboration tests, written straight to the database. */
@Component
class CollaborationTestData {

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final UserDetailsService users;
    private final org.springframework.transaction.support.TransactionTemplate tx;
    private final CallRepository calls;
    private final ProposalRepository proposals;
    private final ProjectRepository projects;
    private final Projects projectService;

    CollaborationTestData(JdbcClient jdbc, PasswordEncoder encoder, UserDetailsService users,
                          org.springframework.transaction.support.TransactionTemplate tx, CallRepository calls, ProposalRepository proposals,
                          ProjectRepository projects, Projects projectService) {
        this.tx = tx;
        this.calls = calls;
        this.proposals = proposals;
        this.projects = projects;
        this.projectService = projectService;
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.users = users;
    }

    static String tag() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    long department(String name, boolean secretariat) {
        return jdbc.sql("""
                        insert into department (code, name, secretariat, active, created_at) values (:code, :name, :s, true, now())
                        returning id""")
                .param("code", "d-" + tag()).param("name", name).param("s", secretariat).query(Long.class).single();
    }

    SignedInUser account(String prefix, Long departmentId, String... roles) {
        String email = prefix + "-" + tag() + "@example.jp";
        long id = jdbc.sql("""
                        insert into account (email, password_hash, name, status, department_id, created_at, updated_at, email_verified_at)
                        values (:email, :hash, :name, 'ACTIVE', :dept, now(), now(), now()) returning id""")
                .param("email", email).param("hash", encoder.encode("test-password-1")).param("name", prefix + " さん")
                .param("dept", departmentId).query(Long.class).single();
        jdbc.sql("insert into account_role (account_id, role) values (:id, 'RESIDENT')").param("id", id).update();
        for (String role : roles) {
            jdbc.sql("insert into account_role (account_id, role) values (:id, :role)").param("id", id).param("role", role).update();
        }
        return (SignedInUser) users.loadUserByUsername(email);
    }

    /** A registered group in the given fields, managed by the account as its representative. */
    long registeredGroup(String name, long managerId, String purpose, String... fieldCodes) {
        long id = jdbc.sql("""
                        insert into civic_group (type, name, status, registration_number, registered_on, valid_until, rep_name, contact_name,
                            contact_email, members_count, area_code, purpose, activities, created_by, created_at, updated_at, draft_step, version)
                        values ('CIVIC', :name, 'REGISTERED', :number, current_date, current_date + 700, '代表 太郎', '連絡 花子',
                            :email, 12, 'honjo', :purpose, :purpose, :by, now(), now(), 5, 0) returning id""")
                .param("name", name).param("number", "C-" + tag()).param("email", "contact-" + tag() + "@example.jp")
                .param("purpose", purpose).param("by", managerId).query(Long.class).single();
        for (String f : fieldCodes) {
            jdbc.sql("insert into civic_group_field (group_id, field_code) values (:g, :f)").param("g", id).param("f", f).update();
        }
        jdbc.sql("insert into civic_group_member (group_id, account_id, role, joined_at) values (:g, :a, 'REPRESENTATIVE', now())")
                .param("g", id).param("a", managerId).update();
        return id;
    }

    /** A call, a proposal adopted on it (with one target and three budget lines), and its project. */
    long adoptedProject(long department, long group, SignedInUser rep, SignedInUser staff, String tag) {
        return tx.execute(s -> {
            Instant now = Instant.now();
            Call c = Call.draft(CallOrigin.CITY, department, staff.accountId(), now);
            c.edit(new CallForm.Checked(2027, "芸術で元気なまちに" + tag, "背景", "成果", null, 300_000L, null, EnumSet.of(CollaborationForm.COHOSTING),
                    Set.of(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1), null, null, null, null), now);
            c.publish(now);
            calls.save(c);
            Proposal p = proposals.save(Proposal.draft(c.id(), group, "アートフェスタ" + tag, rep.accountId(), now));
            p.editOutline("アートフェスタ" + tag, "芸術で交流する", "芸術祭を開く", null, null, LocalDate.of(2027, 4, 1), LocalDate.of(2028, 3, 31),
                    null, CollaborationForm.COHOSTING, now);
            p.editRoles(List.of(new ProposalLines.Role("会場設営", "設営", "会場確保")), now);
            p.editBudget(List.of(
                    new ProposalLines.Budget(ProposalLines.BudgetKind.INCOME, "協賛金", 20_000, ProposalLines.Bearer.GROUP, null),
                    new ProposalLines.Budget(ProposalLines.BudgetKind.EXPENSE, "出演謝礼", 200_000, ProposalLines.Bearer.CITY, null),
                    new ProposalLines.Budget(ProposalLines.BudgetKind.EXPENSE, "消耗品", 30_000, ProposalLines.Bearer.GROUP, null)), now);
            p.editTargets(List.of(new ProposalLines.Target(ProposalLines.TargetKind.OUTCOME, "来場者の満足度", "80%")), null, null, now);
            p.submit(now);
            p.startScreening(now);
            p.decide(ProposalStatus.ADOPTED, "採択", null, now);
            proposals.flush();
            projectService.open(p, staff, now);
            return projects.findByProposalId(p.id()).orElseThrow().id();
        });
    }

}
