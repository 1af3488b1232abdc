-- Reports on public posts (opportunities, business offers, group needs) and what staff decided. A post kind keeps its
-- own hidden_at / hidden_reason columns; this table is the queue and the history.
create table vol_report (
    id            bigserial primary key,
    post_type     varchar(20) not null,
    post_id       bigint not null,
    reason        varchar(20) not null,
    details       text,
    reporter_id   bigint,
    reporter_key  varchar(100) not null,
    status        varchar(20) not null,
    decided_by    bigint,
    decided_at    timestamp with time zone,
    decision_note text,
    created_at    timestamp with time zone not null
);
create index vol_report_status_idx on vol_report (status, created_at);
create index vol_report_post_idx on vol_report (post_type, post_id);
-- One open report per reporter and post, even when the same form is sent twice at once.
create unique index vol_report_open_once_idx on vol_report (reporter_key, post_type, post_id) where status = 'OPEN';
