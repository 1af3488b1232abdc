-- The exclusion rules are the call's own (fixed when it is prepared), so changing a setting does not change an open call.
alter table council_call add column exclude_other_council boolean not null default true;
alter table council_call add column exclude_past_member boolean not null default true;
-- One membership per call and person, however often a decision is sent.
create unique index council_member_call_account_idx on council_member (call_id, account_id) where call_id is not null;
