-- Councils (審議会), their members and terms, their meetings and minutes, and calls for public members (公募委員).
create table council (
    id            bigserial primary key,
    department_id bigint not null,
    name          varchar(200) not null,
    purpose       text not null,
    basis         varchar(300),
    seats         int not null,
    term_years    int not null,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    version       bigint not null default 0
);
-- A member as the city publishes them (name, role, category) and their term. A public member chosen through a call
-- keeps the applicant's account, so later calls can check "not on another council" and "not a past public member".
create table council_member (
    id          bigserial primary key,
    council_id  bigint not null references council (id) on delete cascade,
    name        varchar(100) not null,
    role        varchar(20) not null,
    category    varchar(20) not null,
    affiliation varchar(200),
    term_start  date not null,
    term_end    date not null,
    account_id  bigint,
    call_id     bigint,
    created_at  timestamp with time zone not null
);
create index council_member_council_idx on council_member (council_id, term_end);
create index council_member_account_idx on council_member (account_id);
create table council_meeting (
    id         bigserial primary key,
    council_id bigint not null references council (id) on delete cascade,
    held_on    date not null,
    title      varchar(200) not null,
    place      varchar(200),
    minutes    text,
    created_at timestamp with time zone not null
);
-- A call for public members: period (three weeks or more), requirements, essay, and how members are chosen.
create table council_call (
    id             bigserial primary key,
    council_id     bigint not null references council (id) on delete cascade,
    places         int not null,
    opens_on       date not null,
    closes_on      date not null,
    term_start     date not null,
    term_end       date not null,
    min_age        int not null,
    residence      boolean not null,
    essay_theme    varchar(300) not null,
    essay_limit    int not null,
    method         varchar(20) not null,
    pass_mark      int,
    notes          text,
    status         varchar(20) not null,
    lottery_seed   varchar(200),
    lottery_entries text,
    lottery_at     timestamp with time zone,
    decided_at     timestamp with time zone,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    version        bigint not null default 0
);
-- An application: the applicant's account, the facts eligibility is checked on, the essay, and the outcome.
create table council_application (
    id          bigserial primary key,
    call_id     bigint not null references council_call (id) on delete cascade,
    number      varchar(20) not null,
    account_id  bigint not null,
    name        varchar(100) not null,
    furigana    varchar(100) not null,
    birth_date  date not null,
    address     varchar(300) not null,
    phone       varchar(30) not null,
    occupation  varchar(100),
    essay       text not null,
    status      varchar(20) not null,
    created_at  timestamp with time zone not null,
    unique (call_id, account_id),
    unique (call_id, number)
);
-- Each rater's score of an essay (0 to 100); the average ranks the applications.
create table council_score (
    application_id bigint not null references council_application (id) on delete cascade,
    rater_id       bigint not null,
    score          int not null check (score between 0 and 100),
    note           varchar(1000),
    scored_at      timestamp with time zone not null,
    primary key (application_id, rater_id)
);
