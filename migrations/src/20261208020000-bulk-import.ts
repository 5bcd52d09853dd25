// Writing many figures at once without paying per row for what can be paid per statement
// (issue #22):
// - the measure checks on observations (counts whole, a ratio's numerator within its
//   denominator, percentages within 0..100) run once per statement over its transition table,
//   with one join against measures, instead of once per row with a measures lookup each;
// - the audit chain keeps each event's predecessor in a transaction-local setting once the
//   transaction holds the chain head's lock, so the events after the first of a transaction
//   neither lock the head again nor look up their predecessor; the head moves at commit, by
//   the transaction's newest event only. The chain itself (sequence, hash, prev_hash, commit
//   order) is exactly what the audit-chain migration makes; `pnpm audit:verify` checks it.
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  // One statement's rows, checked at its end; the first failing rule of the first failing row
  // is raised, with the errcode and the message the per-row trigger gave.
  await sql`create function observations_check_measures() returns trigger language plpgsql as $$
declare
  bad text;
begin
  select case
      when m.unit = 'count' and n.value is not null and (n.value < 0 or n.value <> trunc(n.value))
        then 'a count must be a whole number of at least 0'
      when m.unit = 'count' and n.numerator is not null
        then 'a count takes a value, not a numerator and denominator'
      when m.unit = 'percent' and m.aggregation = 'ratio' and n.numerator is not null
        and n.numerator > n.denominator
        then 'a numerator may not exceed its denominator'
      else 'a percentage lies between 0 and 100'
    end into bad
  from observations_checked n
  join measures m on m.id = n.measure_id
  where (m.unit = 'count' and n.value is not null and (n.value < 0 or n.value <> trunc(n.value)))
     or (m.unit = 'count' and n.numerator is not null)
     or (m.unit = 'percent' and m.aggregation = 'ratio' and n.numerator is not null
         and n.numerator > n.denominator)
     or (m.unit = 'percent' and m.aggregation <> 'ratio' and n.value is not null
         and (n.value < 0 or n.value > 100))
  limit 1;
  if bad is not null then
    raise exception '%', bad using errcode = 'check_violation';
  end if;
  return null;
end
$$`.execute(db);
  await sql`drop trigger observations_check_measure on observations`.execute(db);
  await sql`create trigger observations_check_insert after insert on observations
referencing new table as observations_checked
for each statement execute function observations_check_measures()`.execute(db);
  await sql`create trigger observations_check_update after update on observations
referencing new table as observations_checked
for each statement execute function observations_check_measures()`.execute(db);

  // The chain's tail within a transaction: 'txid:seq:hash' of its newest event, local to the
  // transaction (a rolled-back savepoint takes it back with the events it covered). Set only
  // once the transaction holds the head's row lock, so it never stands for a head another
  // transaction could move.
  await sql`create or replace function audit_events_chain() returns trigger language plpgsql as $$
declare
  tail text := current_setting('rba.audit_chain_tail', true);
  tx text := txid_current()::text;
  prev_seq bigint;
  prev_hash text;
  own_seq bigint;
  own_hash text;
begin
  if tail is not null and split_part(tail, ':', 1) = tx then
    prev_seq := split_part(tail, ':', 2)::bigint;
    prev_hash := split_part(tail, ':', 3);
  else
    select seq, hash into prev_seq, prev_hash from audit_chain_head where id for update;
    select seq, hash into own_seq, own_hash from audit_events where seq > prev_seq
      order by seq desc limit 1;
    if found then
      prev_seq := own_seq;
      prev_hash := own_hash;
    end if;
  end if;
  new.seq := prev_seq + 1;
  new.prev_hash := prev_hash;
  new.hash := audit_event_hash(new.seq, new.at, new.actor_id, new.action, new.entity,
    new.entity_id, new.before, new.after, new.request_id, new.prev_hash);
  perform set_config('rba.audit_chain_tail', tx || ':' || new.seq::text || ':' || new.hash, true);
  return new;
end
$$`.execute(db);

  // At commit: only the transaction's newest event moves the head; the deferred calls of the
  // events before it return at once.
  await sql`create or replace function audit_chain_advance_head() returns trigger language plpgsql as $$
declare
  tail text := current_setting('rba.audit_chain_tail', true);
begin
  if tail is not null and split_part(tail, ':', 1) = txid_current()::text
    and new.seq < split_part(tail, ':', 2)::bigint then
    return null;
  end if;
  update audit_chain_head h set seq = e.seq, hash = e.hash
  from (select seq, hash from audit_events order by seq desc limit 1) e
  where h.id and h.seq < e.seq;
  return null;
end
$$`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await sql`create or replace function audit_chain_advance_head() returns trigger language plpgsql as $$
begin
  update audit_chain_head h set seq = e.seq, hash = e.hash
  from (select seq, hash from audit_events order by seq desc limit 1) e
  where h.id and h.seq < e.seq;
  return null;
end
$$`.execute(db);
  await sql`create or replace function audit_events_chain() returns trigger language plpgsql as $$
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
  await sql`drop trigger observations_check_update on observations`.execute(db);
  await sql`drop trigger observations_check_insert on observations`.execute(db);
  await sql`drop function observations_check_measures()`.execute(db);
  await sql`create trigger observations_check_measure before insert or update on observations
for each row execute function observations_check_measure()`.execute(db);
}
