package jp.kyodo.participation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.kyodo.shared.FileStorage;
import jp.kyodo.shared.FileTypes;
import jp.kyodo.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Files published with participation procedures (a draft's PDFs, a council's minutes, a workshop's records and
 * photos): PDF, PNG or JPEG checked by content, size- and count-limited. The caller checks who may add or see them.
 */
@Component
class ParticipationFiles {

    static final int MAX_FILES = 10;
    static final int MAX_BYTES = 20 * 1024 * 1024;

    /** A file as listed (no content) or loaded (with content). */
    record File(long id, String filename, String title, String contentType, int size, byte[] content) {

        boolean image() {
            return contentType.startsWith("image/");
        }
    }

    private final JdbcClient jdbc;
    private final jp.kyodo.shared.FileStorage files;

    ParticipationFiles(JdbcClient jdbc, jp.kyodo.shared.FileStorage files) {
        this.jdbc = jdbc;
        this.files = files;
    }

    /** Checks and stores a file; errors are reported on the form field {@code field}. */
    long save(String field, String ownerType, long ownerId, String filename, String rawTitle, byte[] content, long uploadedBy, Instant now) {
        if (content == null || content.length == 0) {
            throw new InvalidInputException(field, "validation.file.empty");
        }
        if (content.length > MAX_BYTES) {
            throw new InvalidInputException(field, "validation.file.tooLarge", MAX_BYTES / 1024 / 1024);
        }
        String type = FileTypes.documentOrImage(content);
        if (type == null) {
            throw new InvalidInputException(field, "validation.file.type");
        }
        if (list(ownerType, ownerId).size() >= MAX_FILES) {
            throw new InvalidInputException(field, "validation.file.tooMany", MAX_FILES);
        }
        // Published files are seen by anyone: a photo loses where and by whom it was taken.
        content = jp.kyodo.shared.ImageMetadata.strip(content);
        String name = FileTypes.safeFilename(filename, "file");
        String title = rawTitle == null || rawTitle.isBlank() ? null : rawTitle.strip();
        FileStorage.Saved saved = files.save(content);
        return jdbc.sql("""
                        insert into participation_file (owner_type, owner_id, filename, title, content_type, size_bytes, content, content_key, uploaded_by, uploaded_at)
                        values (:type, :owner, :n, :title, :ct, :size, :content, :key, :by, :at) returning id""")
                .param("type", ownerType).param("owner", ownerId).param("n", name.length() > 200 ? name.substring(0, 200) : name)
                .param("title", title == null ? null : title.length() > 200 ? title.substring(0, 200) : title).param("ct", type)
                .param("size", content.length).param("content", saved.inRow()).param("key", saved.key()).param("by", uploadedBy).param("at", Timestamp.from(now))
                .query(Long.class).single();
    }

    List<File> list(String ownerType, long ownerId) {
        return jdbc.sql("select id, filename, title, content_type, size_bytes from participation_file where owner_type = :type and owner_id = :owner order by id")
                .param("type", ownerType).param("owner", ownerId)
                .query((rs, i) -> new File(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), null)).list();
    }

    /** The files of several owners of one type, by owner, in one query. */
    java.util.Map<Long, List<File>> listAll(String ownerType, java.util.Collection<Long> ownerIds) {
        java.util.Map<Long, List<File>> out = new java.util.HashMap<>();
        if (ownerIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                        select owner_id, id, filename, title, content_type, size_bytes from participation_file
                        where owner_type = :type and owner_id = any(:owners) order by owner_id, id""")
                .param("type", ownerType).param("owners", ownerIds.toArray(Long[]::new))
                .query((rs, i) -> out.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
                        .add(new File(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6), null))).list();
        return out;
    }

    Optional<File> load(String ownerType, long ownerId, long fileId) {
        return jdbc.sql("""
                        select id, filename, title, content_type, size_bytes, content, content_key from participation_file
                        where owner_type = :type and owner_id = :owner and id = :id""")
                .param("type", ownerType).param("owner", ownerId).param("id", fileId)
                .query((rs, i) -> new File(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        files.load(rs.getBytes(6), rs.getString(7)))).optional();
    }

    boolean delete(String ownerType, long ownerId, long fileId) {
        Optional<String> key = jdbc.sql("""
                        delete from participation_file where owner_type = :type and owner_id = :owner and id = :id
                        returning coalesce(content_key, '')""")
                .param("type", ownerType).param("owner", ownerId).param("id", fileId).query(String.class).optional();
        key.filter(k -> !k.isEmpty()).ifPresent(files::deleteAfterCommit);
        return key.isPresent();
    }
}
