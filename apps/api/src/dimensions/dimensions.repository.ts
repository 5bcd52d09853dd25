import type { DbOrTrx } from '../db/schema.js';

/** A dimension value as answers give it: its label in English and in French (null: none). */
export interface DimensionValue {
  code: string;
  label: string;
  labelFr: string | null;
}

/** A dimension with its values in their defined order. */
export interface DimensionWithValues {
  id: string;
  code: string;
  name: string;
  nameFr: string | null;
  values: DimensionValue[];
}

export async function findDimensionByCode(db: DbOrTrx, code: string) {
  return db
    .selectFrom('dimensions')
    .select(['id', 'code', 'name', 'name_fr as nameFr'])
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function insertDimension(
  db: DbOrTrx,
  v: { code: string; name: string; nameFr: string | null; values: DimensionValue[] },
): Promise<DimensionWithValues> {
  const dim = await db
    .insertInto('dimensions')
    .values({ code: v.code, name: v.name, name_fr: v.nameFr })
    .returning(['id', 'code', 'name', 'name_fr as nameFr'])
    .executeTakeFirstOrThrow();
  await db
    .insertInto('dimension_values')
    .values(
      v.values.map((value, i) => ({
        dimension_id: dim.id,
        code: value.code,
        label: value.label,
        label_fr: value.labelFr,
        sort_order: i,
      })),
    )
    .execute();
  return { ...dim, values: v.values };
}

/** Dimensions with their values, all of them or those codes. */
export async function listDimensions(
  db: DbOrTrx,
  codes?: string[],
): Promise<DimensionWithValues[]> {
  if (codes && codes.length === 0) return [];
  let q = db
    .selectFrom('dimensions')
    .leftJoin('dimension_values', 'dimension_values.dimension_id', 'dimensions.id')
    .select([
      'dimensions.id',
      'dimensions.code',
      'dimensions.name',
      'dimensions.name_fr',
      'dimension_values.code as value_code',
      'dimension_values.label as value_label',
      'dimension_values.label_fr as value_label_fr',
    ])
    .orderBy('dimensions.code')
    .orderBy('dimension_values.sort_order');
  if (codes) q = q.where('dimensions.code', 'in', codes);
  const rows = await q.execute();
  const byId = new Map<string, DimensionWithValues>();
  for (const r of rows) {
    let d = byId.get(r.id);
    if (!d) {
      d = { id: r.id, code: r.code, name: r.name, nameFr: r.name_fr, values: [] };
      byId.set(r.id, d);
    }
    if (r.value_code !== null && r.value_label !== null) {
      d.values.push({ code: r.value_code, label: r.value_label, labelFr: r.value_label_fr });
    }
  }
  return [...byId.values()];
}

export async function measureDimensionCodes(db: DbOrTrx, measureIds: string[]) {
  if (measureIds.length === 0) return [];
  return db
    .selectFrom('measure_dimensions')
    .innerJoin('dimensions', 'dimensions.id', 'measure_dimensions.dimension_id')
    .select(['measure_dimensions.measure_id', 'dimensions.code'])
    .where('measure_dimensions.measure_id', 'in', measureIds)
    .orderBy('dimensions.code')
    .execute();
}

/**
 * The values of these dimensions (all dimensions when left out), per dimension in their defined
 * order (`sort_order`, then creation).
 */
export async function dimensionValuesInOrder(db: DbOrTrx, codes?: string[]) {
  let q = db
    .selectFrom('dimension_values')
    .innerJoin('dimensions', 'dimensions.id', 'dimension_values.dimension_id')
    .select(['dimensions.code as dimension', 'dimension_values.code as value'])
    .orderBy('dimensions.code')
    .orderBy('dimension_values.sort_order')
    .orderBy('dimension_values.id');
  if (codes) q = q.where('dimensions.code', 'in', codes);
  return q.execute();
}
