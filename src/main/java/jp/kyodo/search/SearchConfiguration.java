package jp.kyodo.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/** Opens the index where the settings say and wires the search service to the sources the other modules provide. */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SearchConfiguration.class);

    @Bean(destroyMethod = "close")
    LuceneIndex luceneIndex(SearchSettings settings, @Value("${kyodo.data-dir}") Path dataDir,
                            @Value("${kyodo.database.ephemeral:false}") boolean ephemeral) throws IOException {
        return new LuceneIndex(directory(settings, dataDir, ephemeral), settings);
    }

    @Bean
    SearchIndex searchIndex(LuceneIndex lucene, ObjectProvider<SearchSource> sources,
                            ObjectProvider<PlatformTransactionManager> transactionManager) {
        PlatformTransactionManager manager = transactionManager.getIfUnique();
        TransactionOperations readOnly = TransactionOperations.withoutTransaction();
        if (manager != null) {
            TransactionTemplate template = new TransactionTemplate(manager);
            template.setReadOnly(true);
            readOnly = template;
        }
        // Looked up on each rebuild, not now: a module's source may itself need beans that need the search index.
        return new SearchIndex(lucene, () -> sources.orderedStream().toList(), readOnly);
    }

    private static Directory directory(SearchSettings settings, Path dataDir, boolean ephemeral) throws IOException {
        if (settings.directory() == null && ephemeral) {
            // Tests: an index in memory, gone with the application context.
            return new ByteBuffersDirectory();
        }
        Path path = (settings.directory() != null ? settings.directory() : dataDir.resolve("search-index"))
                .toAbsolutePath().normalize();
        Files.createDirectories(path);
        log.info("Search index in {}", path);
        return FSDirectory.open(path);
    }
}
