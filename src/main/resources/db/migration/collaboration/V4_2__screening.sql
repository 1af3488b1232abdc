-- A screening round (審査) of a call's proposals by committee members, on documents or on a presentation.
create table collab_screening (
    id                bigserial primary key,
    call_id           bigint not null references collab_call (id),
    stage             varchar(20) not null,
    aggregation       varchar(20) not null,
    threshold_percent int not null,
    status            varchar(20) not null,
    created_by        bigint not null,
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    version           bigint not null default 0,
    unique (call_id, stage)
);
create table collab_screening_criterion (
    id           bigserial primary key,
    screening_id bigint not null references collab_screening (id) on delete cascade,
    seq          int not null,
    name         varchar(100) not null,
    max_points   int not null,
    weight       numeric(5, 2) not null
);
create table collab_screening_member (
    screening_id bigint not null references collab_screening (id) on delete cascade,
    account_id   bigint not null,
    primary key (screening_id, account_id)
);
-- The proposals a round screens, fixed when scoring starts.
create table collab_screening_proposal (
    screening_id bigint not null references collab_screening (id) on delete cascade,
    proposal_id  bigint not null references collab_proposal (id),
    primary key (screening_id, proposal_id)
);
-- A member's declared conflict of interest: that member does not score that proposal.
create table collab_screening_conflict (
    screening_id bigint not null references collab_screening (id) on delete cascade,
    proposal_id  bigint not null,
    account_id   bigint not null,
    reason       varchar(500) not null,
    declared_at  timestamp with time zone not null,
    primary key (screening_id, proposal_id, account_id)
);
-- One member's scores for one proposal: a draft until submitted, then final.
create table collab_score_sheet (
    screening_id bigint not null references collab_screening (id) on delete cascade,
    proposal_id  bigint not null,
    account_id   bigint not null,
    status       varchar(20) not null,
    comment      text,
    updated_at   timestamp with time zone not null,
    submitted_at timestamp with time zone,
    version      bigint not null default 0,
    primary key (screening_id, proposal_id, account_id)
);
create table collab_score (
    screening_id bigint not null,
    proposal_id  bigint not null,
    account_id   bigint not null,
    criterion_id bigint not null references collab_screening_criterion (id) on delete cascade,
    points       int,
    comment      varchar(1000),
    primary key (screening_id, proposal_id, account_id, criterion_id),
    foreign key (screening_id, proposal_id, account_id) references collab_score_sheet (screening_id, proposal_id, account_id)
        on delete cascade
);
