// A change since the baseline written the way its unit reads (FORMAT.md "change"): in points for
// percents and rates ("+9.7 pts"), relative for the other units ("+12 %"). The API says which
// (`changeUnit`, from the domain's changeSinceBaseline); this only writes it.

import type { ChangeUnit } from '@rba/schema';
import { formatNumber } from '../../i18n/format';
import type { Translate } from '../../i18n/i18n-provider';
import type { Locale } from '../../i18n/locale';
import { formatChange } from '../../i18n/measure-value';

/** The signed number of points, to the measure's decimals (at least one): "+9.7", "−0.4". */
function points(locale: Locale, change: number, decimals: number): string {
  return formatNumber(locale, change, {
    signDisplay: 'exceptZero',
    maximumFractionDigits: Math.max(1, decimals),
  });
}

/** "+9.7 pts" or "+12 %". */
export function changeText(
  t: Translate,
  locale: Locale,
  change: number,
  changeUnit: ChangeUnit,
  decimals: number,
): string {
  return changeUnit === 'points'
    ? t('figures.change.points', { change: points(locale, change, decimals) })
    : formatChange(locale, change);
}
