-- Change notices (変更届): a registered group's changes to its public information and people, until staff decide.
create table civic_group_change (
    id           bigserial primary key,
    group_id     bigint not null references civic_group (id) on delete cascade,
    part         int not null,
    proposal     text not null,
    status       varchar(20) not null,
    submitted_by bigint not null,
    submitted_at timestamp with time zone not null,
    decided_by   bigint,
    decided_at   timestamp with time zone,
    message      text
);
create index civic_group_change_pending_idx on civic_group_change (group_id) where status = 'PENDING';
