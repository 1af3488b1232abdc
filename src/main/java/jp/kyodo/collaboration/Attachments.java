package jp.kyodo.collaboration;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.kyodo.shared.FileStorage;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Files attached to proposals, consultation messages and reports, beside what they belong to (their bytes where {@link FileStorage} keeps files). */
final class Attachments {

    private Attachments() {
    }

    /** A file's content, for download. */
    record Stored(String filename, String contentType, byte[] content) {
    }

    static long save(JdbcClient jdbc, FileStorage files, String ownerType, long ownerId, String filename, String contentType, byte[] content,
                     long uploadedBy, Instant now) {
        FileStorage.Saved saved = files.save(content);
        return jdbc.sql("""
                        insert into collab_file (owner_type, owner_id, filename, content_type, size_bytes, content, content_key, uploaded_by, uploaded_at)
                        values (:type, :owner, :filename, :ct, :size, :content, :key, :by, :at) returning id""")
                .param("type", ownerType).param("owner", ownerId).param("filename", filename).param("ct", contentType)
                .param("size", content.length).param("content", saved.inRow()).param("key", saved.key()).param("by", uploadedBy).param("at", Timestamp.from(now))
                .query(Long.class).single();
    }

    static List<ProposalView.Attachment> list(JdbcClient jdbc, String ownerType, long ownerId) {
        return jdbc.sql("select id, filename, content_type, size_bytes from collab_file where owner_type = :type and owner_id = :owner order by id")
                .param("type", ownerType).param("owner", ownerId)
                .query((rs, i) -> new ProposalView.Attachment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4))).list();
    }

    /** The files of several owners of one type, by owner, in one query. */
    static java.util.Map<Long, List<ProposalView.Attachment>> listAll(JdbcClient jdbc, String ownerType, java.util.Collection<Long> ownerIds) {
        java.util.Map<Long, List<ProposalView.Attachment>> out = new java.util.HashMap<>();
        if (ownerIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                        select owner_id, id, filename, content_type, size_bytes from collab_file
                        where owner_type = :type and owner_id = any(:owners) order by owner_id, id""")
                .param("type", ownerType).param("owners", ownerIds.toArray(Long[]::new))
                .query((rs, i) -> out.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
                        .add(new ProposalView.Attachment(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5)))).list();
        return out;
    }

    static Optional<Stored> load(JdbcClient jdbc, FileStorage files, String ownerType, long ownerId, long fileId) {
        return jdbc.sql("select filename, content_type, content, content_key from collab_file where owner_type = :type and owner_id = :owner and id = :id")
                .param("type", ownerType).param("owner", ownerId).param("id", fileId)
                .query((rs, i) -> new Stored(rs.getString(1), rs.getString(2), files.load(rs.getBytes(3), rs.getString(4)))).optional();
    }

    static boolean delete(JdbcClient jdbc, FileStorage files, String ownerType, long ownerId, long fileId) {
        Optional<String> key = jdbc.sql("delete from collab_file where owner_type = :type and owner_id = :owner and id = :id returning coalesce(content_key, '')")
                .param("type", ownerType).param("owner", ownerId).param("id", fileId).query(String.class).optional();
        key.filter(k -> !k.isEmpty()).ifPresent(files::deleteAfterCommit);
        return key.isPresent();
    }
}
