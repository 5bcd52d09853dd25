// The one way the client writes a period label, in either language. The API's machine labels
// (`2025`, `2025-Q3`, `2025-07`, `FY2025-26`, `FY2025-26-Q1`) are never shown as they are:
// - English sets a fiscal or calendar quarter apart by a space (`FY2025-26 Q1`, `2025 Q3`);
// - French writes a quarter « T3 2025 », a fiscal year « exercice 2025-2026 », a fiscal quarter
//   « T1 2025-2026 » and a month by its name (« juillet 2025 »).
// The rule is @rba/domain's periodName, which the API's e-mails use too. Charts, tables,
// headlines and sentences all go through here (or useI18n().periodName), so a period never
// reads two ways on one screen, nor one way on screen and another in an e-mail.

import { periodName as domainPeriodName } from '@rba/domain';
import type { Locale } from './locale';

/** A period label as people read it in `locale` (English when none is given). */
export function periodName(label: string, locale: Locale = 'en'): string {
  return domainPeriodName(label, locale);
}
