-- External advisors (外部専門家アドバイザー) registered by the secretariat, and groups' requests for a consultation with
-- one of them: assigned a date, then recorded (what was advised, the follow-up), visible to the group and staff.
create table centre_advisor (
    id          bigserial primary key,
    name        varchar(100) not null,
    affiliation varchar(200),
    expertise   varchar(300) not null,
    profile     text not null,
    active      boolean not null default true,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    version     bigint not null default 0
);
create table centre_advisor_request (
    id              bigserial primary key,
    group_id        bigint not null,
    group_name      varchar(200) not null,
    requested_by    bigint not null,
    topic           varchar(30) not null,
    details         text not null,
    preferred_dates varchar(500) not null,
    status          varchar(20) not null,
    advisor_id      bigint references centre_advisor (id),
    scheduled_at    timestamp with time zone,
    place           varchar(200),
    decline_reason  text,
    advice          text,
    follow_up       text,
    recorded_at     timestamp with time zone,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    version         bigint not null default 0
);
create index centre_advisor_request_group_idx on centre_advisor_request (group_id);
create index centre_advisor_request_status_idx on centre_advisor_request (status);
