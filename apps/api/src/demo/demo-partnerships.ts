// The demo's two yearly partnership surveys of its eight agencies, both closed: the earlier one
// a loose network, the later one with stronger ties around the lead agency (NCMHC) and one
// agency (PCMH) no one works with yet. Their answers are written as the agencies' editors
// would have saved them while each survey was open; closing them through the service records
// the partnership indicators' figures, under the result of families getting help when and where
// they need it (which depends on the agencies working together).
import type { Actor } from '../access/actor.js';
import type { Trx } from '../db/schema.js';
import { replaceRatings, upsertResponse } from '../partnerships/partnerships.repository.js';
import { closeSurvey, createSurvey } from '../partnerships/partnerships.service.js';

type Tie = readonly [from: string, to: string, level: number];

/** Items of a tie of this level: closer work, more trust and value (three items, 1–4). */
function items(level: number, year: 'earlier' | 'later', i: number) {
  const base = Math.min(4, 1 + Math.ceil(level / 2) + (year === 'later' ? 1 : 0));
  const dip = i % 3 === 0 ? 1 : 0;
  return {
    trust: [base, Math.max(1, base - dip), base],
    value: [Math.max(1, base - 1 + dip), base, Math.max(1, base - dip)],
  };
}

const CONTRIBUTIONS = [['referrals'], ['referrals', 'data'], ['expertise'], ['space', 'training']];

const EARLIER: { responded: string[]; ties: Tie[] } = {
  responded: ['NCMHC', 'NGH', 'NDSB', 'YWH', 'MBFS', 'NCL'],
  ties: [
    ['NCMHC', 'NGH', 2],
    ['NGH', 'NCMHC', 2],
    ['NCMHC', 'NDSB', 1],
    ['NDSB', 'YWH', 2],
    ['YWH', 'NDSB', 1],
    ['MBFS', 'CSCN', 1],
    ['NCL', 'NGH', 1],
    ['NCMHC', 'PCMH', 1],
    ['YWH', 'MBFS', 0],
    ['NCL', 'NCMHC', 0],
  ],
};

const LATER: { responded: string[]; ties: Tie[] } = {
  responded: ['NCMHC', 'NGH', 'NDSB', 'YWH', 'MBFS', 'CSCN', 'NCL', 'PCMH'],
  ties: [
    ['NCMHC', 'NGH', 5],
    ['NGH', 'NCMHC', 4],
    ['NCMHC', 'NDSB', 4],
    ['NDSB', 'NCMHC', 4],
    ['NCMHC', 'YWH', 4],
    ['YWH', 'NCMHC', 3],
    ['NCMHC', 'MBFS', 3],
    ['MBFS', 'NCMHC', 3],
    ['NCMHC', 'CSCN', 3],
    ['CSCN', 'NCMHC', 2],
    ['NCL', 'NCMHC', 3],
    ['NCMHC', 'NCL', 2],
    ['NDSB', 'YWH', 3],
    ['YWH', 'NDSB', 2],
    ['MBFS', 'CSCN', 2],
    ['NGH', 'NCL', 2],
    // Parents for Children's Mental Health answered, but works with no one yet.
    ['PCMH', 'NCMHC', 0],
    ['PCMH', 'NGH', 0],
    ['NCMHC', 'PCMH', 0],
  ],
};

export async function seedPartnerships(
  db: Trx,
  o: {
    tableId: string;
    /** The result the partnership indicators stand under (the demo's systems result). */
    resultId: string;
    today: string;
    coordinator: Actor;
    orgs: Map<string, string>;
    /** The demo user who answers for an agency. */
    editorOf: (code: string) => Actor;
  },
): Promise<void> {
  const year = Number(o.today.slice(0, 4));
  const surveys = [
    { period: String(year - 2), when: 'earlier' as const, spec: EARLIER },
    { period: String(year - 1), when: 'later' as const, spec: LATER },
  ];
  for (const { period, when, spec } of surveys) {
    const survey = await createSurvey(db, o.coordinator, o.tableId, {
      title: `How we work together ${period}`,
      period,
      opens: `${period}-10-01`,
      closes: `${period}-10-31`,
      resultId: o.resultId,
    });
    for (const code of spec.responded) {
      const from = o.orgs.get(code) as string;
      await upsertResponse(db, survey.id, from, o.editorOf(code).userId);
      await replaceRatings(
        db,
        survey.id,
        from,
        spec.ties
          .filter(([f]) => f === code)
          .map(([, to, level], i) => ({
            to: o.orgs.get(to) as string,
            level,
            ...(level === 0 ? { trust: null, value: null } : items(level, when, i)),
            contributions: level === 0 ? [] : (CONTRIBUTIONS[i % CONTRIBUTIONS.length] ?? []),
            comment: level >= 4 ? 'Shared intake and case conferences every month' : null,
          })),
      );
    }
    await closeSurvey(db, o.coordinator, survey.id);
  }
}
