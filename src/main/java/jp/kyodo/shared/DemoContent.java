package jp.kyodo.shared;

import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A module's demo content, loaded at start-up into an empty database: only when {@code kyodo.demo-data} is on and no
 * first administrator is configured (production), only when the module's tables are still empty, in one transaction.
 */
public abstract class DemoContent implements ApplicationRunner {

    private final TransactionTemplate tx;
    private final JdbcClient jdbc;
    private final boolean enabled;

    protected DemoContent(TransactionTemplate tx, JdbcClient jdbc, Environment environment) {
        this.tx = tx;
        this.jdbc = jdbc;
        this.enabled = environment.getProperty("kyodo.demo-data", Boolean.class, false)
                && environment.getProperty("kyodo.admin.email", "").isBlank();
    }

    /** Tables any row of which means the content is there already (or real data is). */
    protected abstract List<String> demoTables();

    /** Loads the content, inside the transaction; it may decide there is nothing to build on and do nothing. */
    protected abstract void loadDemo();

    @Override
    public final void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        tx.executeWithoutResult(s -> {
            for (String table : demoTables()) {
                if (jdbc.sql("select exists (select 1 from " + table + ")").query(Boolean.class).single()) {
                    return;
                }
            }
            loadDemo();
        });
    }
}
