-- Transactional outbox for e-mail: a mail is queued in the transaction that causes it and sent later, with retries.
create table mail_outbox (
    id              bigserial primary key,
    recipient       varchar(254) not null,
    subject         varchar(300) not null,
    body            text not null,
    status          varchar(20) not null,
    attempts        int not null default 0,
    last_error      text,
    next_attempt_at timestamp with time zone not null,
    created_at      timestamp with time zone not null,
    sent_at         timestamp with time zone
);
create index mail_outbox_due_idx on mail_outbox (next_attempt_at) where status = 'PENDING';
create index mail_outbox_created_idx on mail_outbox (created_at desc);
