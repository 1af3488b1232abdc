-- Training courses (講座・講習会): a series of sessions that people register for as a whole, with a waiting list,
-- attendance per session, completion certificates and a short feedback survey.
create table training_course (
    id                    bigserial primary key,
    department_id         bigint not null,
    title                 varchar(200) not null,
    description           text not null,
    lecturer              varchar(200) not null,
    place                 varchar(300) not null,
    -- RESIDENTS, GROUPS or STAFF (staff training: only accounts with the STAFF role may register).
    target                varchar(20) not null,
    capacity              int not null check (capacity > 0),
    fee                   int not null default 0 check (fee >= 0),
    application_opens_on  date,
    application_closes_on date not null,
    -- The last day a registrant may cancel; null means the configured number of days before the first session.
    cancel_deadline       date,
    status                varchar(20) not null,
    created_by            bigint not null,
    created_at            timestamp with time zone not null,
    updated_at            timestamp with time zone not null,
    version               bigint not null default 0
);
create index training_course_department_idx on training_course (department_id, status);

create table training_session (
    id        bigserial primary key,
    course_id bigint not null references training_course (id) on delete cascade,
    number    int not null,
    held_on   date not null,
    starts_at time not null,
    ends_at   time not null,
    topic     varchar(200),
    unique (course_id, number)
);

-- One person's registration for the whole series. CONFIRMED holds a place, WAITING is on the waiting list in id order,
-- CANCELLED is kept for the record. Name and e-mail are a snapshot taken at registration (seen by the department only).
create table training_registration (
    id                 bigserial primary key,
    course_id          bigint not null references training_course (id) on delete cascade,
    account_id         bigint,
    name               varchar(100) not null,
    email              varchar(254) not null,
    group_id           bigint,
    group_name         varchar(200),
    status             varchar(20) not null,
    created_at         timestamp with time zone not null,
    promoted_at        timestamp with time zone,
    cancelled_at       timestamp with time zone,
    cancelled_by_staff boolean not null default false
);
-- One live registration per account and course (a cancelled one may register again).
create unique index training_registration_account_idx on training_registration (course_id, account_id)
    where status <> 'CANCELLED' and account_id is not null;
create index training_registration_course_idx on training_registration (course_id, status, id);

create table training_attendance (
    session_id      bigint not null references training_session (id) on delete cascade,
    registration_id bigint not null references training_registration (id) on delete cascade,
    primary key (session_id, registration_id)
);

-- The feedback survey after the course: one answer per registration, shown to staff without names.
create table training_feedback (
    registration_id bigint primary key references training_registration (id) on delete cascade,
    satisfaction    int not null check (satisfaction between 1 and 5),
    usefulness      int not null check (usefulness between 1 and 5),
    comment         text,
    answered_at     timestamp with time zone not null
);
