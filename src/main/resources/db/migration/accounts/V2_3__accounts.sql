-- People, their roles, and the city's departments (担当課).
create table department (
    id          bigserial primary key,
    code        varchar(32) not null unique,
    name        varchar(100) not null,
    name_en     varchar(100),
    secretariat boolean not null default false,
    active      boolean not null default true,
    created_at  timestamp with time zone not null,
    version     bigint not null default 0
);

create table account (
    id                bigserial primary key,
    email             varchar(254) not null unique,
    password_hash     varchar(255),
    name              varchar(100) not null,
    name_kana         varchar(100),
    postal_code       varchar(7),
    address           varchar(255),
    phone             varchar(20),
    status            varchar(30) not null,
    department_id     bigint references department (id),
    failed_logins     int not null default 0,
    locked_until      timestamp with time zone,
    email_verified_at timestamp with time zone,
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    deleted_at        timestamp with time zone,
    version           bigint not null default 0
);
create index account_department_idx on account (department_id);

create table account_role (
    account_id bigint not null references account (id) on delete cascade,
    role       varchar(30) not null,
    primary key (account_id, role)
);

-- One-time tokens sent by e-mail (verification, password reset, e-mail change); only their hash is stored.
create table account_token (
    id         bigserial primary key,
    account_id bigint not null references account (id) on delete cascade,
    purpose    varchar(30) not null,
    token_hash varchar(64) not null unique,
    new_email  varchar(254),
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    used_at    timestamp with time zone
);
create index account_token_account_idx on account_token (account_id, purpose);
