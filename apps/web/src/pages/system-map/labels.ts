// Names people read for the map's codes: the seven core services in the reader's language (the
// API names them in English), and languages of service by their ISO 639 code.

import { fallbackLang } from '../../components/name-text';
import type { Translate } from '../../i18n/i18n-provider';
import type { Locale } from '../../i18n/locale';

const serviceTypeKeys = {
  targeted_prevention: 'systemMap.serviceType.targeted_prevention',
  brief_services: 'systemMap.serviceType.brief_services',
  counselling_therapy: 'systemMap.serviceType.counselling_therapy',
  family_capacity_building: 'systemMap.serviceType.family_capacity_building',
  specialized_consultation_assessment: 'systemMap.serviceType.specialized_consultation_assessment',
  crisis_support: 'systemMap.serviceType.crisis_support',
  intensive_treatment: 'systemMap.serviceType.intensive_treatment',
} as const;

function isKnownServiceType(code: string): code is keyof typeof serviceTypeKeys {
  return Object.hasOwn(serviceTypeKeys, code);
}

/** A service type's name: the catalogue's for the seeded ones, else the one an admin gave it. */
export function serviceTypeName(code: string, given: string | undefined, t: Translate): string {
  return isKnownServiceType(code) ? t(serviceTypeKeys[code]) : (given ?? code);
}

/**
 * `'en'` when a French page shows an admin-named service type in English for want of a French
 * name (the seeded ones are always in the catalogue's words).
 */
export function serviceTypeLang(
  code: string,
  nameFr: string | null | undefined,
  locale: Locale,
): 'en' | undefined {
  return isKnownServiceType(code) ? undefined : fallbackLang(locale, nameFr);
}

/** The languages with their own checkbox on the profile form. */
export const mainLanguages = ['en', 'fr'] as const;

/** A language by its ISO 639 code: English and French from the catalogue, others from Intl. */
export function languageName(code: string, locale: string, t: Translate): string {
  if (code === 'en') return t('systemMap.language.en');
  if (code === 'fr') return t('systemMap.language.fr');
  try {
    const name = new Intl.DisplayNames([locale], { type: 'language' }).of(code);
    return name && name !== code ? t('systemMap.language.other', { name, code }) : code;
  } catch {
    return code;
  }
}
