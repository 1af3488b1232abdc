-- Volunteer opportunities (ボランティア募集): a registered group posts what, when (one or more shifts), where and for
-- whom; residents apply to a shift with a message; the group decides and, after the activity, confirms the hours.
create table vol_opportunity (
    id             bigserial primary key,
    group_id       bigint not null,
    title          varchar(200) not null,
    description    text not null,
    place          varchar(300) not null,
    area_code      varchar(40),
    for_beginners  boolean not null default false,
    for_families   boolean not null default false,
    for_students   boolean not null default false,
    skills         text,
    accessibility  text,
    to_bring       text,
    apply_by       date not null,
    status         varchar(20) not null,
    hidden_at      timestamp with time zone,
    hidden_reason  text,
    created_by     bigint not null,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    version        bigint not null default 0
);
create index vol_opportunity_status_idx on vol_opportunity (status, apply_by);
create index vol_opportunity_group_idx on vol_opportunity (group_id);

create table vol_opportunity_field (
    opportunity_id bigint not null references vol_opportunity (id) on delete cascade,
    field_code     varchar(40) not null,
    primary key (opportunity_id, field_code)
);

-- A shift: one date and time with its own capacity; the row is locked while accepting, so it is never overfilled.
create table vol_shift (
    id             bigserial primary key,
    opportunity_id bigint not null references vol_opportunity (id) on delete cascade,
    held_on        date not null,
    starts_at      time not null,
    ends_at        time not null,
    capacity       int not null check (capacity > 0)
);
create index vol_shift_opportunity_idx on vol_shift (opportunity_id, held_on, starts_at);

-- An application to one shift. The applicant's name is a snapshot the group sees; e-mail and phone never reach it.
-- account_id is null only for demo applicants without an account.
create table vol_application (
    id             bigserial primary key,
    shift_id       bigint not null references vol_shift (id) on delete cascade,
    opportunity_id bigint not null references vol_opportunity (id) on delete cascade,
    account_id     bigint,
    applicant_name varchar(100) not null,
    message        text,
    status         varchar(20) not null,
    decided_at     timestamp with time zone,
    attended       boolean,
    hours          numeric(4, 1),
    confirmed_at   timestamp with time zone,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null
);
create unique index vol_application_live_idx on vol_application (shift_id, account_id) where status <> 'CANCELLED';
create index vol_application_account_idx on vol_application (account_id, created_at);
create index vol_application_shift_idx on vol_application (shift_id, status);

-- Messages about an application, kept in the portal; the e-mail only says that one arrived.
create table vol_app_message (
    id                bigserial primary key,
    application_id    bigint not null references vol_application (id) on delete cascade,
    from_group        boolean not null,
    sender_account_id bigint,
    sender_name       varchar(200) not null,
    body              text not null,
    created_at        timestamp with time zone not null
);
create index vol_app_message_application_idx on vol_app_message (application_id, created_at);
create index vol_app_message_sender_idx on vol_app_message (sender_account_id, created_at);
