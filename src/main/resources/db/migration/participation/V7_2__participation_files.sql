-- Files published with participation procedures: the PDFs of a draft for public comment, a council's minutes, a
-- workshop's records and photos. Kept in the database beside what they belong to; all are public once their owner is.
create table participation_file (
    id           bigserial primary key,
    owner_type   varchar(30) not null,
    owner_id     bigint not null,
    filename     varchar(200) not null,
    title        varchar(200),
    content_type varchar(50) not null,
    size_bytes   int not null,
    content      bytea not null,
    uploaded_by  bigint not null,
    uploaded_at  timestamp with time zone not null
);
create index participation_file_owner_idx on participation_file (owner_type, owner_id);
