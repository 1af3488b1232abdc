-- Invitations to join a group, sent by e-mail; only the SHA-256 of the token is kept.
create table civic_group_invitation (
    id          bigserial primary key,
    group_id    bigint not null references civic_group (id) on delete cascade,
    email       varchar(254) not null,
    role        varchar(20) not null,
    token_hash  varchar(64) not null unique,
    invited_by  bigint not null,
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    accepted_at timestamp with time zone,
    accepted_by bigint
);
create index civic_group_invitation_group_idx on civic_group_invitation (group_id);

-- Messages relayed by the "contact this group" form: only what rate limiting needs, shared by every portal node.
-- The sender's address and client address are kept as SHA-256 digests.
create table civic_group_contact_message (
    id         bigserial primary key,
    group_id   bigint not null references civic_group (id) on delete cascade,
    sender_key varchar(64) not null,
    client_key varchar(64) not null,
    sent_at    timestamp with time zone not null
);
create index civic_group_contact_sender_idx on civic_group_contact_message (sender_key, sent_at);
create index civic_group_contact_client_idx on civic_group_contact_message (client_key, sent_at);
