-- Calls for proposals: the yearly call for resident-proposed projects (origin GROUP, run by the secretariat) and
-- the departments' city-proposed themes (origin CITY).
create table collab_call (
    id                      bigserial primary key,
    origin                  varchar(10) not null,
    fiscal_year             int not null,
    title                   varchar(200) not null,
    department_id           bigint not null,
    background              text,
    expected_outcome        text,
    rules                   text,
    budget_cap              bigint,
    area_code               varchar(40),
    application_opens       date not null,
    application_closes      date not null,
    consultation_deadline   date,
    first_screening_on      date,
    second_screening_on     date,
    result_on               date,
    status                  varchar(20) not null,
    created_by              bigint not null,
    created_at              timestamp with time zone not null,
    updated_at              timestamp with time zone not null,
    version                 bigint not null default 0
);
create table collab_call_form (
    call_id bigint not null references collab_call (id) on delete cascade,
    form    varchar(20) not null,
    primary key (call_id, form)
);
create table collab_call_field (
    call_id    bigint not null references collab_call (id) on delete cascade,
    field_code varchar(40) not null,
    primary key (call_id, field_code)
);

-- Staff invite a group found by partner finding to propose on a theme; once per group and theme.
create table collab_call_invitation (
    call_id    bigint not null references collab_call (id) on delete cascade,
    group_id   bigint not null,
    invited_by bigint not null,
    invited_at timestamp with time zone not null,
    primary key (call_id, group_id)
);

-- A group's proposal for a call, with its role division, budget and targets as ordered lines.
create table collab_proposal (
    id                 bigserial primary key,
    call_id            bigint not null references collab_call (id),
    group_id           bigint not null,
    status             varchar(30) not null,
    draft_step         int not null default 1,
    title              varchar(200) not null,
    purpose            text,
    content            text,
    target             text,
    capacity           varchar(200),
    period_from        date,
    period_to          date,
    place              varchar(300),
    form               varchar(20),
    pioneering         text,
    prospects          text,
    requested_amount   bigint not null default 0,
    decision_reason    text,
    conditions         text,
    submitted_at       timestamp with time zone,
    decided_at         timestamp with time zone,
    created_by         bigint not null,
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    version            bigint not null default 0
);
create index collab_proposal_call_idx on collab_proposal (call_id, status);
create index collab_proposal_group_idx on collab_proposal (group_id);

create table collab_proposal_role (
    proposal_id bigint not null references collab_proposal (id) on delete cascade,
    seq         int not null,
    task        varchar(200) not null,
    group_part  varchar(500),
    city_part   varchar(500),
    primary key (proposal_id, seq)
);
create table collab_proposal_budget (
    proposal_id bigint not null references collab_proposal (id) on delete cascade,
    seq         int not null,
    kind        varchar(10) not null,
    item        varchar(200) not null,
    amount      bigint not null,
    bearer      varchar(10) not null,
    note        varchar(300),
    primary key (proposal_id, seq)
);
create table collab_proposal_target (
    proposal_id bigint not null references collab_proposal (id) on delete cascade,
    seq         int not null,
    kind        varchar(10) not null,
    description varchar(300) not null,
    target_value varchar(100),
    primary key (proposal_id, seq)
);

-- Files attached to a proposal or to a consultation message (PDF or image, checked by content).
create table collab_file (
    id           bigserial primary key,
    owner_type   varchar(20) not null,
    owner_id     bigint not null,
    filename     varchar(255) not null,
    content_type varchar(100) not null,
    size_bytes   int not null,
    content      bytea not null,
    uploaded_by  bigint not null,
    uploaded_at  timestamp with time zone not null
);
create index collab_file_owner_idx on collab_file (owner_type, owner_id);

-- Prior consultation (事前相談) about a proposal with the department that would be the partner.
create table collab_consultation (
    id              bigserial primary key,
    proposal_id     bigint not null unique references collab_proposal (id) on delete cascade,
    department_id   bigint,
    opened_by       bigint not null,
    opened_at       timestamp with time zone not null,
    city_replied_at timestamp with time zone
);
create table collab_consultation_message (
    id              bigserial primary key,
    consultation_id bigint not null references collab_consultation (id) on delete cascade,
    side            varchar(10) not null,
    author_id       bigint not null,
    author_name     varchar(200) not null,
    body            text not null,
    created_at      timestamp with time zone not null
);
create index collab_consultation_message_idx on collab_consultation_message (consultation_id, created_at);
