// A tamper-evident audit trail: every audit event carries a gapless chain sequence number,
// the hash of the event before it and its own hash (sha256 over a canonical text of the
// event). The database computes them in a BEFORE INSERT trigger, so every path that writes
// audit_events (insertAuditEvent, the import's bulk INSERT … SELECT) is covered. The trigger
// takes the next sequence number and the previous hash under the row lock of a one-row chain
// head, held until commit: concurrent transactions append one after the other, so the chain is
// linear, gapless (a rolled-back transaction leaves neither events nor a head update behind)
// and in commit order, although the id default is drawn before triggers run. `pnpm audit:verify`
// (apps/api/src/audit/audit-chain.ts) recomputes every hash independently.
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await sql`create table audit_chain_head (
  id boolean primary key default true check (id),
  seq bigint not null check (seq >= 0),
  hash text not null
)`.execute(db);
  await sql`insert into audit_chain_head (id, seq, hash) values (true, 0, repeat('0', 64))`.execute(
    db,
  );
  await sql`alter table audit_events add column seq bigint, add column prev_hash text, add column hash text`.execute(
    db,
  );

  // The canonical text: a JSON array of the fields, each a JSON string or null (the sequence a
  // number), joined without spaces; jsonb columns enter as the string of their canonical text.
  // The verifier builds the same text with JSON.stringify (see audit-chain.ts).
  await sql`create function audit_event_hash(
  p_seq bigint, p_at timestamptz, p_actor uuid, p_action text, p_entity text, p_entity_id text,
  p_before jsonb, p_after jsonb, p_request_id text, p_prev_hash text
) returns text language sql stable as $$
  select encode(sha256(convert_to(
    '[' || p_seq::text
    || ',' || to_json(to_char(p_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text
    || ',' || coalesce(to_json(p_actor::text)::text, 'null')
    || ',' || coalesce(to_json(p_action)::text, 'null')
    || ',' || coalesce(to_json(p_entity)::text, 'null')
    || ',' || coalesce(to_json(p_entity_id)::text, 'null')
    || ',' || coalesce(to_json(p_before::text)::text, 'null')
    || ',' || coalesce(to_json(p_after::text)::text, 'null')
    || ',' || coalesce(to_json(p_request_id)::text, 'null')
    || ',' || to_json(p_prev_hash)::text
    || ']', 'UTF8')), 'hex')
$$`.execute(db);

  // Backfill the events written before the chain, in id order. The append-only trigger is off
  // for these updates only, inside this migration's transaction.
  await sql`alter table audit_events disable trigger audit_events_no_update_delete`.execute(db);
  await sql`do $$
declare
  r record;
  s bigint := 0;
  p text := repeat('0', 64);
  h text;
begin
  for r in select * from audit_events order by id loop
    s := s + 1;
    h := audit_event_hash(s, r.at, r.actor_id, r.action, r.entity, r.entity_id, r.before, r.after, r.request_id, p);
    update audit_events set seq = s, prev_hash = p, hash = h where id = r.id;
    p := h;
  end loop;
  update audit_chain_head set seq = s, hash = p;
end
$$`.execute(db);
  await sql`alter table audit_events enable trigger audit_events_no_update_delete`.execute(db);
  await sql`alter table audit_events alter column seq set not null, alter column prev_hash set not null, alter column hash set not null`.execute(
    db,
  );
  await sql`alter table audit_events add constraint audit_events_seq_unique unique (seq)`.execute(
    db,
  );

  // Each event takes its predecessor under the head's row lock: the head as the last
  // transaction committed it, or this transaction's own newest event (rows it inserted earlier,
  // even earlier in the same INSERT … SELECT, are visible here). The head row itself is
  // written once per transaction, at commit, by the deferred trigger below: updating it per
  // event would pile up row versions that every later event of a bulk insert has to walk.
  await sql`create function audit_events_chain() returns trigger language plpgsql as $$
declare
  prev_seq bigint;
  prev_hash text;
  own_seq bigint;
  own_hash text;
begin
  select seq, hash into prev_seq, prev_hash from audit_chain_head where id for update;
  select seq, hash into own_seq, own_hash from audit_events where seq > prev_seq
    order by seq desc limit 1;
  if found then
    prev_seq := own_seq;
    prev_hash := own_hash;
  end if;
  new.seq := prev_seq + 1;
  new.prev_hash := prev_hash;
  new.hash := audit_event_hash(new.seq, new.at, new.actor_id, new.action, new.entity,
    new.entity_id, new.before, new.after, new.request_id, new.prev_hash);
  return new;
end
$$`.execute(db);
  await sql`create trigger audit_events_chain before insert on audit_events
for each row execute function audit_events_chain()`.execute(db);

  // At commit (still under the lock), the head moves to the transaction's newest event; the
  // first of its deferred calls does it, the others find the head already there.
  await sql`create function audit_chain_advance_head() returns trigger language plpgsql as $$
begin
  update audit_chain_head h set seq = e.seq, hash = e.hash
  from (select seq, hash from audit_events order by seq desc limit 1) e
  where h.id and h.seq < e.seq;
  return null;
end
$$`.execute(db);
  await sql`create constraint trigger audit_events_chain_head after insert on audit_events
deferrable initially deferred
for each row execute function audit_chain_advance_head()`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await sql`drop trigger audit_events_chain_head on audit_events`.execute(db);
  await sql`drop function audit_chain_advance_head()`.execute(db);
  await sql`drop trigger audit_events_chain on audit_events`.execute(db);
  await sql`drop function audit_events_chain()`.execute(db);
  await sql`alter table audit_events drop constraint audit_events_seq_unique`.execute(db);
  await sql`alter table audit_events drop column seq, drop column prev_hash, drop column hash`.execute(
    db,
  );
  await sql`drop function audit_event_hash(bigint, timestamptz, uuid, text, text, text, jsonb, jsonb, text, text)`.execute(
    db,
  );
  await sql`drop table audit_chain_head`.execute(db);
}
