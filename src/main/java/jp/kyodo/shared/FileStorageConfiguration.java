package jp.kyodo.shared;

import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Makes the file storage that {@code kyodo.files.store} names, moves old content into it, and sweeps it daily. */
@Configuration(proxyBeanMethods = false)
class FileStorageConfiguration {

    @Bean
    FileStorage fileStorage(FileStorageSettings settings, @Value("${kyodo.data-dir}") Path dataDir, JdbcClient jdbc,
                            PlatformTransactionManager transactions, Clock clock) {
        ObjectStore store = switch (settings.store()) {
            case "directory" -> new DirectoryObjectStore(settings.directory() != null ? settings.directory() : dataDir.resolve("files"));
            case "s3" -> new S3ObjectStore(settings.s3());
            default -> null;
        };
        return new FileStorage(store, jdbc, new TransactionTemplate(transactions), clock);
    }

    @Bean
    FileStorageJobs fileStorageJobs(FileStorage files, ClusterJobs jobs) {
        return new FileStorageJobs(files, jobs);
    }

    /** The start-up move and the daily sweep, each on one node at a time. */
    static class FileStorageJobs {

        private final FileStorage files;
        private final ClusterJobs jobs;

        FileStorageJobs(FileStorage files, ClusterJobs jobs) {
            this.files = files;
            this.jobs = jobs;
        }

        @EventListener(ApplicationReadyEvent.class)
        void moveOnStart() {
            if (!"database".equals(files.kind())) {
                jobs.runOnce("files.move", files::moveToStore);
            }
        }

        @Scheduled(cron = "${kyodo.files.sweep-cron:0 30 3 * * *}", zone = "${kyodo.city.zone:Asia/Tokyo}")
        void sweep() {
            if (!"database".equals(files.kind())) {
                jobs.runOnce("files.sweep", files::sweep);
            }
        }
    }
}
