// The profile form's state and the PUT body it becomes: checked codes kept in the order the
// options are listed, other languages typed as ISO 639 codes, capacity as a whole number or none.

import type { ProgramProfile, ProgramProfileBody } from '../../api/system-map-api';
import { mainLanguages } from './labels';

export interface ProfileDraft {
  serviceTypes: string[];
  ageGroups: string[];
  regions: string[];
  /** The checked main languages (en, fr). */
  languages: string[];
  /** Other languages as typed: ISO 639 codes separated by commas or spaces. */
  otherLanguages: string;
  capacity: string;
}

export type DraftError = 'languages' | 'capacity';

export function draftOf(profile: ProgramProfile): ProfileDraft {
  const main: readonly string[] = mainLanguages;
  return {
    serviceTypes: [...profile.serviceTypes],
    ageGroups: [...profile.ageGroups],
    regions: [...profile.regions],
    languages: profile.languages.filter((code) => main.includes(code)),
    otherLanguages: profile.languages.filter((code) => !main.includes(code)).join(', '),
    capacity: profile.capacity === null ? '' : String(profile.capacity),
  };
}

/** Adds or removes one code. */
export function toggle(list: string[], code: string, on: boolean): string[] {
  return on ? (list.includes(code) ? list : [...list, code]) : list.filter((c) => c !== code);
}

/** The checked codes in the options' order; codes no option offers stay, at the end. */
function inOrder(checked: string[], order: string[]): string[] {
  return [
    ...order.filter((code) => checked.includes(code)),
    ...checked.filter((code) => !order.includes(code)),
  ];
}

export function typedLanguages(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((code) => code.trim().toLowerCase())
    .filter((code) => code !== '');
}

const languageCode = /^[a-z]{2,3}$/;
const maxCapacity = 10_000_000;

export function bodyOf(
  draft: ProfileDraft,
  order: { serviceTypes: string[]; ageGroups: string[]; regions: string[] },
): { body: ProgramProfileBody } | { error: DraftError; invalid?: string[] } {
  const typed = typedLanguages(draft.otherLanguages);
  const invalid = typed.filter((code) => !languageCode.test(code));
  if (invalid.length > 0) return { error: 'languages', invalid };
  // Group separators as people type them: "1,400", "1 400" (French uses a narrow space).
  const capacityText = draft.capacity.replace(/[\s\u00a0\u202f,]/g, '');
  let capacity: number | null = null;
  if (capacityText !== '') {
    if (!/^\d+$/.test(capacityText)) return { error: 'capacity' };
    capacity = Number(capacityText);
    if (capacity > maxCapacity) return { error: 'capacity' };
  }
  const main: string[] = [...mainLanguages];
  return {
    body: {
      serviceTypes: inOrder(draft.serviceTypes, order.serviceTypes),
      ageGroups: inOrder(draft.ageGroups, order.ageGroups),
      regions: inOrder(draft.regions, order.regions),
      languages: [...new Set([...inOrder(draft.languages, main), ...typed])],
      capacity,
    },
  };
}
