package jp.kyodo.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import jp.kyodo.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The file stores other than the database, each against the real thing: a directory, and s3rver (an S3-compatible
 * server; it checks the access key, while the SigV4 signatures themselves are the AWS SDK's work). For each: new content goes to the store and is read back; content kept in
 * rows moves out; an object whose row was deleted goes once the deleting transaction commits, not when it rolls back;
 * the sweep removes objects no row names once they are a day old and keeps the others.
 *
 * <p>Rows live in a database of their own (created in the test PostgreSQL), so that moving "every file" touches only
 * this test's table.
 */
@IntegrationTest
class FileStorageIntegrationTest {

    @Autowired DataSource portalDataSource;

    @TempDir Path temp;

    private HikariDataSource dataSource;
    private JdbcClient jdbc;
    private TransactionTemplate transactions;
    private MutableClock clock;

    @BeforeEach
    void ownDatabase() {
        String name = "files_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        JdbcClient.create(portalDataSource).sql("create database " + name).update();
        String url = ((HikariDataSource) portalDataSource).getJdbcUrl().replaceFirst("/kyodo(\\?|$)", "/" + name + "$1");
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(((HikariDataSource) portalDataSource).getUsername());
        dataSource.setMaximumPoolSize(3);
        jdbc = JdbcClient.create(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        jdbc.sql("""
                create table test_file (id bigserial primary key, name text not null, content bytea, content_key varchar(200),
                                        check ((content is null) <> (content_key is null)))""").update();
        clock = new MutableClock(Instant.now());
    }

    @AfterEach
    void dropDatabase() {
        dataSource.close();
    }

    @Test
    void aDirectoryStoreKeepsMovesDeletesAndSweepsFiles() {
        exercise(() -> new DirectoryObjectStore(temp.resolve("files")));
    }

    @Test
    void anS3StoreKeepsMovesDeletesAndSweepsFiles() throws Exception {
        try (S3rver s3 = S3rver.start(Files.createDirectories(temp.resolve("s3")), "kyodo-files")) {
            exercise(() -> new S3ObjectStore(s3.settings("honjo/")));
            // The server knows its accounts: requests with another access key are refused.
            ObjectStore stranger = new S3ObjectStore(s3.settingsWithKey("honjo/", "STRANGER"));
            assertThatThrownBy(() -> stranger.put("x", new byte[] {1})).hasMessageContaining("Access Key Id");
        }
    }

    @Test
    void theDatabaseStoreKeepsBytesInTheRow() {
        FileStorage files = new FileStorage(null, jdbc, transactions, clock);
        byte[] content = "議事録".getBytes(StandardCharsets.UTF_8);
        FileStorage.Saved saved = files.save(content);
        assertThat(saved.inRow()).isEqualTo(content);
        assertThat(saved.key()).isNull();
        assertThat(files.kind()).isEqualTo("database");
        assertThat(files.moveToStore()).isZero();
        assertThat(files.sweep()).isZero();
    }

    private void exercise(Supplier<ObjectStore> stores) {
        ObjectStore store = stores.get();
        FileStorage files = new FileStorage(store, jdbc, transactions, clock);
        assertThat(files.fileTables()).containsExactly("test_file");

        // New content goes to the store; the row keeps only the key.
        byte[] minutes = "第3回 市民協働推進審議会 議事録".getBytes(StandardCharsets.UTF_8);
        FileStorage.Saved saved = files.save(minutes);
        assertThat(saved.inRow()).isNull();
        assertThat(saved.key()).matches("\\d{4}/\\d{2}/\\d{2}/[0-9a-f-]{36}");
        long newRow = insert("minutes.pdf", null, saved.key());
        assertThat(load(files, newRow)).isEqualTo(minutes);

        // Content from before the switch stays readable, then moves out of the row.
        byte[] photo = new byte[70_000];
        new java.util.Random(7).nextBytes(photo);
        long oldRow = insert("photo.jpg", photo, null);
        assertThat(load(files, oldRow)).isEqualTo(photo);
        assertThat(files.moveToStore()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from test_file where content is not null").query(Long.class).single()).isZero();
        String movedKey = jdbc.sql("select content_key from test_file where id = :id").param("id", oldRow).query(String.class).single();
        assertThat(store.get(movedKey)).isEqualTo(photo);
        assertThat(load(files, oldRow)).isEqualTo(photo);
        assertThat(files.moveToStore()).isZero();

        // Deleting a row removes its object only when the transaction commits.
        transactions.executeWithoutResult(status -> {
            files.deleteAfterCommit(deleteRow(newRow));
            status.setRollbackOnly();
        });
        assertThat(store.get(saved.key())).isEqualTo(minutes);
        transactions.executeWithoutResult(status -> files.deleteAfterCommit(deleteRow(newRow)));
        assertThatThrownBy(() -> store.get(saved.key())).isInstanceOf(RuntimeException.class);

        // An upload whose row never committed is an orphan: kept for a day, then swept; named objects stay.
        String orphan = files.save("取り消された添付".getBytes(StandardCharsets.UTF_8)).key();
        assertThat(files.sweep()).isZero();
        assertThat(store.get(orphan)).isNotEmpty();
        clock.advance(FileStorage.SWEEP_GRACE.plus(Duration.ofHours(1)));
        assertThat(files.sweep()).isEqualTo(1);
        assertThatThrownBy(() -> store.get(orphan)).isInstanceOf(RuntimeException.class);
        assertThat(load(files, oldRow)).isEqualTo(photo);
        assertThat(store.list()).extracting(ObjectStore.Entry::key).containsExactly(movedKey);
    }

    private long insert(String name, byte[] content, String key) {
        return jdbc.sql("insert into test_file (name, content, content_key) values (:n, :c, :k) returning id")
                .param("n", name).param("c", content).param("k", key).query(Long.class).single();
    }

    private byte[] load(FileStorage files, long id) {
        return jdbc.sql("select content, content_key from test_file where id = :id").param("id", id)
                .query((rs, i) -> files.load(rs.getBytes(1), rs.getString(2))).single();
    }

    private String deleteRow(long id) {
        return jdbc.sql("delete from test_file where id = :id returning content_key").param("id", id).query(String.class).single();
    }

    /** A clock the test moves forward. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
