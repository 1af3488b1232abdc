-- The civic activity centre (市民活動交流センター): its rooms, bookings by the hour, and maintenance blocks.
-- btree_gist lets the exclusion constraint below compare room ids (=) together with time ranges (&&).
create extension if not exists btree_gist;

-- A room with its capacity, equipment and hourly rates in yen: the activity rate (団体活動料金) for registered
-- groups, the standard rate (一般料金) for everyone else.
create table centre_room (
    id            bigserial primary key,
    code          varchar(40) not null unique,
    name          varchar(100) not null,
    name_en       varchar(100),
    capacity      int not null check (capacity > 0),
    equipment     varchar(500),
    equipment_en  varchar(500),
    activity_rate bigint not null check (activity_rate >= 0),
    standard_rate bigint not null check (standard_rate >= 0),
    sort_order    int not null,
    active        boolean not null default true
);

-- Honjo's centre (はにぽんプラザ).
insert into centre_room (code, name, name_en, capacity, equipment, equipment_en, activity_rate, standard_rate, sort_order) values
    ('hall', '多目的ホール', 'Multipurpose hall', 120, 'プロジェクター、スクリーン、マイク2本、長机30台、椅子120脚',
        'Projector, screen, two microphones, 30 tables, 120 chairs', 1000, 2000, 1),
    ('kitchen', '調理室', 'Kitchen', 24, '調理台4台、ガスコンロ、オーブン、冷蔵庫、食器',
        'Four cooking tables, gas stoves, oven, refrigerator, tableware', 500, 1000, 2),
    ('studio-a', '音楽スタジオA', 'Music studio A', 10, 'ドラムセット、ギターアンプ2台、ベースアンプ、PA',
        'Drum kit, two guitar amplifiers, bass amplifier, PA', 400, 800, 3),
    ('studio-b', '音楽スタジオB', 'Music studio B', 6, 'アップライトピアノ、譜面台、PA', 'Upright piano, music stands, PA', 300, 600, 4),
    ('meeting-a', '会議室A', 'Meeting room A', 30, 'ホワイトボード、プロジェクター、長机10台', 'Whiteboard, projector, 10 tables', 300, 600, 5),
    ('meeting-b', '会議室B', 'Meeting room B', 12, 'ホワイトボード、テーブル', 'Whiteboard, tables', 200, 400, 6);

-- A booking of one room for whole hours. BOOKED awaits payment by payment_due_on; PAID is settled; CANCELLED was
-- cancelled by the booker or the staff; EXPIRED was cancelled automatically when unpaid after its deadline.
create table centre_booking (
    id                bigserial primary key,
    room_id           bigint not null references centre_room (id),
    starts_at         timestamp with time zone not null,
    ends_at           timestamp with time zone not null,
    account_id        bigint not null,
    group_id          bigint,
    booker_name       varchar(200) not null,
    purpose           varchar(500) not null,
    people            int not null check (people > 0),
    rate              bigint not null,
    fee               bigint not null,
    status            varchar(20) not null,
    payment_due_on    date not null,
    reminded_at       timestamp with time zone,
    paid_amount       bigint,
    payment_method    varchar(20),
    paid_on           date,
    cancelled_at      timestamp with time zone,
    cancel_reason     text,
    created_at        timestamp with time zone not null,
    version           bigint not null default 0,
    check (ends_at > starts_at),
    -- Two live bookings of a room never overlap, whichever transaction commits first.
    constraint centre_booking_no_overlap exclude using gist (room_id with =, tstzrange(starts_at, ends_at) with &&)
        where (status in ('BOOKED', 'PAID'))
);
create index centre_booking_account_idx on centre_booking (account_id, starts_at);
create index centre_booking_due_idx on centre_booking (status, payment_due_on);
create index centre_booking_starts_idx on centre_booking (starts_at);

-- A room taken out of use (maintenance, the centre's own events): its hours cannot be booked.
create table centre_block (
    id          bigserial primary key,
    room_id     bigint not null references centre_room (id),
    starts_at   timestamp with time zone not null,
    ends_at     timestamp with time zone not null,
    reason      varchar(300) not null,
    created_by  bigint,
    created_at  timestamp with time zone not null,
    check (ends_at > starts_at)
);
create index centre_block_room_idx on centre_block (room_id, starts_at);
