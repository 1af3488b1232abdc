-- Applications for the city's endorsement (後援) or co-hosting (共催) of an event, decided by the department
-- concerned against the criteria checklist, with a report after the event.
create table support_event (
    id                    bigserial primary key,
    kind                  varchar(20) not null,
    applicant_id          bigint not null,
    group_id              bigint,
    organiser_name        varchar(200) not null,
    organiser_address     varchar(300) not null,
    organiser_representative varchar(100) not null,
    organiser_phone       varchar(20),
    organiser_email       varchar(254),
    officers              text,
    event_name            varchar(200) not null,
    purpose               text not null,
    starts_on             date not null,
    ends_on               date not null,
    venue                 varchar(300) not null,
    target                varchar(300),
    expected_participants int,
    fee                   bigint not null default 0,
    outline               text not null,
    budget_income         bigint,
    budget_expense        bigint,
    department_id         bigint not null,
    status                varchar(20) not null,
    checklist             varchar(200),
    conditions            text,
    decision_reason       text,
    decided_by            bigint,
    decided_at            timestamp with time zone,
    notice_number         varchar(40),
    report_due_on         date,
    report_text           text,
    report_participants   int,
    report_income         bigint,
    report_expense        bigint,
    report_submitted_at   timestamp with time zone,
    reminded_on           date,
    created_at            timestamp with time zone not null,
    updated_at            timestamp with time zone not null,
    version               bigint not null default 0
);
create index support_event_status_idx on support_event (status, report_due_on);

create table support_file (
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
create index support_file_owner_idx on support_file (owner_type, owner_id);

-- Subsidy programmes (補助金・助成金) per fiscal year; granted_total never passes budget.
create table support_programme (
    id                 bigserial primary key,
    fiscal_year        int not null,
    name               varchar(200) not null,
    purpose            text not null,
    registered_only    boolean not null,
    max_amount         bigint not null,
    rate_percent       int not null,
    budget             bigint not null,
    granted_total      bigint not null default 0,
    opens_on           date not null,
    closes_on          date not null,
    required_documents text,
    department_id      bigint not null,
    created_at         timestamp with time zone not null,
    version            bigint not null default 0,
    check (granted_total <= budget)
);

-- Applications (交付申請) through decision (交付決定), change, completion report (実績報告), final amount (額の確定)
-- and payment.
create table support_grant (
    id                bigserial primary key,
    programme_id      bigint not null references support_programme (id),
    group_id          bigint,
    applicant_id      bigint not null,
    applicant_name    varchar(200) not null,
    project_name      varchar(200) not null,
    purpose           text not null,
    total_cost        bigint not null,
    requested_amount  bigint not null,
    budget_note       text,
    status            varchar(20) not null,
    granted_amount    bigint,
    decision_reason   text,
    decided_by        bigint,
    decided_at        timestamp with time zone,
    change_amount     bigint,
    change_reason     text,
    actual_cost       bigint,
    report_text       text,
    reported_at       timestamp with time zone,
    final_amount      bigint,
    finalised_at      timestamp with time zone,
    paid_on           date,
    payment_reference varchar(100),
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    version           bigint not null default 0
);
create index support_grant_programme_idx on support_grant (programme_id, status);

-- Commissioned work (委託) and cooperation agreements (事業協力・協定) recorded by staff.
create table support_record (
    id            bigserial primary key,
    kind          varchar(20) not null,
    group_id      bigint,
    partner_name  varchar(200) not null,
    partner_type  varchar(20) not null,
    title         varchar(200) not null,
    purpose       text not null,
    starts_on     date not null,
    ends_on       date not null,
    amount        bigint,
    fiscal_year   int not null,
    department_id bigint not null,
    created_by    bigint not null,
    created_at    timestamp with time zone not null
);
