-- The outbox metrics count the mails given up (kyodo.mail.outbox.failed) at every scrape: a partial index keeps that
-- independent of the months of sent mail the outbox holds.
create index mail_outbox_failed_idx on mail_outbox (created_at) where status = 'FAILED';
