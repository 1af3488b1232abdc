package jp.kyodo.shared;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where uploaded files' bytes are kept ({@code kyodo.files.*}, defaults in application.yml).
 *
 * @param store     {@code database} (in the rows, the default), {@code directory} or {@code s3}
 * @param directory the directory of the directory store; {@code null} means {@code ${kyodo.data-dir}/files}
 * @param s3        the S3-compatible store's settings
 */
@ConfigurationProperties("kyodo.files")
record FileStorageSettings(@DefaultValue("database") String store, Path directory, @DefaultValue S3 s3) {

    FileStorageSettings {
        store = store == null || store.isBlank() ? "database" : store.strip().toLowerCase(java.util.Locale.ROOT);
        if (!java.util.Set.of("database", "directory", "s3").contains(store)) {
            throw new IllegalArgumentException("kyodo.files.store must be database, directory or s3, not " + store);
        }
        if (directory != null && directory.toString().isBlank()) {
            directory = null;
        }
    }

    /**
     * An S3-compatible bucket.
     *
     * @param endpoint  the store's address (e.g. {@code https://minio.example.lg.jp:9000}); empty for Amazon S3
     * @param region    the region ({@code ap-northeast-1} for Tokyo; any value for most other stores)
     * @param bucket    the bucket, which must exist
     * @param prefix    a key prefix inside the bucket, e.g. {@code kyodo/}
     * @param accessKey the access key; empty to use the SDK's chain (environment, instance role)
     * @param secretKey its secret
     * @param pathStyle address buckets as {@code endpoint/bucket} (MinIO and most stores other than Amazon's)
     */
    record S3(String endpoint, @DefaultValue("ap-northeast-1") String region, String bucket, @DefaultValue("") String prefix,
              String accessKey, String secretKey, @DefaultValue("true") boolean pathStyle) {
    }
}
