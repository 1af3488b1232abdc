-- Who did what to which record, and when. Written in the same transaction as the change.
create table audit_entry (
    id          bigserial primary key,
    occurred_at timestamp with time zone not null,
    actor_id    bigint,
    actor_name  varchar(200) not null,
    action      varchar(100) not null,
    record_type varchar(100) not null,
    record_id   varchar(100),
    summary     text
);
create index audit_entry_occurred_at_idx on audit_entry (occurred_at desc);
create index audit_entry_record_idx on audit_entry (record_type, record_id);
create index audit_entry_actor_idx on audit_entry (actor_id);
