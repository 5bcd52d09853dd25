// The survey form's working copy: one draft per partner agency, and the PUT body it makes. A
// partner at level 0 is saved as "no contact" (no ratings); at level 1 or more it is saved once
// its six ratings are given; a partner with no level yet is left out (not rated).

import {
  type Contribution,
  contributionCodes,
  type Level,
  type MyResponse,
  type PartnerAnswer,
  type Ratings,
} from '../../api/partnerships-api';

export type Rating = number | null;
export type RatingTriple = [Rating, Rating, Rating];

export interface PartnerDraft {
  organizationId: string;
  level: Level | null;
  trust: RatingTriple;
  value: RatingTriple;
  contributions: Contribution[];
  comment: string;
}

export type ResponseDraft = PartnerDraft[];

const empty = (): RatingTriple => [null, null, null];

export function draftFromResponse(response: MyResponse): ResponseDraft {
  return response.partners.map(({ organization, answer }) => ({
    organizationId: organization.id,
    level: answer?.level ?? null,
    trust: answer?.trust ? [...answer.trust] : empty(),
    value: answer?.value ? [...answer.value] : empty(),
    contributions: answer?.contributions ? [...answer.contributions] : [],
    comment: answer?.comment ?? '',
  }));
}

const complete = (triple: RatingTriple): triple is Ratings => triple.every((x) => x !== null);

/** Whether a partner at level ≥ 1 still lacks some of its six ratings (so it is not saved yet). */
export function needsRatings(draft: PartnerDraft): boolean {
  return (
    draft.level !== null && draft.level >= 1 && !(complete(draft.trust) && complete(draft.value))
  );
}

/** Whether the partner is answered (and so saved). */
export function isAnswered(draft: PartnerDraft): boolean {
  return draft.level !== null && !needsRatings(draft);
}

/** The whole answer set, as PUT /partnership-surveys/:id/my-response takes it. */
export function answersOf(draft: ResponseDraft): PartnerAnswer[] {
  return draft.flatMap((partner): PartnerAnswer[] => {
    if (partner.level === null || needsRatings(partner)) return [];
    if (partner.level === 0) {
      return [{ organizationId: partner.organizationId, level: 0, trust: null, value: null }];
    }
    const comment = partner.comment.trim();
    return [
      {
        organizationId: partner.organizationId,
        level: partner.level,
        trust: [...partner.trust] as Ratings,
        value: [...partner.value] as Ratings,
        contributions: contributionOrder(partner.contributions),
        ...(comment ? { comment } : {}),
      },
    ];
  });
}

/** Contributions in the catalogue's order, each once. */
function contributionOrder(list: readonly Contribution[]): Contribution[] {
  return contributionCodes.filter((code) => list.includes(code));
}

export function updatePartner(
  draft: ResponseDraft,
  organizationId: string,
  change: (partner: PartnerDraft) => PartnerDraft,
): ResponseDraft {
  return draft.map((partner) =>
    partner.organizationId === organizationId ? change(partner) : partner,
  );
}

export function setRating(triple: RatingTriple, index: number, rating: number): RatingTriple {
  const next: RatingTriple = [...triple];
  next[index] = rating;
  return next;
}
