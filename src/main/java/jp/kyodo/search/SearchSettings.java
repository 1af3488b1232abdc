package jp.kyodo.search;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the search index, with the defaults in application.yml.
 *
 * @param directory     where the index lives; {@code null} means {@code ${kyodo.data-dir}/search-index}
 * @param snippetLength characters of text shown with each hit
 * @param maxPageSize   the most hits one page may ask for
 */
@ConfigurationProperties("kyodo.search")
record SearchSettings(Path directory, @DefaultValue("120") int snippetLength, @DefaultValue("100") int maxPageSize) {

    SearchSettings {
        // An empty environment variable means "not set", not the current directory.
        if (directory != null && directory.toString().isBlank()) {
            directory = null;
        }
        if (snippetLength < 1 || maxPageSize < 1) {
            throw new IllegalArgumentException("kyodo.search.snippet-length and max-page-size must be positive");
        }
    }
}
