-- Public comment (パブリックコメント) on a department's draft: its sections, the comments received and the city's
-- view on each group of similar comments, published as the result.
create table pc_procedure (
    id                  bigserial primary key,
    department_id       bigint not null,
    title               varchar(200) not null,
    purpose             text not null,
    paper_copies        varchar(500),
    opens_on            date not null,
    closes_on           date not null,
    short_period_reason text,
    status              varchar(20) not null,
    result_note         text,
    result_published_at timestamp with time zone,
    created_by          bigint not null,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    version             bigint not null default 0
);
create table pc_section (
    id           bigserial primary key,
    procedure_id bigint not null references pc_procedure (id) on delete cascade,
    seq          int not null,
    heading      varchar(200) not null,
    body         text not null
);
-- A comment: name and address are required and never published; without an account the e-mail is confirmed first.
create table pc_comment (
    id           bigserial primary key,
    procedure_id bigint not null references pc_procedure (id) on delete cascade,
    section_id   bigint references pc_section (id) on delete set null,
    name         varchar(100) not null,
    address      varchar(300) not null,
    email        varchar(254) not null,
    eligibility  varchar(20) not null,
    body         text not null,
    account_id   bigint,
    status       varchar(20) not null,
    token_hash   varchar(64) unique,
    group_key    varchar(50),
    created_at   timestamp with time zone not null,
    confirmed_at timestamp with time zone
);
create index pc_comment_procedure_idx on pc_comment (procedure_id, status);
-- The department's summary of a group of similar comments, the city's view (市の考え方) and what changed.
create table pc_view (
    procedure_id bigint not null references pc_procedure (id) on delete cascade,
    group_key    varchar(50) not null,
    summary      text not null,
    city_view    text not null,
    changed      boolean not null,
    change_note  text,
    primary key (procedure_id, group_key)
);
