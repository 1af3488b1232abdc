-- A person's own answer about publishing each contact detail the group asked to publish: null until they answer,
-- then true or false. Until it is true, the detail stays private.
alter table civic_group
    add column rep_consent_address     boolean,
    add column rep_consent_phone       boolean,
    add column rep_consent_email       boolean,
    add column rep_consented_at        timestamp with time zone,
    add column contact_consent_address boolean,
    add column contact_consent_phone   boolean,
    add column contact_consent_email   boolean,
    add column contact_consented_at    timestamp with time zone;

-- Requests for that consent, mailed to the person with a link; only the SHA-256 of the token is kept. A request is
-- superseded when the person, or the details asked for, change.
create table civic_group_consent_request (
    id            bigserial primary key,
    group_id      bigint not null references civic_group (id) on delete cascade,
    role          varchar(10) not null,
    email         varchar(254) not null,
    token_hash    varchar(64) not null unique,
    created_at    timestamp with time zone not null,
    expires_at    timestamp with time zone not null,
    answered_at   timestamp with time zone,
    superseded_at timestamp with time zone
);
create index civic_group_consent_request_group_idx on civic_group_consent_request (group_id, role);
