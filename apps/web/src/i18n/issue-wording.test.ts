import { ISSUE_CODES } from '@rba/schema';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { errorIssues, fieldOfPath, wordedCodes, wordIssue, wordIssues } from './issue-wording';
import { locales } from './locale';

describe('issue wording', () => {
  it('words every code of the API’s vocabulary in both languages', () => {
    for (const locale of locales) {
      expect({ locale, codes: wordedCodes(locale).sort() }).toEqual({
        locale,
        codes: [...ISSUE_CODES].sort(),
      });
      for (const code of ISSUE_CODES) {
        const text = wordIssue({ code, params: {} }, locale);
        expect({ code, locale, empty: text.trim() === '' }).toEqual({ code, locale, empty: false });
      }
    }
  });

  it('says each code differently in French than in English', () => {
    const same = ISSUE_CODES.filter(
      (code) => wordIssue({ code, params: {} }, 'en') === wordIssue({ code, params: {} }, 'fr'),
    );
    expect(same).toEqual([]);
  });

  it('words a problem with its params, numbers in the reader’s way', () => {
    expect(wordIssue({ code: 'not_integer', params: { minimum: 0 } }, 'en')).toBe(
      'Enter a whole number, 0 or more.',
    );
    expect(wordIssue({ code: 'not_integer', params: { minimum: 0 } }, 'fr')).toBe(
      'Saisissez un nombre entier, 0 ou plus.',
    );
    expect(wordIssue({ code: 'too_big', params: { maximum: 1000, inclusive: true } }, 'en')).toBe(
      'Enter 1,000 or less.',
    );
    expect(
      wordIssue({ code: 'too_big', params: { maximum: 1000, inclusive: true } }, 'fr').replace(
        /\s/g,
        ' ',
      ),
    ).toBe('Saisissez 1 000 ou moins.');
    expect(wordIssue({ code: 'too_long', params: { maximum: 200 } }, 'fr')).toBe(
      'Raccourcissez ce texte à 200 caractères ou moins.',
    );
    expect(wordIssue({ code: 'not_a_number', params: {} }, 'fr')).toBe(
      'Saisissez un nombre, comme 42 ou 12,5.',
    );
    expect(
      wordIssue({ code: 'part_exceeds_total', params: { breakdowns: ['age:0-14'] } }, 'en'),
    ).toBe('A part cannot be more than the total (age:0-14).');
    expect(
      wordIssue(
        { code: 'wrong_period_type', params: { periodType: 'month', expected: ['quarter'] } },
        'fr',
      ),
    ).toBe('Saisissez une période de type trimestre, pas mois.');
  });

  it('says a code newer than the client with the API’s own words', () => {
    expect(wordIssue({ code: 'brand_new', params: {}, message: 'Do it otherwise.' }, 'en')).toBe(
      'Do it otherwise.',
    );
    expect(wordIssue({ code: 'brand_new', params: {} }, 'fr')).toBe(
      'Cette valeur n’est pas acceptée.',
    );
  });

  it('finds the form’s field a path names', () => {
    const fields = ['name', 'nameFr', 'items', 'value', 'columns.value'];
    expect(fieldOfPath('body.name', fields)).toBe('name');
    expect(fieldOfPath('body.nameFr', fields)).toBe('nameFr');
    expect(fieldOfPath('body.items.3.code', fields)).toBe('items');
    expect(fieldOfPath('body.entries.2.value', fields)).toBe('value');
    expect(fieldOfPath('mapping.columns.value', fields)).toBe('columns.value');
    expect(fieldOfPath('query.limit', fields)).toBeNull();
    expect(fieldOfPath('file', ['file'])).toBe('file');
    expect(fieldOfPath('', fields)).toBeNull();
  });

  it('puts each problem at its field and the others in a summary', () => {
    const error = new ApiError(400, 'VALIDATION_ERROR', 'body.name: too long', [
      { path: 'body.name', code: 'too_long', params: { maximum: 200 }, message: '…' },
      { path: 'body.name', code: 'required', params: {}, message: '…' },
      { path: 'body.colour', code: 'unknown_field', params: { field: 'colour' }, message: '…' },
    ]);
    expect(wordIssues(errorIssues(error), ['name', 'population'], 'en')).toEqual({
      fields: { name: 'Shorten this to 200 characters or fewer.' },
      others: ['“colour” is not taken here; remove it.'],
    });
  });

  it('reads the problems of a 422 that keeps object details', () => {
    const error = new ApiError(422, 'BREAKDOWN_EXCEEDS_TOTAL', 'A part…', {
      breakdowns: ['age:0-14'],
      issues: [{ path: 'body.value', code: 'part_exceeds_total', params: {}, message: '…' }],
    });
    expect(errorIssues(error).map((i) => i.code)).toEqual(['part_exceeds_total']);
    expect(errorIssues(new ApiError(409, 'CONFLICT', 'x', { current: null }))).toEqual([]);
    expect(errorIssues(new Error('x'))).toEqual([]);
  });
});
