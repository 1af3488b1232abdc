package jp.kyodo;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import jp.kyodo.shared.EmbeddedDatabase;
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

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${kyodo.data-dir}") Path dataDir,
                                      @Value("${kyodo.database.ephemeral:false}") boolean ephemeral) throws IOException {
        return EmbeddedDatabase.start(dataDir, ephemeral);
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl(EmbeddedDatabase.USER, EmbeddedDatabase.DATABASE));
        dataSource.setUsername(EmbeddedDatabase.USER);
        return dataSource;
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
