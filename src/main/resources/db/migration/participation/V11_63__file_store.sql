-- A file's bytes are kept either in the row (content) or in the configured file store under a key (content_key),
-- never both and never neither (jp.kyodo.shared.FileStorage).
alter table participation_file alter column content drop not null;
alter table participation_file add column content_key varchar(200);
alter table participation_file add constraint participation_file_content_one check ((content is null) <> (content_key is null));
