-- A kept council application of a deleted person (or one past its retention) keeps no date of birth.
alter table council_application alter column birth_date drop not null;
