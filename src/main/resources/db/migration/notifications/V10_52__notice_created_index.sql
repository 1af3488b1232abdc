-- The morning digest reads one day's notices of everybody.
create index notice_created_idx on notice (created_at);
