package jp.kyodo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What an operator sees: the portal keeps its data across restarts, loads the demo once, and creates the first administrator. */
class EmbeddedDatabaseRestartTest {

    @TempDir Path dataDir;

    @Test
    void dataSurvivesARestartAndTheDemoIsLoadedOnce() throws Exception {
        try (ConfigurableApplicationContext first = start(dataDir, "--kyodo.demo-data=true")) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            assertThat(count(jdbc, "select count(*) from account")).isEqualTo(7);
            assertThat(count(jdbc, "select count(*) from department")).isEqualTo(9);
            assertThat(count(jdbc, "select count(*) from collab_call")).isEqualTo(6);
            assertThat(jdbc.sql("select name from account where email = 'shimin@example.jp'").query(String.class).single())
                    .isEqualTo("本庄 太郎");
            jdbc.sql("update account set name = '再起動 確認' where email = 'shimin@example.jp'").update();
        }
        assertThat(Files.isDirectory(dataDir.resolve("postgres"))).isTrue();

        try (ConfigurableApplicationContext second = start(dataDir, "--kyodo.demo-data=true",
                "--kyodo.admin.email=ops@example.jp", "--kyodo.admin.password=operator-password-1")) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            assertThat(count(jdbc, "select count(*) from account")).isEqualTo(7);
            assertThat(count(jdbc, "select count(*) from collab_call")).isEqualTo(6);
            assertThat(jdbc.sql("select name from account where email = 'shimin@example.jp'").query(String.class).single())
                    .isEqualTo("再起動 確認");
        }
    }

    @Test
    void productionStartCreatesTheFirstAdministratorOnly() {
        try (ConfigurableApplicationContext context = start(dataDir, "--kyodo.demo-data=false",
                "--kyodo.admin.email=Ops@Example.jp", "--kyodo.admin.password=operator-password-1")) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select email from account").query(String.class).list()).containsExactly("ops@example.jp");
            assertThat(jdbc.sql("select role from account_role r join account a on a.id = r.account_id order by role")
                    .query(String.class).list()).containsExactly("ADMIN", "RESIDENT", "STAFF");
            assertThat(count(jdbc, "select count(*) from department where secretariat")).isEqualTo(1);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "--kyodo.data-dir=" + dataDir;
        all[1] = "--kyodo.database.ephemeral=false";
        all[2] = "--server.port=0";
        System.arraycopy(args, 0, all, 3, args.length);
        return new SpringApplicationBuilder(KyodoApplication.class).run(all);
    }

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
