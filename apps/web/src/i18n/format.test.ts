import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, formatPercent } from './format';
import { interpolate } from './i18n-provider';
import { browserLocale, urlLocale } from './locale';
import { periodName } from './period-name';

describe('formatting for the locale', () => {
  it('writes a percentage the French way, with a comma and a space before the sign', () => {
    expect(formatPercent('fr', 45.2)).toMatch(/^45,2\s%$/u);
    expect(formatPercent('en', 45.2)).toBe('45.2%');
  });

  it('groups thousands per language', () => {
    expect(formatNumber('en', 12345.5)).toBe('12,345.5');
    expect(formatNumber('fr', 12345.5)).toBe('12\u202f345,5');
    expect(formatNumber('fr', 1234567, { maximumFractionDigits: 0 })).toBe('1\u202f234\u202f567');
  });

  it('reads a YYYY-MM-DD date as that calendar day in any time zone', () => {
    expect(formatDate('en', '2025-04-01', { year: 'numeric', month: 'long', day: 'numeric' })).toBe(
      'April 1, 2025',
    );
    expect(formatDate('fr', '2025-04-01', { year: 'numeric', month: 'long', day: 'numeric' })).toBe(
      '1 avril 2025',
    );
  });

  it('fills message placeholders, numbers through Intl', () => {
    expect(interpolate('{count} mesures pour {name}', { count: 1200, name: 'Ada' }, 'fr')).toMatch(
      /^1\s200 mesures pour Ada$/u,
    );
    expect(interpolate('Hello {missing}', {}, 'en')).toBe('Hello {missing}');
  });
});

describe('browser language', () => {
  it('picks the first supported language, regional variants included', () => {
    expect(browserLocale(['de-DE', 'fr-CA', 'en'])).toBe('fr');
    expect(browserLocale(['en-GB'])).toBe('en');
  });

  it('falls back to English', () => {
    expect(browserLocale(['es-ES'])).toBe('en');
    expect(browserLocale(undefined)).toBe('en');
  });
});

describe('period names', () => {
  it('writes a quarter, a fiscal year and a month the way each language does', () => {
    expect(periodName('2026-Q3', 'en')).toBe('2026 Q3');
    expect(periodName('FY2026-27-Q3', 'en')).toBe('FY2026-27 Q3');
    expect(periodName('FY2026-27', 'en')).toBe('FY2026-27');
    expect(periodName('2026-Q3', 'fr')).toBe('T3 2026');
    expect(periodName('FY2026-27-Q3', 'fr')).toBe('T3 2026-2027');
    expect(periodName('FY2026-27', 'fr')).toBe('exercice 2026-2027');
    expect(periodName('FY2026', 'fr')).toBe('exercice 2026');
    expect(periodName('FY2026-Q1', 'fr')).toBe('T1 2026');
    expect(periodName('2026-07', 'fr')).toBe('juillet 2026');
    expect(periodName('2026', 'fr')).toBe('2026');
  });

  it('defaults to English', () => {
    expect(periodName('2026-Q3')).toBe('2026 Q3');
  });
});

describe('the language a link asks for', () => {
  it('reads ?lang=en|fr and nothing else', () => {
    expect(urlLocale('?lang=fr')).toBe('fr');
    expect(urlLocale('?period=2025&lang=en')).toBe('en');
    expect(urlLocale('?lang=de')).toBeNull();
    expect(urlLocale('')).toBeNull();
  });
});
