-- One row per counted action (a sign-up, a reset request, a comment...) for each key it counts against: an account
-- or address (hashed) and the client's network (hashed; IPv6 by its /64). Every portal node counts the same rows.
create table rate_limit_event (
    id bigserial primary key,
    bucket varchar(40) not null,
    key_hash varchar(64) not null,
    happened_at timestamp with time zone not null
);
create index rate_limit_event_key on rate_limit_event (bucket, key_hash, happened_at);
create index rate_limit_event_age on rate_limit_event (happened_at);
