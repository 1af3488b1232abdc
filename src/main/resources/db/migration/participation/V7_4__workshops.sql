-- Workshops (ワークショップ): participation events with a date, place, capacity and target, registration with a
-- waiting list, and the outputs (record, the city's response, photos and PDFs) published afterwards.
create table ws_workshop (
    id                     bigserial primary key,
    department_id          bigint not null,
    title                  varchar(200) not null,
    theme                  text not null,
    held_on                date not null,
    starts_at              time not null,
    ends_at                time not null,
    place                  varchar(300) not null,
    capacity               int not null check (capacity > 0),
    target                 varchar(300) not null,
    registration_opens_on  date,
    registration_closes_on date not null,
    notes                  text,
    status                 varchar(20) not null,
    cancel_reason          text,
    record_text            text,
    city_response          text,
    outputs_published_at   timestamp with time zone,
    created_by             bigint not null,
    created_at             timestamp with time zone not null,
    updated_at             timestamp with time zone not null,
    version                bigint not null default 0
);
create index ws_workshop_held_idx on ws_workshop (status, held_on);
-- A registration (one person): CONFIRMED holds a place, WAITING is on the waiting list in id order, CANCELLED is
-- kept for the record. Name, e-mail and phone are seen by the department only.
create table ws_registration (
    id           bigserial primary key,
    workshop_id  bigint not null references ws_workshop (id) on delete cascade,
    name         varchar(100) not null,
    email        varchar(254) not null,
    phone        varchar(30),
    account_id   bigint,
    status       varchar(20) not null,
    attended     boolean,
    token_hash   varchar(64) not null unique,
    created_at   timestamp with time zone not null,
    moved_up_at  timestamp with time zone,
    cancelled_at timestamp with time zone
);
-- One live registration per e-mail and workshop (a cancelled one may register again).
create unique index ws_registration_email_idx on ws_registration (workshop_id, email) where status <> 'CANCELLED';
create index ws_registration_workshop_idx on ws_registration (workshop_id, status, id);
