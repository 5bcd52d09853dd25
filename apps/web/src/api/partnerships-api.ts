// Partnership surveys (issue #23, CONTRACT.md "Partnerships"): a table's yearly survey of how its
// partner agencies work together, an agency's answer about each of the others, and the network
// figures the answers make. The raw responses download (admins) goes through downloadFile.

import { apiRequest } from './client';
import { downloadFile } from './scorecards-api';

const id = encodeURIComponent;
const signalOf = (signal?: AbortSignal) => (signal ? { signal } : {});

export type SurveyState = 'scheduled' | 'open' | 'closed';

export interface PartnershipSurvey {
  id: string;
  tableId: string;
  title: string;
  /** A year or fiscal-year label: `2026`, `FY2026-27`. */
  period: string;
  /** YYYY-MM-DD */
  opens: string;
  /** YYYY-MM-DD */
  closes: string;
  minRespondents: number;
  resultId: string | null;
  state: SurveyState;
  closedAt: string | null;
  /** How many agencies the survey asks. */
  partners: number;
  /** How many of them have answered. */
  responses: number;
}

export interface OrganizationRef {
  id: string;
  code: string;
  /** In the caller's language (the French when there is one, else the English). */
  name: string;
  /** The stored French name, null when there is none (see NameText). */
  nameFr: string | null;
}

/** A survey the caller's agency is asked to answer (GET /me/partnership-surveys). */
export type MySurvey = PartnershipSurvey & { organization: OrganizationRef; answered: boolean };

/** Level of collaboration: 0 no contact … 5 collaboration. */
export type Level = 0 | 1 | 2 | 3 | 4 | 5;
export const levels: readonly Level[] = [0, 1, 2, 3, 4, 5];

/** Three whole numbers 1–4. */
export type Ratings = [number, number, number];

export const contributionCodes = [
  'referrals',
  'funding',
  'data',
  'space',
  'expertise',
  'staff_time',
  'training',
  'advocacy',
  'other',
] as const;
export type Contribution = (typeof contributionCodes)[number];

export interface PartnerAnswer {
  organizationId: string;
  level: Level;
  /** Required when level ≥ 1, null when it is 0. */
  trust: Ratings | null;
  value: Ratings | null;
  contributions?: Contribution[];
  comment?: string | null;
}

export interface MyResponse {
  organization: OrganizationRef;
  /** When the agency last saved its response; null before the first save. */
  submittedAt?: string | null;
  partners: { organization: OrganizationRef; answer: PartnerAnswer | null }[];
}

export interface NetworkNode {
  organization: OrganizationRef;
  degree: number;
  betweenness: number | null;
  trust: number | null;
  value: number | null;
  suppressed: boolean;
}

export interface NetworkTie {
  a: string;
  b: string;
  level: number;
}

export interface SurveyNetwork {
  /** Shares 0–1. */
  responseRate: number | null;
  density: number | null;
  reciprocity: number | null;
  degreeCentralization: number | null;
  /** 1–4. */
  meanTrust: number | null;
  meanValue: number | null;
  /** A count. */
  isolates: number;
  /** Empty for restricted callers (funders). */
  nodes: NetworkNode[];
  ties: NetworkTie[];
}

export interface NewSurvey {
  title: string;
  period: string;
  opens: string;
  closes: string;
  minRespondents?: number;
  resultId?: string;
}

export async function fetchTableSurveys(
  tableId: string,
  signal?: AbortSignal,
): Promise<PartnershipSurvey[]> {
  const body = await apiRequest<{ items: PartnershipSurvey[]; nextOffset: number | null }>(
    `/tables/${id(tableId)}/partnership-surveys`,
    signalOf(signal),
  );
  return body.items;
}

export function createSurvey(tableId: string, body: NewSurvey): Promise<PartnershipSurvey> {
  return apiRequest<PartnershipSurvey>(`/tables/${id(tableId)}/partnership-surveys`, {
    method: 'POST',
    body,
  });
}

export function fetchSurvey(surveyId: string, signal?: AbortSignal): Promise<PartnershipSurvey> {
  return apiRequest<PartnershipSurvey>(`/partnership-surveys/${id(surveyId)}`, signalOf(signal));
}

export async function fetchMySurveys(signal?: AbortSignal): Promise<MySurvey[]> {
  const body = await apiRequest<{ items: MySurvey[] }>('/me/partnership-surveys', signalOf(signal));
  return body.items;
}

/** The caller's agency's answer; `organizationId` picks one when they edit several in the survey. */
function myResponsePath(surveyId: string, organizationId?: string): string {
  const path = `/partnership-surveys/${id(surveyId)}/my-response`;
  return organizationId ? `${path}?organizationId=${id(organizationId)}` : path;
}

export function fetchMyResponse(
  surveyId: string,
  organizationId?: string,
  signal?: AbortSignal,
): Promise<MyResponse> {
  return apiRequest<MyResponse>(myResponsePath(surveyId, organizationId), signalOf(signal));
}

export function saveMyResponse(
  surveyId: string,
  answers: PartnerAnswer[],
  organizationId?: string,
): Promise<unknown> {
  return apiRequest<unknown>(myResponsePath(surveyId, organizationId), {
    method: 'PUT',
    body: { answers },
  });
}

export function closeSurvey(surveyId: string): Promise<unknown> {
  return apiRequest<unknown>(`/partnership-surveys/${id(surveyId)}/close`, { method: 'POST' });
}

export function fetchSurveyNetwork(surveyId: string, signal?: AbortSignal): Promise<SurveyNetwork> {
  return apiRequest<SurveyNetwork>(
    `/partnership-surveys/${id(surveyId)}/network`,
    signalOf(signal),
  );
}

/** GET /partnership-surveys/:id/responses.csv (admins): every agency's ratings of the others. */
export function downloadSurveyResponses(surveyId: string, locale: string): Promise<string> {
  return downloadFile(
    `/partnership-surveys/${id(surveyId)}/responses.csv`,
    `partnership-survey-${surveyId}-responses.csv`,
    locale,
  );
}
