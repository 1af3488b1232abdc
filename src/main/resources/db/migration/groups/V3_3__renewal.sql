-- Renewal of a registration (更新申請) and its reminders.
alter table civic_group add column renewal_requested_at timestamp with time zone;
alter table civic_group add column renewal_reminded_on date;
