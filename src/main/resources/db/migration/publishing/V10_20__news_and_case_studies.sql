-- News (お知らせ): a published item is public from publish_at on; 'indexed' says whether the search index has it yet.
create table pub_news (
    id              bigserial primary key,
    title           varchar(200) not null,
    body            text not null,
    category        varchar(20) not null,
    department_id   bigint,
    department_name varchar(200),
    status          varchar(20) not null,
    publish_at      timestamp with time zone,
    indexed         boolean not null default false,
    created_by      bigint,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    version         bigint not null default 0
);
create index pub_news_public on pub_news (status, publish_at desc);

-- Case studies (協働事例): structured records, written by staff or drafted from a finished collaboration project.
create table pub_case_study (
    id              bigserial primary key,
    title           varchar(200) not null,
    summary         text not null,
    form            varchar(20) not null,
    fiscal_year     int not null,
    partner_groups  varchar(500) not null,
    department_name varchar(200),
    period_from     date,
    period_to       date,
    budget          bigint,
    activities      text,
    outcomes        text,
    evaluation      text,
    lessons         text,
    project_id      bigint unique,
    status          varchar(20) not null,
    published_at    timestamp with time zone,
    created_by      bigint,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    version         bigint not null default 0
);
create index pub_case_study_public on pub_case_study (status, fiscal_year desc);

create table pub_case_study_field (
    case_study_id bigint not null references pub_case_study (id) on delete cascade,
    field_code    varchar(50) not null,
    primary key (case_study_id, field_code)
);

-- Photos of a case study, each with the alternative text that describes it.
create table pub_case_study_photo (
    id            bigserial primary key,
    case_study_id bigint not null references pub_case_study (id) on delete cascade,
    filename      varchar(200) not null,
    content_type  varchar(50) not null,
    content       bytea not null,
    alt_text      varchar(300) not null,
    created_at    timestamp with time zone not null
);
create index pub_case_study_photo_case on pub_case_study_photo (case_study_id);
