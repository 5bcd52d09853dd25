// The system map of a planning table: which agencies run which programs toward which result,
// and where the table's service coverage has gaps or possible duplication.
import type { ProgramProfile, ProgramProfileBody, SystemMap } from '@rba/schema';
import type { Actor } from '../access/actor.js';
import { requireAdmin } from '../access/require.js';
import { canEditOrganization, deny } from '../access/scopes.js';
import { insertAuditEvent } from '../audit/audit.repository.js';
import type { Db, DbOrTrx } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { listDimensions } from '../dimensions/dimensions.repository.js';
import { CodeTakenError, issue, ValidationError } from '../errors.js';
import { visibleTable } from '../planning-tables/planning-tables.service.js';
import { visibleProgram } from '../programs/programs.service.js';
import { activeResults } from '../results/results.repository.js';
import { tableScorecard } from '../scorecards/scorecards.service.js';
import {
  insertServiceType,
  listServiceTypes,
  partnerPrograms,
  profilesOf,
  replaceProfile,
} from './system-map.repository.js';

export async function serviceTypes(db: Db) {
  return listServiceTypes(db);
}

export async function createServiceType(
  db: Db,
  actor: Actor,
  body: { code: string; name: string; nameFr?: string | null | undefined },
) {
  requireAdmin(actor);
  return inTransaction(db, async (trx) => {
    const row = await insertServiceType(trx, {
      code: body.code,
      name: body.name,
      name_fr: body.nameFr ?? null,
    });
    if (!row) throw new CodeTakenError(`A service type with code ${body.code} already exists`);
    await insertAuditEvent(trx, {
      actorId: actor.userId,
      action: 'service_type.create',
      entity: 'service_type',
      entityId: row.id,
      after: row,
      requestId: actor.requestId,
    });
    return row;
  });
}

async function profileOf(db: DbOrTrx, programId: string): Promise<ProgramProfile> {
  const p = await profilesOf(db, [programId]);
  const served = (dim: string) =>
    p.served.filter((s) => s.dimension_code === dim).map((s) => s.value_code);
  return {
    programId,
    serviceTypes: p.services.map((s) => s.code),
    ageGroups: served('age_group'),
    regions: served('region'),
    languages: p.languages.map((l) => l.language),
    capacity: p.profiles[0]?.capacity ?? null,
    updatedAt: p.profiles[0]?.updated_at.toISOString() ?? null,
  };
}

export async function getProfile(db: Db, actor: Actor, programId: string) {
  await visibleProgram(db, actor, programId);
  return profileOf(db, programId);
}

/** Partners keep their own programs' profiles; every code must be one the platform knows. */
export async function putProfile(
  db: Db,
  actor: Actor,
  programId: string,
  body: ProgramProfileBody,
) {
  const { row } = await visibleProgram(db, actor, programId);
  if (!canEditOrganization(actor, row.organization_id)) deny(true, 'Program');
  const [types, dims] = await Promise.all([
    listServiceTypes(db),
    listDimensions(db, ['age_group', 'region']),
  ]);
  const unknown = (what: string, given: string[], known: string[]) => {
    const bad = given.filter((c) => !known.includes(c));
    if (bad.length > 0)
      throw new ValidationError(
        `${what}: unknown ${bad.join(', ')}`,
        issue(`body.${what}`, 'unknown_code', { values: bad }),
        { unknown: bad },
      );
  };
  unknown(
    'serviceTypes',
    body.serviceTypes,
    types.map((t) => t.code),
  );
  unknown(
    'ageGroups',
    body.ageGroups,
    dims.find((d) => d.code === 'age_group')?.values.map((v) => v.code) ?? [],
  );
  unknown(
    'regions',
    body.regions,
    dims.find((d) => d.code === 'region')?.values.map((v) => v.code) ?? [],
  );
  return inTransaction(db, async (trx) => {
    const before = await profileOf(trx, programId);
    await replaceProfile(trx, programId, {
      serviceTypeIds: body.serviceTypes.map((c) => types.find((t) => t.code === c)?.id as string),
      ageGroups: body.ageGroups,
      regions: body.regions,
      languages: body.languages,
      capacity: body.capacity ?? null,
    });
    const after = await profileOf(trx, programId);
    await insertAuditEvent(trx, {
      actorId: actor.userId,
      action: 'program.profile',
      entity: 'program',
      entityId: programId,
      before,
      after,
      requestId: actor.requestId,
    });
    return after;
  });
}

interface MapProgram {
  id: string;
  name: string;
  nameFr: string | null;
  organization: { id: string; code: string; name: string; nameFr: string | null };
  resultIds: string[];
  services: string[];
  ageGroups: string[];
  regions: string[];
  languages: string[];
  capacity: number | null;
  profiled: boolean;
}

type Cell = SystemMap['coverage']['cells'][number];

/** A program as the map names it: both its names and its agency's. */
const programRef = (p: MapProgram) => ({
  id: p.id,
  name: p.name,
  nameFr: p.nameFr,
  organization: p.organization,
});

/**
 * One cell per service type × value: a gap when no program offers that service there,
 * possible duplication when two of its programs also serve a common group on the other axis.
 */
export function coverageCells(
  programs: MapProgram[],
  serviceTypes: string[],
  values: string[],
  by: 'region' | 'age_group',
): Cell[] {
  const along = (p: MapProgram) => (by === 'region' ? p.regions : p.ageGroups);
  const across = (p: MapProgram) => (by === 'region' ? p.ageGroups : p.regions);
  const cells: Cell[] = [];
  for (const serviceType of serviceTypes) {
    for (const value of values) {
      const here = programs.filter(
        (p) => p.services.includes(serviceType) && along(p).includes(value),
      );
      const overlapping = here.some((p, i) =>
        here.slice(i + 1).some((q) => across(p).some((g) => across(q).includes(g))),
      );
      const capacities = here.map((p) => p.capacity).filter((c): c is number => c !== null);
      cells.push({
        serviceType,
        value,
        programs: here.map(programRef),
        capacity: capacities.length > 0 ? capacities.reduce((a, b) => a + b, 0) : null,
        status: here.length === 0 ? 'gap' : overlapping ? 'duplication' : 'covered',
      });
    }
  }
  return cells;
}

export async function systemMap(
  db: Db,
  actor: Actor,
  tableId: string,
  q: {
    by: 'region' | 'age_group';
    resultId?: string | undefined;
    serviceType?: string | undefined;
    value?: string | undefined;
  },
): Promise<SystemMap> {
  const { row: table } = await visibleTable(db, actor, tableId);
  const [rows, types, dims, results, card] = await Promise.all([
    partnerPrograms(db, tableId),
    listServiceTypes(db),
    listDimensions(db, [q.by]),
    activeResults(db, tableId),
    tableScorecard(db, actor, tableId, {}),
  ]);
  const byId = new Map<string, MapProgram>();
  for (const r of rows) {
    let p = byId.get(r.id);
    if (!p) {
      p = {
        id: r.id,
        name: r.name,
        nameFr: r.name_fr,
        organization: {
          id: r.organization_id,
          code: r.organization_code,
          name: r.organization_name,
          nameFr: r.organization_name_fr,
        },
        resultIds: [],
        services: [],
        ageGroups: [],
        regions: [],
        languages: [],
        capacity: null,
        profiled: false,
      };
      byId.set(r.id, p);
    }
    if (r.result_id && !p.resultIds.includes(r.result_id)) p.resultIds.push(r.result_id);
  }
  const profiles = await profilesOf(db, [...byId.keys()]);
  for (const p of byId.values()) {
    const profile = profiles.profiles.find((x) => x.program_id === p.id);
    p.profiled = profile !== undefined;
    p.capacity = profile?.capacity ?? null;
    p.services = profiles.services.filter((s) => s.program_id === p.id).map((s) => s.code);
    p.ageGroups = profiles.served
      .filter((s) => s.program_id === p.id && s.dimension_code === 'age_group')
      .map((s) => s.value_code);
    p.regions = profiles.served
      .filter((s) => s.program_id === p.id && s.dimension_code === 'region')
      .map((s) => s.value_code);
    p.languages = profiles.languages.filter((l) => l.program_id === p.id).map((l) => l.language);
  }
  const all = [...byId.values()];
  const inScope = q.resultId ? all.filter((p) => p.resultIds.includes(q.resultId as string)) : all;

  // Headline measures' status per program, from the scorecard the caller may see.
  const headlines = new Map<
    string,
    SystemMap['results'][number]['partners'][number]['programs'][number]['headlineMeasures']
  >();
  for (const r of card.results) {
    for (const p of r.programs) {
      headlines.set(
        p.id,
        p.measures
          .filter((m) => m.headline)
          .map((m) => ({
            measureId: m.measureId,
            code: m.code,
            name: m.name,
            nameFr: m.nameFr,
            targetStatus: m.target.status,
            trend: m.trend.trend,
            periods: m.trend.periods,
            favorable: m.trend.favorable,
          })),
      );
    }
  }

  const dimension = dims[0];
  const values = (dimension?.values ?? []).filter((v) => !q.value || v.code === q.value);
  const serviceTypeList = types.filter((t) => !q.serviceType || t.code === q.serviceType);
  const grid = (programs: MapProgram[]) =>
    coverageCells(
      programs,
      serviceTypeList.map((t) => t.code),
      values.map((v) => v.code),
      q.by,
    );

  return {
    table: { id: table.id, name: table.name, nameFr: table.name_fr },
    results: results
      .filter((r) => !q.resultId || r.id === q.resultId)
      .map((r) => {
        const contributing = all.filter((p) => p.resultIds.includes(r.id));
        const orgs = [
          ...new Map(contributing.map((p) => [p.organization.id, p.organization])).values(),
        ];
        return {
          id: r.id,
          title: r.title,
          titleFr: r.title_fr,
          partners: orgs.map((organization) => ({
            organization,
            programs: contributing
              .filter((p) => p.organization.id === organization.id)
              .map((p) => ({
                id: p.id,
                name: p.name,
                nameFr: p.nameFr,
                headlineMeasures: headlines.get(p.id) ?? [],
              })),
          })),
        };
      }),
    coverage: {
      by: q.by,
      serviceTypes: serviceTypeList.map((t) => ({ code: t.code, name: t.name, nameFr: t.nameFr })),
      values: values.map((v) => ({ code: v.code, label: v.label, labelFr: v.labelFr })),
      cells: grid(inScope),
    },
    frenchCoverage: { cells: grid(inScope.filter((p) => p.languages.includes('fr'))) },
    unlinkedResults: results
      .filter((r) => !all.some((p) => p.resultIds.includes(r.id)))
      .map((r) => ({ id: r.id, title: r.title, titleFr: r.title_fr })),
    unlinkedPrograms: all.filter((p) => p.resultIds.length === 0).map(programRef),
    unprofiledPrograms: all.filter((p) => !p.profiled).map(programRef),
  };
}
