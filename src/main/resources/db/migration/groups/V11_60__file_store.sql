-- A file's bytes are kept either in the row (content) or in the configured file store under a key (content_key),
-- never both and never neither (jp.kyodo.shared.FileStorage).
alter table civic_group_document alter column content drop not null;
alter table civic_group_document add column content_key varchar(200);
alter table civic_group_document add constraint civic_group_document_content_one check ((content is null) <> (content_key is null));
