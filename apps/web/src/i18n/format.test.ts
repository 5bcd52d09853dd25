import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, formatPercent } from './format';
import { interpolate } from './i18n-provider';
import { browserLocale } from './locale';

describe('formatting for the locale', () => {
  it('writes a percentage the French way, with a comma and a space before the sign', () => {
    expect(formatPercent('fr', 45.2)).toMatch(/^45,2\s%$/u);
    expect(formatPercent('en', 45.2)).toBe('45.2%');
  });

  it('groups thousands per language', () => {
    expect(formatNumber('en', 12345.5)).toBe('12,345.5');
    expect(formatNumber('fr', 12345.5)).toMatch(/^12\s345,5$/u);
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
