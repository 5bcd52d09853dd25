// The core services of Ontario's child and youth mental health system (seeded by the system-map
// migration) in French, as every installation has them (issue #21): the names the province's
// French-language material gives. Only where an administrator has not named them in French yet.
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
type AnyDb = Kysely<any>;

const CORE_SERVICES_FR: [string, string][] = [
  ['targeted_prevention', 'Prévention ciblée'],
  ['brief_services', 'Services de courte durée'],
  ['counselling_therapy', 'Counseling et thérapie'],
  ['family_capacity_building', 'Renforcement des capacités et soutien des familles et des aidants'],
  ['specialized_consultation_assessment', 'Consultation et évaluation spécialisées'],
  ['crisis_support', 'Services de soutien en situation de crise'],
  ['intensive_treatment', 'Services de traitement intensif'],
];

export async function up(db: AnyDb): Promise<void> {
  for (const [code, nameFr] of CORE_SERVICES_FR) {
    await sql`update service_types set name_fr = ${nameFr} where code = ${code} and name_fr is null`.execute(
      db,
    );
  }
}

export async function down(db: AnyDb): Promise<void> {
  for (const [code, nameFr] of CORE_SERVICES_FR) {
    await sql`update service_types set name_fr = null where code = ${code} and name_fr = ${nameFr}`.execute(
      db,
    );
  }
}
