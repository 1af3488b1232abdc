package jp.kyodo;

import jp.kyodo.operations.BackupCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Kyodo civic collaboration portal: a modular monolith whose modules are the packages below this one. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(systemName = "Kyodo", sharedModules = "shared")
public class KyodoApplication {

    public static void main(String[] args) {
        // --kyodo.backup.to=FILE or --kyodo.restore.from=FILE: the backup command instead of the portal.
        if (BackupCommand.requested(args)) {
            System.exit(BackupCommand.run(args));
        }
        SpringApplication.run(KyodoApplication.class, args);
    }
}
