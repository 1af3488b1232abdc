-- The audit log is append-only and tamper-evident. Each entry, once sealed, carries its place in a chain (chain_seq)
-- and a SHA-256 over its content and the previous entry's hash (jp.kyodo.audit.AuditChain); changing, removing or
-- inserting a sealed entry breaks every hash after it, which the check (kyodo.audit.verify) reports.
alter table audit_entry add column chain_seq bigint;
alter table audit_entry add column chain_hash char(64);
-- The chain covers the summary through its digest, taken at sealing; when a person deletes their account, the text of
-- a summary that names them is rewritten without their data (summary_erased), and the digest keeps the chain whole.
alter table audit_entry add column summary_digest char(64);
alter table audit_entry add column summary_erased boolean not null default false;
create unique index audit_entry_chain_seq_idx on audit_entry (chain_seq);
create index audit_entry_unsealed_idx on audit_entry (id) where chain_seq is null;

-- No entry is ever deleted or changed: the only updates allowed are sealing an unsealed entry and erasing a person's
-- data when they delete their account: their name (not part of the chain; the account number is) and their data in a
-- summary, marked summary_erased (the chain keeps the digest of what was sealed).
create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' or tg_op = 'TRUNCATE' then
        raise exception 'audit_entry is append-only: % refused', tg_op;
    end if;
    if new.id <> old.id or new.occurred_at is distinct from old.occurred_at or new.actor_id is distinct from old.actor_id
            or new.action is distinct from old.action or new.record_type is distinct from old.record_type
            or new.record_id is distinct from old.record_id
            or (new.summary is distinct from old.summary and not new.summary_erased)
            or (old.summary_erased and not new.summary_erased) then
        raise exception 'audit_entry is append-only: entry % cannot be changed', old.id;
    end if;
    if old.chain_seq is not null and (new.chain_seq is distinct from old.chain_seq or new.chain_hash is distinct from old.chain_hash
            or new.summary_digest is distinct from old.summary_digest) then
        raise exception 'audit_entry is append-only: the seal of entry % cannot be changed', old.id;
    end if;
    return new;
end
$$;
create trigger audit_entry_no_change before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_append_only();
