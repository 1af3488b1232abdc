-- What an announced notice tells (a new call, a new opportunity, results), shown beside its title in either language.
alter table notice add column news varchar(30);
