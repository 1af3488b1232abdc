-- A mail whose row goes as soon as it is sent: the farewell mail of a deleted account, so its address stays nowhere.
alter table mail_outbox add column erase_when_sent boolean not null default false;
