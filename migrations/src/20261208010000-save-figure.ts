// Saving a figure in one statement (issue #22).
//
// 1. A configuration version the database keeps: config_version.version grows, in the writer's
//    transaction, whenever a statement changes rows of what the API caches per process to save
//    figures (settings, dimensions, dimension_values, measures, measure_dimensions). Every API process
//    reads it alike; a process's cache is built at a version and the save below refuses it
//    ('stale') when the version has moved, so the process reloads and saves again. The counter
//    is a row, not a log: its writers are rare (administration), and a save only reads it.
// 2. save_figure: the period rules of a figure save, its write and, for a single save, its
//    audit event, in one round trip (apps/api/src/observations/observations.service.ts calls
//    it; the wording of its refusals stays there). It takes, in this order, the agency's row
//    lock (shared), the figure's row lock by writing it, and last — when p_audit — the audit
//    chain's lock by inserting the event: run in autocommit, that lock is held only from the
//    insert to the commit. A grid save passes p_audit false and writes its events at the end
//    of its transaction, as insertAuditEvent does.
//
// What it answers, one row per item (o_kind):
//   'stale'              the configuration version differs from p_config_version: nothing done
//   'locked'             a submission in p_locking covers the period (o_status: its status)
//   'closed'             the reporting period has closed and the actor may not write after it
//   'conflict'           the version given is not the figure's; o_*: the current row, if any
//   'unchanged'          nothing to write (no write, no event); o_*: the current row
//   'saved'              o_*: the row written; followed by
//   'before'             o_*: the row as it was (when there was one), and
//   'cell'               o_breakdown / o_value / o_numerator / o_denominator: each cell of the
//                        measure's period after the write, for the parts-against-total warnings.
// A part written larger than its total raises SQLSTATE RB001 (nothing is written), its detail
// the total and the parts over it, as JSON.
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
type AnyDb = Kysely<any>;

/** The tables whose rows the API caches to save figures (apps/api/src/observations/save-config.ts). */
const CACHED = [
  'settings',
  'dimensions',
  'dimension_values',
  'measures',
  'measure_dimensions',
] as const;

export async function up(db: AnyDb): Promise<void> {
  await sql`create table config_version (
  id boolean primary key default true check (id),
  version bigint not null
)`.execute(db);
  await sql`insert into config_version (id, version) values (true, 1)`.execute(db);
  await sql`create function config_version_bump() returns trigger language plpgsql as $$
declare
  n bigint;
begin
  if tg_op = 'DELETE' then
    select count(*) into n from config_changes_old;
  else
    select count(*) into n from config_changes_new;
  end if;
  if n > 0 then
    update config_version set version = version + 1 where id;
  end if;
  return null;
end
$$`.execute(db);
  await sql`create function config_version_bump_truncated() returns trigger language plpgsql as $$
begin
  update config_version set version = version + 1 where id;
  return null;
end
$$`.execute(db);
  for (const table of CACHED) {
    const t = sql.id(table);
    await sql`create trigger ${sql.id(`${table}_cv_insert`)} after insert on ${t}
  referencing new table as config_changes_new
  for each statement execute function config_version_bump()`.execute(db);
    await sql`create trigger ${sql.id(`${table}_cv_update`)} after update on ${t}
  referencing new table as config_changes_new
  for each statement execute function config_version_bump()`.execute(db);
    await sql`create trigger ${sql.id(`${table}_cv_delete`)} after delete on ${t}
  referencing old table as config_changes_old
  for each statement execute function config_version_bump()`.execute(db);
    await sql`create trigger ${sql.id(`${table}_cv_truncate`)} after truncate on ${t}
  for each statement execute function config_version_bump_truncated()`.execute(db);
  }

  await sql`create function save_figure_json(o observations, p_label text, p_breakdown_json jsonb)
returns jsonb language sql stable as $$
  select jsonb_build_object(
    'id', o.id,
    'measureId', o.measure_id,
    'period', p_label,
    'periodStart', to_char(o.period_start, 'YYYY-MM-DD'),
    'periodEnd', to_char(o.period_end, 'YYYY-MM-DD'),
    'breakdown', p_breakdown_json,
    'value', o.value::float8,
    'numerator', o.numerator::float8,
    'denominator', o.denominator::float8,
    'note', o.note,
    'status', o.status,
    'version', o.version,
    'enteredBy', o.entered_by,
    'updatedAt', to_char(o.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
$$`.execute(db);

  await sql`create function save_figure(
  p_config_version bigint,
  p_measure_id uuid,
  p_organization_id uuid,
  p_locking text[],
  p_correcting text[],
  p_after_close boolean,
  p_period_start date,
  p_period_end date,
  p_breakdown text,
  p_figure_given boolean,
  p_value numeric,
  p_numerator numeric,
  p_denominator numeric,
  p_note_given boolean,
  p_note text,
  p_version integer,
  p_actor_id uuid,
  p_audit boolean,
  p_label text,
  p_breakdown_json jsonb,
  p_request_id text,
  p_layers text[]
) returns table (
  o_kind text, o_status text, o_id uuid, o_measure_id uuid, o_period_start date,
  o_period_end date, o_breakdown text, o_value numeric, o_numerator numeric,
  o_denominator numeric, o_note text, o_version integer, o_entered_by uuid,
  o_updated_at timestamptz
) language plpgsql as $$
declare
  v_status text := 'approved';
  v_submission text;
  v_correcting boolean := false;
  e observations%rowtype;
  r observations%rowtype;
  v_found boolean;
  v_value numeric;
  v_numerator numeric;
  v_denominator numeric;
  v_note text;
  v_over jsonb;
begin
  if (select version from config_version where id) is distinct from p_config_version then
    return query select 'stale'::text, null::text, null::uuid, null::uuid, null::date, null::date,
      null::text, null::numeric, null::numeric, null::numeric, null::text, null::integer,
      null::uuid, null::timestamptz;
    return;
  end if;

  if p_organization_id is not null then
    -- Shared with other saves, exclusive with submit and review (lockOrganization).
    perform 1 from organizations where id = p_organization_id for share;
    select s.status into v_submission from submissions s
      where s.organization_id = p_organization_id and s.status = any (p_locking)
        and s.period_start <= p_period_start and s.period_end >= p_period_end
      limit 1;
    if found then
      return query select 'locked'::text, v_submission, null::uuid, null::uuid, null::date,
        null::date, null::text, null::numeric, null::numeric, null::numeric, null::text,
        null::integer, null::uuid, null::timestamptz;
      return;
    end if;
    v_correcting := exists (select 1 from submissions s
      where s.organization_id = p_organization_id and s.status = any (p_correcting)
        and s.period_start <= p_period_start and s.period_end >= p_period_end);
    if not v_correcting and not p_after_close and exists (select 1 from reporting_periods rp
        where rp.period_start <= p_period_start and rp.period_end >= p_period_start
          and rp.closes < current_date) then
      return query select 'closed'::text, null::text, null::uuid, null::uuid, null::date,
        null::date, null::text, null::numeric, null::numeric, null::numeric, null::text,
        null::integer, null::uuid, null::timestamptz;
      return;
    end if;
    v_status := case when v_correcting then 'returned' else 'draft' end;
  end if;

  select * into e from observations o
    where o.measure_id = p_measure_id and o.period_start = p_period_start
      and o.breakdown = p_breakdown;
  v_found := found;
  if p_figure_given then
    v_value := p_value;
    v_numerator := p_numerator;
    v_denominator := p_denominator;
  elsif v_found then
    v_value := e.value;
    v_numerator := e.numerator;
    v_denominator := e.denominator;
  end if;

  if v_found then
    if p_version is not null and p_version <> e.version then
      return query select 'conflict'::text, e.status, e.id, e.measure_id, e.period_start,
        e.period_end, e.breakdown, e.value, e.numerator, e.denominator, e.note, e.version,
        e.entered_by, e.updated_at;
      return;
    end if;
    v_note := case when p_note_given then p_note else e.note end;
    -- Compared as the API compares them: as JavaScript numbers (float8).
    if e.value::float8 is not distinct from v_value::float8
        and e.numerator::float8 is not distinct from v_numerator::float8
        and e.denominator::float8 is not distinct from v_denominator::float8
        and e.note is not distinct from v_note then
      return query select 'unchanged'::text, e.status, e.id, e.measure_id, e.period_start,
        e.period_end, e.breakdown, e.value, e.numerator, e.denominator, e.note, e.version,
        e.entered_by, e.updated_at;
      return;
    end if;
    update observations o set value = v_value, numerator = v_numerator,
        denominator = v_denominator, note = v_note, status = v_status, entered_by = p_actor_id,
        version = e.version + 1, updated_at = now()
      where o.id = e.id and o.version = e.version
      returning o.* into r;
  else
    if p_version is not null and p_version <> 0 then
      return query select 'conflict'::text, null::text, null::uuid, null::uuid, null::date,
        null::date, null::text, null::numeric, null::numeric, null::numeric, null::text,
        null::integer, null::uuid, null::timestamptz;
      return;
    end if;
    insert into observations as o (measure_id, period_start, period_end, breakdown, value,
        numerator, denominator, note, status, entered_by)
      values (p_measure_id, p_period_start, p_period_end, p_breakdown, v_value, v_numerator,
        v_denominator, case when p_note_given then p_note else null end, v_status, p_actor_id)
      on conflict (measure_id, period_start, breakdown) do nothing
      returning o.* into r;
  end if;
  if r.id is null then
    -- Another save won the race: the current row (read afresh) is the conflict's.
    return query select 'conflict'::text, o.status, o.id, o.measure_id, o.period_start,
      o.period_end, o.breakdown, o.value, o.numerator, o.denominator, o.note, o.version,
      o.entered_by, o.updated_at
      from observations o
      where o.measure_id = p_measure_id and o.period_start = p_period_start
        and o.breakdown = p_breakdown;
    if not found then
      return query select 'conflict'::text, null::text, null::uuid, null::uuid, null::date,
        null::date, null::text, null::numeric, null::numeric, null::numeric, null::text,
        null::integer, null::uuid, null::timestamptz;
    end if;
    return;
  end if;

  -- A part larger than its total is refused (apps/api/src/observations/parts.ts, with
  -- @rba/domain's partExceedsTotal, says so and in what words; the layers compared are the
  -- measure's additive ones, p_layers): the written part, or every part when the total was
  -- written. The error undoes the write; the API reads the cells from its detail.
  if cardinality(p_layers) > 0 then
    select jsonb_agg(jsonb_build_object('breakdown', c.breakdown, 'value', c.value::float8,
        'numerator', c.numerator::float8, 'denominator', c.denominator::float8)
        order by c.breakdown = '' desc, c.breakdown)
      into v_over
      from observations c
      join observations t on t.measure_id = p_measure_id and t.period_start = p_period_start
        and t.breakdown = ''
      where c.measure_id = p_measure_id and c.period_start = p_period_start
        and (c.breakdown = '' or ((p_breakdown = '' or c.breakdown = p_breakdown)
          and (('value' = any (p_layers) and c.value::float8 > t.value::float8)
            or ('numerator' = any (p_layers) and c.numerator::float8 > t.numerator::float8)
            or ('denominator' = any (p_layers) and c.denominator::float8 > t.denominator::float8))));
    if jsonb_array_length(v_over) > 1 then
      raise exception using errcode = 'RB001', message = 'a part larger than the total',
        detail = v_over::text;
    end if;
  end if;

  return query select 'saved'::text, r.status, r.id, r.measure_id, r.period_start, r.period_end,
    r.breakdown, r.value, r.numerator, r.denominator, r.note, r.version, r.entered_by,
    r.updated_at;
  if v_found then
    return query select 'before'::text, e.status, e.id, e.measure_id, e.period_start,
      e.period_end, e.breakdown, e.value, e.numerator, e.denominator, e.note, e.version,
      e.entered_by, e.updated_at;
  end if;
  return query select 'cell'::text, null::text, null::uuid, null::uuid, null::date, null::date,
    c.breakdown, c.value, c.numerator, c.denominator, null::text, null::integer, null::uuid,
    null::timestamptz
    from observations c where c.measure_id = p_measure_id and c.period_start = p_period_start;

  -- Last write: the audit chain's lock is taken here and held to the commit. The event's
  -- before and after are the API's Observation (toObservation): numbers as JavaScript writes
  -- them (through float8), updatedAt in milliseconds, UTC.
  if p_audit then
    insert into audit_events (actor_id, action, entity, entity_id, before, after, request_id)
    values (p_actor_id,
      case when v_found then 'observation.update' else 'observation.create' end,
      'observation', r.id::text,
      case when v_found then save_figure_json(e, p_label, p_breakdown_json) end,
      save_figure_json(r, p_label, p_breakdown_json), p_request_id);
  end if;
end
$$`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await sql`drop function if exists save_figure(bigint, uuid, uuid, text[], text[], boolean, date, date, text, boolean, numeric, numeric, numeric, boolean, text, integer, uuid, boolean, text, jsonb, text, text[])`.execute(
    db,
  );
  await sql`drop function if exists save_figure_json(observations, text, jsonb)`.execute(db);
  for (const table of CACHED) {
    for (const event of ['insert', 'update', 'delete', 'truncate']) {
      await sql`drop trigger if exists ${sql.id(`${table}_cv_${event}`)} on ${sql.id(table)}`.execute(
        db,
      );
    }
  }
  await sql`drop function if exists config_version_bump()`.execute(db);
  await sql`drop function if exists config_version_bump_truncated()`.execute(db);
  await sql`drop table if exists config_version`.execute(db);
}
