-- The registry of civic groups (市民活動団体登録制度).

-- Fields of activity (協働が考えられる分野): administrable, the guideline's §6 fields by default.
create table activity_field (
    code       varchar(40) primary key,
    name       varchar(100) not null,
    name_en    varchar(100),
    sort_order int not null,
    active     boolean not null default true
);

-- Activity areas (地区) of the city: administrable.
create table activity_area (
    code       varchar(40) primary key,
    name       varchar(100) not null,
    name_en    varchar(100),
    sort_order int not null,
    active     boolean not null default true
);

create table civic_group (
    id                    bigserial primary key,
    type                  varchar(20) not null,
    name                  varchar(200) not null,
    name_kana             varchar(200),
    founded_on            date,
    members_count         int,
    membership_fee        varchar(200),
    area_code             varchar(40) references activity_area (code),
    purpose               text,
    activities            text,
    website               varchar(500),
    social_links          text,
    meeting_place         varchar(300),
    meeting_times         varchar(300),
    welcomes_members      boolean not null default false,
    welcomes_volunteers   boolean not null default false,
    -- The representative (代表者) and the contact person (連絡担当者); personal contact details are published
    -- only with that person's consent, field by field.
    rep_name              varchar(100),
    rep_name_kana         varchar(100),
    rep_postal_code       varchar(7),
    rep_address           varchar(255),
    rep_phone             varchar(20),
    rep_email             varchar(254),
    rep_publish_address   boolean not null default false,
    rep_publish_phone     boolean not null default false,
    rep_publish_email     boolean not null default false,
    contact_name          varchar(100),
    contact_name_kana     varchar(100),
    contact_postal_code   varchar(7),
    contact_address       varchar(255),
    contact_phone         varchar(20),
    contact_email         varchar(254),
    contact_publish_address boolean not null default false,
    contact_publish_phone boolean not null default false,
    contact_publish_email boolean not null default false,
    -- Declarations of eligibility (活動実態・非政治・非宗教・暴力団排除).
    declares_active_in_city boolean not null default false,
    declares_no_political   boolean not null default false,
    declares_no_religious   boolean not null default false,
    declares_no_antisocial  boolean not null default false,
    status                varchar(20) not null,
    draft_step            int not null default 1,
    registration_number   varchar(50) unique,
    registered_on         date,
    valid_until           date,
    last_decision_message text,
    submitted_at          timestamp with time zone,
    created_by            bigint not null,
    created_at            timestamp with time zone not null,
    updated_at            timestamp with time zone not null,
    version               bigint not null default 0
);
create index civic_group_status_idx on civic_group (status);
create index civic_group_valid_until_idx on civic_group (valid_until);

create table civic_group_field (
    group_id   bigint not null references civic_group (id) on delete cascade,
    field_code varchar(40) not null references activity_field (code),
    primary key (group_id, field_code)
);

-- The accounts that belong to a group, with their role in it (代表者, 担当者, 会員).
create table civic_group_member (
    group_id   bigint not null references civic_group (id) on delete cascade,
    account_id bigint not null,
    role       varchar(20) not null,
    joined_at  timestamp with time zone not null,
    primary key (group_id, account_id)
);
create index civic_group_member_account_idx on civic_group_member (account_id);

-- Required documents of an application (規約, 役員名簿, 事業計画・予算, 前年度決算).
create table civic_group_document (
    id           bigserial primary key,
    group_id     bigint not null references civic_group (id) on delete cascade,
    kind         varchar(30) not null,
    filename     varchar(255) not null,
    content_type varchar(100) not null,
    size_bytes   bigint not null,
    content      bytea not null,
    uploaded_by  bigint not null,
    uploaded_at  timestamp with time zone not null
);
create index civic_group_document_group_idx on civic_group_document (group_id, kind);

-- Everything that happened to a group, shown to the group and to staff.
create table civic_group_history (
    id          bigserial primary key,
    group_id    bigint not null references civic_group (id) on delete cascade,
    occurred_at timestamp with time zone not null,
    actor_id    bigint,
    actor_name  varchar(200) not null,
    event       varchar(40) not null,
    message     text
);
create index civic_group_history_group_idx on civic_group_history (group_id, occurred_at);

-- Registration numbers are issued per fiscal year without gaps or duplicates, even when two staff approve at once.
create table registration_counter (
    fiscal_year int primary key,
    last_number int not null
);
