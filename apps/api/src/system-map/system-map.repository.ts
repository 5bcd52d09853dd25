import type { DbOrTrx } from '../db/schema.js';

export async function listServiceTypes(db: DbOrTrx) {
  return db
    .selectFrom('service_types')
    .select(['id', 'code', 'name', 'name_fr as nameFr'])
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
}

export async function insertServiceType(
  db: DbOrTrx,
  v: { code: string; name: string; name_fr: string | null },
) {
  const next = await db
    .selectFrom('service_types')
    .select((eb) => eb.fn.max<number | null>('sort_order').as('m'))
    .executeTakeFirst();
  return db
    .insertInto('service_types')
    .values({ ...v, sort_order: (next?.m ?? -1) + 1 })
    .onConflict((oc) => oc.column('code').doNothing())
    .returning(['id', 'code', 'name', 'name_fr as nameFr'])
    .executeTakeFirst();
}

/** Profiles of these programs: service types, groups served, languages, capacity. */
export async function profilesOf(db: DbOrTrx, programIds: string[]) {
  if (programIds.length === 0) return { profiles: [], services: [], served: [], languages: [] };
  const [profiles, services, served, languages] = await Promise.all([
    db
      .selectFrom('program_profiles')
      .select(['program_id', 'capacity', 'updated_at'])
      .where('program_id', 'in', programIds)
      .execute(),
    db
      .selectFrom('program_service_types')
      .innerJoin('service_types', 'service_types.id', 'program_service_types.service_type_id')
      .select(['program_service_types.program_id', 'service_types.code'])
      .where('program_service_types.program_id', 'in', programIds)
      .orderBy('service_types.sort_order')
      .execute(),
    db
      .selectFrom('program_served')
      .select(['program_id', 'dimension_code', 'value_code'])
      .where('program_id', 'in', programIds)
      .orderBy('value_code')
      .execute(),
    db
      .selectFrom('program_languages')
      .select(['program_id', 'language'])
      .where('program_id', 'in', programIds)
      .orderBy('language')
      .execute(),
  ]);
  return { profiles, services, served, languages };
}

export async function replaceProfile(
  db: DbOrTrx,
  programId: string,
  p: {
    serviceTypeIds: string[];
    ageGroups: string[];
    regions: string[];
    languages: string[];
    capacity: number | null;
  },
) {
  await db
    .insertInto('program_profiles')
    .values({ program_id: programId, capacity: p.capacity })
    .onConflict((oc) =>
      oc.column('program_id').doUpdateSet({ capacity: p.capacity, updated_at: new Date() }),
    )
    .execute();
  await db.deleteFrom('program_service_types').where('program_id', '=', programId).execute();
  await db.deleteFrom('program_served').where('program_id', '=', programId).execute();
  await db.deleteFrom('program_languages').where('program_id', '=', programId).execute();
  if (p.serviceTypeIds.length > 0) {
    await db
      .insertInto('program_service_types')
      .values(
        p.serviceTypeIds.map((service_type_id) => ({ program_id: programId, service_type_id })),
      )
      .execute();
  }
  const served = [
    ...p.ageGroups.map((value_code) => ({
      program_id: programId,
      dimension_code: 'age_group' as const,
      value_code,
    })),
    ...p.regions.map((value_code) => ({
      program_id: programId,
      dimension_code: 'region' as const,
      value_code,
    })),
  ];
  if (served.length > 0) await db.insertInto('program_served').values(served).execute();
  if (p.languages.length > 0) {
    await db
      .insertInto('program_languages')
      .values(p.languages.map((language) => ({ program_id: programId, language })))
      .execute();
  }
}

/** The table's partner agencies' programs, with the results of this table each contributes to. */
export async function partnerPrograms(db: DbOrTrx, tableId: string) {
  return db
    .selectFrom('programs')
    .innerJoin('table_partners', 'table_partners.organization_id', 'programs.organization_id')
    .innerJoin('organizations', 'organizations.id', 'programs.organization_id')
    .leftJoin('program_results', 'program_results.program_id', 'programs.id')
    .leftJoin('results', (j) =>
      j.onRef('results.id', '=', 'program_results.result_id').on('results.table_id', '=', tableId),
    )
    .select([
      'programs.id',
      'programs.name',
      'programs.name_fr',
      'organizations.id as organization_id',
      'organizations.code as organization_code',
      'organizations.name as organization_name',
      'organizations.name_fr as organization_name_fr',
      'results.id as result_id',
    ])
    .where('table_partners.table_id', '=', tableId)
    .where('programs.archived_at', 'is', null)
    .orderBy('organizations.code')
    .orderBy('programs.name')
    .execute();
}
