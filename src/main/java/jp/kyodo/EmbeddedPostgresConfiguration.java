package jp.kyodo;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Starts an embedded PostgreSQL when no external database is configured
 * (no {@code spring.datasource.url}), keeping its files under the data directory.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoExternalDatabase.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
    static final String DATABASE = "kyodo";

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${kyodo.data-dir}") Path dataDir,
                                      @Value("${kyodo.database.ephemeral:false}") boolean ephemeral) throws IOException {
        var builder = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                // Spring stops it (destroyMethod) after the beans that use it; zonky's own JVM hook would race them
                // and leave the event registry's last query waiting for a database that is already gone.
                .setRegisterShutdownHook(false)
                .setLocaleConfig("locale", "C")
                .setLocaleConfig("encoding", "UTF8")
                .setServerConfig("timezone", "UTC")
                .setServerConfig("max_connections", "200");
        if (ephemeral) {
            // Tests: a fresh cluster in a temporary directory, removed on close.
            builder.setCleanDataDirectory(true);
        } else {
            Path pgData = dataDir.toAbsolutePath().normalize().resolve("postgres");
            Files.createDirectories(pgData);
            // zonky starts PostgreSQL without fsync (a test default); data that must survive a power cut needs it.
            builder.setDataDirectory(pgData).setCleanDataDirectory(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
            log.info("Embedded PostgreSQL keeps its data in {}", pgData);
        }
        EmbeddedPostgres postgres = builder.start();
        createDatabaseIfMissing(postgres);
        return postgres;
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", DATABASE));
        dataSource.setUsername("postgres");
        return dataSource;
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) {
        DataSource admin = postgres.getPostgresDatabase();
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
            var rs = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!rs.next()) {
                statement.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + DATABASE, e);
        }
    }

    /**
     * Spring Modulith's event registry writes to the database while the context closes; without a declared
     * dependency it could run after the database (and the JPA factory) were already shut down.
     */
    @Bean
    static org.springframework.beans.factory.config.BeanFactoryPostProcessor closeDatabaseLast() {
        return factory -> {
            for (String name : new String[] {"eventPublicationRegistry"}) {
                if (factory.containsBeanDefinition(name)) {
                    var definition = factory.getBeanDefinition(name);
                    java.util.List<String> dependsOn = new java.util.ArrayList<>();
                    if (definition.getDependsOn() != null) {
                        dependsOn.addAll(java.util.List.of(definition.getDependsOn()));
                    }
                    dependsOn.addAll(java.util.List.of("entityManagerFactory", "embeddedPostgres"));
                    definition.setDependsOn(dependsOn.toArray(String[]::new));
                }
            }
        };
    }

    /** True when the operator has not pointed the portal at an external PostgreSQL. */
    static class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
