-- An adopted proposal becomes a project: agreed, carried out, reported, evaluated and published.
create table collab_project (
    id            bigserial primary key,
    proposal_id   bigint not null unique references collab_proposal (id),
    status        varchar(20) not null,
    started_at    timestamp with time zone,
    published_at  timestamp with time zone,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    version       bigint not null default 0
);

-- The agreement (協定書), one row per version: the first is drafted from the proposal, later ones are change
-- requests. A version is in force once both sides have confirmed it; the one before is then superseded.
create table collab_agreement (
    id                  bigserial primary key,
    project_id          bigint not null references collab_project (id) on delete cascade,
    number              int not null,
    status              varchar(20) not null,
    purpose             text not null,
    period_from         date not null,
    period_to           date not null,
    roles               text not null,
    cost_sharing        text not null,
    information_sharing text not null,
    personal_data       text not null,
    outputs             text not null,
    change_termination  text not null,
    change_reason       text,
    city_confirmed_by   bigint,
    city_confirmed_name varchar(200),
    city_confirmed_at   timestamp with time zone,
    group_confirmed_by  bigint,
    group_confirmed_name varchar(200),
    group_confirmed_at  timestamp with time zone,
    created_by          bigint not null,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    version             bigint not null default 0,
    unique (project_id, number)
);

create table collab_agreement_comment (
    id          bigserial primary key,
    agreement_id bigint not null references collab_agreement (id) on delete cascade,
    side        varchar(10) not null,
    author_id   bigint not null,
    author_name varchar(200) not null,
    body        text not null,
    created_at  timestamp with time zone not null
);

-- Interim (中間ふりかえり) and completion (実績報告) reports, with outcomes per target and actual amounts per
-- budget line.
create table collab_report (
    id             bigserial primary key,
    project_id     bigint not null references collab_project (id) on delete cascade,
    kind           varchar(20) not null,
    status         varchar(20) not null,
    due_on         date not null,
    activities     text,
    participants   int,
    return_message text,
    reminded_on    date,
    submitted_at   timestamp with time zone,
    decided_by     bigint,
    decided_at     timestamp with time zone,
    updated_at     timestamp with time zone not null,
    version        bigint not null default 0,
    unique (project_id, kind)
);
create table collab_report_outcome (
    report_id  bigint not null references collab_report (id) on delete cascade,
    target_seq int not null,
    achieved   varchar(300),
    primary key (report_id, target_seq)
);
create table collab_report_actual (
    report_id  bigint not null references collab_report (id) on delete cascade,
    budget_seq int not null,
    amount     bigint not null,
    primary key (report_id, budget_seq)
);

-- Evaluation sheets: the group's, the department's and each committee member's, scored 1 to 5 per axis.
create table collab_evaluation (
    id           bigserial primary key,
    project_id   bigint not null references collab_project (id) on delete cascade,
    side         varchar(10) not null,
    account_id   bigint not null,
    author_name  varchar(200) not null,
    status       varchar(20) not null,
    comment      text,
    submitted_at timestamp with time zone,
    updated_at   timestamp with time zone not null,
    version      bigint not null default 0,
    unique (project_id, side, account_id)
);
create table collab_evaluation_score (
    evaluation_id bigint not null references collab_evaluation (id) on delete cascade,
    axis          varchar(30) not null,
    score         int,
    comment       varchar(1000),
    primary key (evaluation_id, axis)
);

-- A case study (協働事例) drafted from a finished project, for the secretariat to edit and publish.
create table collab_case_study (
    id         bigserial primary key,
    project_id bigint not null unique references collab_project (id) on delete cascade,
    title      varchar(200) not null,
    body       text not null,
    status     varchar(20) not null,
    created_by bigint not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null
);
