// The localizer alone: which text each answer's names are given in, and what it leaves alone.
import { describe, expect, it } from 'vitest';
import { LOCALIZED_STEMS, localize, pick } from './localize.js';

describe('pick', () => {
  it('gives the French to a French caller when there is some', () => {
    expect(pick('fr', 'Children', 'Enfants')).toBe('Enfants');
  });

  it('falls back to the English when the French is missing or blank', () => {
    expect(pick('fr', 'Children', null)).toBe('Children');
    expect(pick('fr', 'Children', undefined)).toBe('Children');
    expect(pick('fr', 'Children', '')).toBe('Children');
    expect(pick('fr', 'Children', '   ')).toBe('Children');
    expect(pick('fr', 'Children', 42)).toBe('Children');
  });

  it('gives the English to an English caller, whatever the French', () => {
    expect(pick('en', 'Children', 'Enfants')).toBe('Children');
    expect(pick('en', null, 'Enfants')).toBeNull();
  });

  it('keeps an empty English empty for a French caller without French', () => {
    expect(pick('fr', null, null)).toBeNull();
    expect(pick('fr', null, 'Une description')).toBe('Une description');
  });
});

describe('localize', () => {
  const table = {
    id: 't1',
    name: 'Children in care',
    nameFr: 'Enfants placés',
    population: 'Children 0-17',
    populationFr: 'Enfants de 0 à 17 ans',
    description: 'All of them',
    descriptionFr: null,
  };

  it('puts the French in the English field and keeps the French as stored', () => {
    expect(localize(table, 'fr')).toEqual({
      id: 't1',
      name: 'Enfants placés',
      nameFr: 'Enfants placés',
      population: 'Enfants de 0 à 17 ans',
      populationFr: 'Enfants de 0 à 17 ans',
      description: 'All of them',
      descriptionFr: null,
    });
  });

  it('handles every stem with a twin', () => {
    const all = Object.fromEntries(
      LOCALIZED_STEMS.flatMap((stem) => [
        [stem, `${stem} en`],
        [`${stem}Fr`, `${stem} fr`],
      ]),
    );
    const out = localize(all, 'fr') as Record<string, string>;
    for (const stem of LOCALIZED_STEMS) expect(out[stem]).toBe(`${stem} fr`);
  });

  it('falls back to the English when the French is null or blank', () => {
    expect(localize({ name: 'Region', nameFr: null }, 'fr')).toEqual({
      name: 'Region',
      nameFr: null,
    });
    expect(localize({ title: 'Safe', titleFr: '  ' }, 'fr')).toEqual({
      title: 'Safe',
      titleFr: '  ',
    });
    expect(localize({ label: 'Girls', labelFr: '' }, 'fr').label).toBe('Girls');
  });

  it('leaves a field without a twin, and other stems, as they are', () => {
    const o = { name: 'Region', code: 'region', codeFr: 'région', kind: 'agency' };
    expect(localize(o, 'fr')).toEqual(o);
  });

  it('walks nested objects and arrays', () => {
    const payload = {
      items: [
        {
          name: 'Sex',
          nameFr: 'Sexe',
          values: [
            { code: 'f', label: 'Female', labelFr: 'Femme' },
            { code: 'm', label: 'Male', labelFr: null },
          ],
        },
      ],
      partner: { organization: { name: 'Agency', nameFr: 'Agence' } },
      matrix: [[{ title: 'Safe', titleFr: 'En sécurité' }], 'text', 3, null],
    };
    expect(localize(payload, 'fr')).toEqual({
      items: [
        {
          name: 'Sexe',
          nameFr: 'Sexe',
          values: [
            { code: 'f', label: 'Femme', labelFr: 'Femme' },
            { code: 'm', label: 'Male', labelFr: null },
          ],
        },
      ],
      partner: { organization: { name: 'Agence', nameFr: 'Agence' } },
      matrix: [[{ title: 'En sécurité', titleFr: 'En sécurité' }], 'text', 3, null],
    });
  });

  it('returns an English payload unchanged, the same object', () => {
    const payload = { items: [table], nextOffset: null };
    const out = localize(payload, 'en');
    expect(out).toBe(payload);
    expect(out.items[0]?.name).toBe('Children in care');
  });

  it('returns the same object when nothing in it has French', () => {
    const payload = { items: [{ name: 'Region', nameFr: null }], count: 1 };
    expect(localize(payload, 'fr')).toBe(payload);
  });

  it('never changes its input, and shares the parts it did not change', () => {
    const untouched = { code: 'x', tags: ['a'] };
    const payload = { items: [table, untouched], meta: { name: 'm', nameFr: 'n' } };
    const before = structuredClone(payload);
    const out = localize(payload, 'fr');
    expect(payload).toEqual(before);
    expect(out).not.toBe(payload);
    expect(out.items).not.toBe(payload.items);
    expect(out.items[1]).toBe(untouched);
    expect(out.meta).not.toBe(payload.meta);
  });

  it('leaves Dates and other class instances alone', () => {
    const at = new Date('2025-01-02T03:04:05Z');
    class Named {
      name = 'Class';
      nameFr = 'Classe';
    }
    const named = new Named();
    const payload = { name: 'n', nameFr: 'f', at, named };
    const out = localize(payload, 'fr');
    expect(out.name).toBe('f');
    expect(out.at).toBe(at);
    expect(out.at.toISOString()).toBe('2025-01-02T03:04:05.000Z');
    expect(out.named).toBe(named);
    expect(out.named.name).toBe('Class');
  });

  it('passes scalars and null through', () => {
    expect(localize(null, 'fr')).toBeNull();
    expect(localize('name', 'fr')).toBe('name');
    expect(localize(3, 'fr')).toBe(3);
    expect(localize(undefined, 'fr')).toBeUndefined();
  });

  it('localizes objects without a prototype', () => {
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, {
      name: 'Bare',
      nameFr: 'Nu',
    });
    expect(localize(bare, 'fr').name).toBe('Nu');
  });
});
