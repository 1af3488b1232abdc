package jp.kyodo.collaboration;

import jp.kyodo.accounts.SignedInUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A published collaboration project for other modules' tests (case studies), built as the collaboration tests build one. */
@Component
public class FinishedProjectFixture {

    private final CollaborationTestData data;
    private final JdbcClient jdbc;

    FinishedProjectFixture(CollaborationTestData data, JdbcClient jdbc) {
        this.data = data;
        this.jdbc = jdbc;
    }

    /** An adopted project of a new group and department, moved on to published (its evaluation made public); its id. */
    public long publishedProject(SignedInUser staff, String tag) {
        SignedInUser rep = data.account("fp-rep", null);
        long department = data.department("文化振興課" + tag, false);
        long group = data.registeredGroup("アートの会" + tag, rep.accountId(), "芸術で交流する", "geijutsu");
        long project = data.adoptedProject(department, group, rep, staff, tag);
        jdbc.sql("update collab_project set status = 'PUBLISHED', published_at = now() where id = :id").param("id", project).update();
        return project;
    }
}
