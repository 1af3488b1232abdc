-- Businesses' social contribution: offers by business-type groups, needs of any registered group, relayed
-- conversations between two groups and the cooperations they agreed on.

-- Codes of fields and areas are kept as comma-separated lists: they are read whole and matched in memory.
create table vol_offer (
    id            bigserial primary key,
    group_id      bigint not null references civic_group (id),
    kind          varchar(30) not null,
    title         varchar(100) not null,
    description   text not null,
    field_codes   varchar(1000) not null default '',
    area_codes    varchar(1000) not null default '',
    conditions    text,
    valid_until   date,
    status        varchar(20) not null,
    created_by    bigint not null,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    published_at  timestamp with time zone,
    version       bigint not null default 0,
    hidden_at     timestamp with time zone,
    hidden_reason text
);
create index vol_offer_group_idx on vol_offer (group_id);
create index vol_offer_status_idx on vol_offer (status);

create table vol_need (
    id            bigserial primary key,
    group_id      bigint not null references civic_group (id),
    kind          varchar(30) not null,
    title         varchar(100) not null,
    description   text not null,
    field_codes   varchar(1000) not null default '',
    area_code     varchar(40),
    needed_by     date,
    status        varchar(20) not null,
    created_by    bigint not null,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    version       bigint not null default 0,
    hidden_at     timestamp with time zone,
    hidden_reason text
);
create index vol_need_group_idx on vol_need (group_id);
create index vol_need_status_idx on vol_need (status);

-- A thread between two groups about an offer, a need or a suggested pair; only the two groups' managers read it.
create table vol_conversation (
    id               bigserial primary key,
    offer_id         bigint references vol_offer (id),
    need_id          bigint references vol_need (id),
    starter_group_id bigint not null references civic_group (id),
    other_group_id   bigint not null references civic_group (id),
    subject          varchar(200) not null,
    started_by       bigint not null,
    created_at       timestamp with time zone not null,
    last_message_at  timestamp with time zone not null
);
create index vol_conversation_groups_idx on vol_conversation (starter_group_id, other_group_id);
create index vol_conversation_started_by_idx on vol_conversation (started_by, created_at);

create table vol_conv_message (
    id              bigserial primary key,
    conversation_id bigint not null references vol_conversation (id),
    group_id        bigint not null references civic_group (id),
    author_id       bigint not null,
    body            text not null,
    created_at      timestamp with time zone not null
);
create index vol_conv_message_conv_idx on vol_conv_message (conversation_id, created_at);
create index vol_conv_message_author_idx on vol_conv_message (author_id, created_at);

-- An agreed cooperation (協力が決まった). Shaped like a support record of kind COOPERATION (partner group, title,
-- purpose, start date) so that the support module can adopt it into its statistics; support_record_id says it did.
create table vol_cooperation (
    id                bigserial primary key,
    conversation_id   bigint not null unique references vol_conversation (id),
    offer_id          bigint references vol_offer (id),
    need_id           bigint references vol_need (id),
    group_id          bigint not null references civic_group (id),
    partner_group_id  bigint not null references civic_group (id),
    title             varchar(200) not null,
    summary           text not null,
    agreed_on         date not null,
    recorded_by       bigint not null,
    created_at        timestamp with time zone not null,
    support_record_id bigint
);
create index vol_cooperation_offer_idx on vol_cooperation (offer_id);
create index vol_cooperation_need_idx on vol_cooperation (need_id);
