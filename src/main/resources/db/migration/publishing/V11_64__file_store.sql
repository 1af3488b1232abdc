-- A file's bytes are kept either in the row (content) or in the configured file store under a key (content_key),
-- never both and never neither (jp.kyodo.shared.FileStorage).
alter table pub_case_study_photo alter column content drop not null;
alter table pub_case_study_photo add column content_key varchar(200);
alter table pub_case_study_photo add constraint pub_case_study_photo_content_one check ((content is null) <> (content_key is null));
