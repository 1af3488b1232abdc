-- "Log out everywhere": raising the epoch ends every session of the account (sessions carry a stamp of it).
alter table account add column session_epoch int not null default 0;
-- The second factor of staff and administrators: a TOTP secret (RFC 6238, base32), when it was confirmed, and the
-- last time step accepted, so that a code is never accepted twice.
alter table account add column totp_secret varchar(64);
alter table account add column totp_enabled_at timestamp with time zone;
alter table account add column totp_last_step bigint;
