-- In-portal notices per person, their mail preferences per kind, what they follow, and the daily digests sent.
create table notice (
    id            bigserial primary key,
    account_id    bigint not null,
    kind          varchar(30) not null,
    title         varchar(300) not null,
    body          varchar(1000),
    link          varchar(500),
    created_at    timestamp with time zone not null,
    read_at       timestamp with time zone,
    -- true when the module already sent its own (transactional) mail about it: no notice mail, no digest line
    mailed_apart  boolean not null default false
);
create index notice_account_idx on notice (account_id, created_at desc, id desc);
-- The header's unread count on every page reads only this index.
create index notice_unread_idx on notice (account_id) where read_at is null;

create table notice_preference (
    account_id bigint not null,
    kind       varchar(30) not null,
    delivery   varchar(20) not null,
    primary key (account_id, kind)
);

create table notice_follow (
    account_id bigint not null,
    topic      varchar(100) not null,
    created_at timestamp with time zone not null,
    primary key (account_id, topic)
);
create index notice_follow_topic_idx on notice_follow (topic);

-- One row per person and day once the day's digest is queued: running the job twice sends nothing twice.
create table notice_digest (
    account_id bigint not null,
    day        date not null,
    notices    int not null,
    sent_at    timestamp with time zone not null,
    primary key (account_id, day)
);
