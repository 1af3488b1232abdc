-- Suggestions (市民の声): an opinion or request about collaboration and civic activity, routed by the secretariat
-- to a department that answers; with the sender's consent a question summary and the answer are published
-- without any personal data.
create table voice_suggestion (
    id                 bigserial primary key,
    receipt_no         varchar(20) unique,
    category           varchar(20) not null,
    subject            varchar(200) not null,
    body               text not null,
    name               varchar(100) not null,
    email              varchar(254) not null,
    phone              varchar(30),
    address            varchar(300),
    wants_answer       boolean not null,
    consents           boolean not null,
    account_id         bigint,
    status             varchar(20) not null,
    token_hash         varchar(64) unique,
    department_id      bigint,
    due_on             date,
    answer             text,
    answered_by        bigint,
    answered_at        timestamp with time zone,
    answer_department  bigint,
    close_reason       text,
    published_title    varchar(200),
    published_question text,
    published_answer   text,
    published_at       timestamp with time zone,
    created_at         timestamp with time zone not null,
    received_at        timestamp with time zone,
    updated_at         timestamp with time zone not null,
    version            bigint not null default 0
);
create index voice_suggestion_status_idx on voice_suggestion (status, department_id);
create index voice_suggestion_published_idx on voice_suggestion (published_at) where published_at is not null;
-- Every routing and rerouting, with the secretariat's note to the department.
create table voice_route (
    id            bigserial primary key,
    suggestion_id bigint not null references voice_suggestion (id) on delete cascade,
    department_id bigint not null,
    note          text,
    routed_by     bigint not null,
    routed_at     timestamp with time zone not null
);
create index voice_route_suggestion_idx on voice_route (suggestion_id);
