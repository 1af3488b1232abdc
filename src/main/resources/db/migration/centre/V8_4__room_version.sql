-- Rooms are administered in the portal: two administrators editing one room must not overwrite each other.
alter table centre_room add column version bigint not null default 0;
