package jp.kyodo.groups;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.kyodo.shared.FileStorage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The documents attached to applications, beside the group (their bytes where {@link FileStorage} keeps files). */
@Component
class GroupDocuments {

    /** A document's description, without its content. */
    record Info(long id, DocumentKind kind, String filename, String contentType, long size, Instant uploadedAt) {
    }

    /** A document's content, for download. */
    record Stored(String filename, String contentType, byte[] content) {
    }

    private final JdbcClient jdbc;
    private final FileStorage files;

    GroupDocuments(JdbcClient jdbc, FileStorage files) {
        this.jdbc = jdbc;
        this.files = files;
    }

    /** The content type a file really has, from its first bytes; null when it is not a PDF, PNG or JPEG. */
    static String sniff(byte[] content) {
        return jp.kyodo.shared.FileTypes.documentOrImage(content);
    }

    long save(long groupId, DocumentKind kind, String filename, String contentType, byte[] content, long uploadedBy, Instant now) {
        FileStorage.Saved saved = files.save(content);
        return jdbc.sql("""
                        insert into civic_group_document (group_id, kind, filename, content_type, size_bytes, content, content_key, uploaded_by, uploaded_at)
                        values (:group, :kind, :filename, :type, :size, :content, :key, :by, :at) returning id""")
                .param("group", groupId).param("kind", kind.name()).param("filename", filename).param("type", contentType)
                .param("size", (long) content.length).param("content", saved.inRow()).param("key", saved.key()).param("by", uploadedBy)
                .param("at", Timestamp.from(now))
                .query(Long.class).single();
    }

    List<Info> list(long groupId) {
        return jdbc.sql("""
                        select id, kind, filename, content_type, size_bytes, uploaded_at from civic_group_document
                        where group_id = :group order by kind, uploaded_at""")
                .param("group", groupId)
                .query((rs, i) -> new Info(rs.getLong(1), DocumentKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getTimestamp(6).toInstant()))
                .list();
    }

    Set<DocumentKind> kindsPresent(long groupId) {
        Set<DocumentKind> kinds = EnumSet.noneOf(DocumentKind.class);
        jdbc.sql("select distinct kind from civic_group_document where group_id = :group").param("group", groupId)
                .query(String.class).list().forEach(k -> kinds.add(DocumentKind.valueOf(k)));
        return kinds;
    }

    Optional<Stored> content(long groupId, long documentId) {
        return jdbc.sql("select filename, content_type, content, content_key from civic_group_document where group_id = :group and id = :id")
                .param("group", groupId).param("id", documentId)
                .query((rs, i) -> new Stored(rs.getString(1), rs.getString(2), files.load(rs.getBytes(3), rs.getString(4))))
                .optional();
    }

    boolean delete(long groupId, long documentId) {
        Optional<String> key = jdbc.sql("delete from civic_group_document where group_id = :group and id = :id returning coalesce(content_key, '')")
                .param("group", groupId).param("id", documentId).query(String.class).optional();
        key.filter(k -> !k.isEmpty()).ifPresent(files::deleteAfterCommit);
        return key.isPresent();
    }
}
