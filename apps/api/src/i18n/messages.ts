// The words of errors, in English and French: each validation issue from its code and params,
// and each error code of the catalogue (src/errors.ts). English answers keep the message the
// code raised (scripts and tests read it); French answers are built here. docs/api.md#errors.
import type { IssueCode, Locale } from '@rba/schema';
import type { Issue } from './issues.js';

type Params = Record<string, unknown>;
type Words = (p: Params, lang: Locale) => string;

function num(v: unknown, lang: Locale): string {
  return typeof v === 'number' ? v.toLocaleString(lang === 'fr' ? 'fr-CA' : 'en-CA') : String(v);
}
function list(v: unknown, lang: Locale): string {
  const items = Array.isArray(v) ? v.map(String) : [];
  const last = items.pop();
  if (last === undefined) return '';
  if (items.length === 0) return last;
  return `${items.join(', ')} ${lang === 'fr' ? 'ou' : 'or'} ${last}`;
}

const FORMATS: Record<string, { en: string; fr: string }> = {
  email: { en: 'an email address', fr: 'une adresse courriel' },
  uuid: { en: 'an identifier (UUID)', fr: 'un identifiant (UUID)' },
  date: { en: 'a date as YYYY-MM-DD', fr: 'une date au format AAAA-MM-JJ' },
  datetime: { en: 'a date and time (ISO 8601)', fr: 'une date et une heure (ISO 8601)' },
  time: { en: 'a time', fr: 'une heure' },
  url: { en: 'a web address', fr: 'une adresse Web' },
  period: {
    en: 'a period such as 2025, 2025-Q3, 2025-07 or FY2025-26',
    fr: 'une période comme 2025, 2025-Q3, 2025-07 ou FY2025-26',
  },
  breakdown: {
    en: 'a cell as dim:value;dim:value',
    fr: 'une cellule au format dim:valeur;dim:valeur',
  },
  json: { en: 'JSON', fr: 'du JSON' },
  csv: { en: 'a CSV file', fr: 'un fichier CSV' },
  csv_header: {
    en: 'a CSV file whose first line names the columns',
    fr: 'un fichier CSV dont la première ligne nomme les colonnes',
  },
  pattern: { en: 'in the expected form', fr: 'dans la forme attendue' },
};

const TYPES: Record<string, { en: string; fr: string }> = {
  string: { en: 'text', fr: 'du texte' },
  boolean: { en: 'true or false', fr: 'vrai ou faux (true ou false)' },
  object: { en: 'an object', fr: 'un objet' },
  array: { en: 'a list', fr: 'une liste' },
  null: { en: 'null', fr: 'null' },
};

const PERIOD_TYPES: Record<string, { en: string; fr: string }> = {
  year: { en: 'year', fr: 'année' },
  quarter: { en: 'quarter', fr: 'trimestre' },
  month: { en: 'month', fr: 'mois' },
  fiscal_year: { en: 'fiscal year', fr: 'exercice financier' },
  fiscal_quarter: { en: 'fiscal quarter', fr: 'trimestre de l’exercice' },
};
function periodType(v: unknown, lang: Locale): string {
  return PERIOD_TYPES[String(v)]?.[lang] ?? String(v);
}

const MEASURE_RULES: Record<string, { en: string; fr: string }> = {
  ratio_needs_percent_or_rate: {
    en: 'Ratio aggregation applies to percent and rate measures only.',
    fr: 'L’agrégation par ratio ne s’applique qu’aux mesures en pourcentage ou en taux.',
  },
  latest_is_for_periods: {
    en: '“Latest” combines periods, not contributors: use it as the period aggregation.',
    fr: '« Dernière valeur » combine des périodes, pas des contributeurs : choisissez-la comme agrégation des périodes.',
  },
  period_ratio_needs_ratio: {
    en: 'A ratio over periods needs a measure entered as numerator and denominator.',
    fr: 'Un ratio sur plusieurs périodes exige une mesure saisie en numérateur et dénominateur.',
  },
  indicator_has_no_category: {
    en: 'Indicators have no performance category.',
    fr: 'Les indicateurs n’ont pas de catégorie de rendement.',
  },
  shared_measure_needs_program: {
    en: 'Only a program measure reports a shared measure.',
    fr: 'Seule une mesure de programme peut alimenter une mesure commune.',
  },
};

/** `not_available` by entity: where the id had to come from. */
const NOT_AVAILABLE: Record<string, { en: string; fr: string }> = {
  measure: {
    en: 'This measure is not one of this organization’s.',
    fr: 'Cette mesure n’appartient pas à cet organisme.',
  },
  result: {
    en: 'This result is not one of this planning table’s.',
    fr: 'Ce résultat n’appartient pas à cette table de planification.',
  },
  organization: {
    en: 'This agency is not part of this survey.',
    fr: 'Cet organisme ne participe pas à ce sondage.',
  },
};

/** Each issue code's words: what to do, said to the person next to the field. */
const ISSUES: Record<IssueCode, { en: Words; fr: Words }> = {
  required: { en: () => 'Fill in this field.', fr: () => 'Veuillez remplir ce champ.' },
  invalid_type: {
    en: (p) => `Enter ${TYPES[String(p.expected)]?.en ?? String(p.expected)}.`,
    fr: (p) => `Veuillez saisir ${TYPES[String(p.expected)]?.fr ?? String(p.expected)}.`,
  },
  not_a_number: { en: () => 'Enter a number.', fr: () => 'Veuillez saisir un nombre.' },
  not_integer: {
    en: (p, l) =>
      p.minimum === undefined
        ? 'Enter a whole number.'
        : `Enter a whole number, ${num(p.minimum, l)} or more.`,
    fr: (p, l) =>
      p.minimum === undefined
        ? 'Veuillez saisir un nombre entier.'
        : `Veuillez saisir un nombre entier égal ou supérieur à ${num(p.minimum, l)}.`,
  },
  too_small: {
    en: (p, l) =>
      p.inclusive === false
        ? `Enter a value greater than ${num(p.minimum, l)}.`
        : `Enter ${num(p.minimum, l)} or more.`,
    fr: (p, l) =>
      p.inclusive === false
        ? `Veuillez saisir une valeur supérieure à ${num(p.minimum, l)}.`
        : `Veuillez saisir une valeur égale ou supérieure à ${num(p.minimum, l)}.`,
  },
  too_big: {
    en: (p, l) =>
      p.inclusive === false
        ? `Enter a value less than ${num(p.maximum, l)}.`
        : `Enter ${num(p.maximum, l)} or less.`,
    fr: (p, l) =>
      p.inclusive === false
        ? `Veuillez saisir une valeur inférieure à ${num(p.maximum, l)}.`
        : `Veuillez saisir une valeur égale ou inférieure à ${num(p.maximum, l)}.`,
  },
  too_short: {
    en: (p, l) =>
      p.minimum === 1 ? 'Fill in this field.' : `Enter at least ${num(p.minimum, l)} characters.`,
    fr: (p, l) =>
      p.minimum === 1
        ? 'Veuillez remplir ce champ.'
        : `Veuillez saisir au moins ${num(p.minimum, l)} caractères.`,
  },
  too_long: {
    en: (p, l) => `Enter at most ${num(p.maximum, l)} characters.`,
    fr: (p, l) => `Veuillez saisir au plus ${num(p.maximum, l)} caractères.`,
  },
  too_few: {
    en: (p, l) => `Give at least ${num(p.minimum, l)}.`,
    fr: (p, l) => `Veuillez en fournir au moins ${num(p.minimum, l)}.`,
  },
  too_many: {
    en: (p, l) => `Give at most ${num(p.maximum, l)}.`,
    fr: (p, l) => `Veuillez en fournir au plus ${num(p.maximum, l)}.`,
  },
  invalid_format: {
    en: (p) => `Enter ${FORMATS[String(p.format)]?.en ?? 'a value in the expected form'}.`,
    fr: (p) =>
      `Veuillez saisir ${FORMATS[String(p.format)]?.fr ?? 'une valeur dans la forme attendue'}.`,
  },
  invalid_option: {
    en: (p, l) => `Choose one of: ${list(p.options, l)}.`,
    fr: (p, l) => `Veuillez choisir l’une des valeurs suivantes : ${list(p.options, l)}.`,
  },
  unknown_field: {
    en: (p) => `${String(p.field)} is not a field here; remove it.`,
    fr: (p) => `${String(p.field)} n’est pas un champ accepté ici ; veuillez le retirer.`,
  },
  duplicate: {
    en: (p) =>
      p.value === undefined ? 'This appears twice.' : `${String(p.value)} appears twice.`,
    fr: (p) =>
      p.value === undefined
        ? 'Cet élément figure deux fois.'
        : `${String(p.value)} figure deux fois.`,
  },
  out_of_order: {
    en: (p, l) => `${list(p.fields, l).replace(/ or /, ' and ')} must come in that order.`,
    fr: (p, l) =>
      `Les dates ${list(p.fields, l).replace(/ ou /, ' et ')} doivent se suivre dans cet ordre.`,
  },
  nothing_to_change: {
    en: () => 'Nothing to save: change at least one field.',
    fr: () => 'Rien à enregistrer : veuillez modifier au moins un champ.',
  },
  not_storable: {
    en: () => 'This value is too large to store.',
    fr: () => 'Cette valeur est trop grande pour être enregistrée.',
  },
  contains_nul: {
    en: () => 'Remove the NUL character (\\u0000) from this text.',
    fr: () => 'Veuillez retirer le caractère NUL (\\u0000) de ce texte.',
  },
  unknown_code: {
    en: (p, l) => `Unknown: ${list(p.values, l)}.`,
    fr: (p, l) => `Inconnu : ${list(p.values, l)}.`,
  },
  one_of: {
    en: (p, l) =>
      p.exactly === true
        ? `Give exactly one of ${list(p.fields, l)}.`
        : `Give ${list(p.fields, l)} (at least one).`,
    fr: (p, l) =>
      p.exactly === true
        ? `Veuillez fournir un seul de ces champs : ${list(p.fields, l)}.`
        : `Veuillez fournir ${list(p.fields, l)} (au moins l’un des deux).`,
  },
  go_together: {
    en: (p, l) =>
      `${list(p.fields, l).replace(/ or /, ' and ')} go together: give both or neither.`,
    fr: (p, l) =>
      `${list(p.fields, l).replace(/ ou /, ' et ')} vont ensemble : veuillez fournir les deux ou aucun.`,
  },
  invalid: { en: () => 'This value is not valid.', fr: () => 'Cette valeur n’est pas valide.' },
  numerator_exceeds_denominator: {
    en: () => 'The numerator may not be greater than the denominator.',
    fr: () => 'Le numérateur ne peut pas dépasser le dénominateur.',
  },
  zero_denominator: {
    en: () => 'The denominator may not be 0.',
    fr: () => 'Le dénominateur ne peut pas être 0.',
  },
  numerator_and_denominator: {
    en: () => 'Enter both the numerator and the denominator.',
    fr: () => 'Veuillez saisir le numérateur et le dénominateur.',
  },
  value_is_derived: {
    en: () => 'This measure is entered as a numerator and a denominator; its value is computed.',
    fr: () => 'Cette mesure se saisit en numérateur et dénominateur; sa valeur est calculée.',
  },
  single_value_only: {
    en: () => 'This measure takes a single value, not a numerator and a denominator.',
    fr: () => 'Cette mesure prend une seule valeur, pas un numérateur et un dénominateur.',
  },
  part_exceeds_total: {
    en: (p, l) => `A part may not be larger than its total (${list(p.breakdowns, l)}).`,
    fr: (p, l) => `Une partie ne peut pas dépasser son total (${list(p.breakdowns, l)}).`,
  },
  not_available: {
    en: (p) => NOT_AVAILABLE[String(p.entity)]?.en ?? 'This cannot be used here.',
    fr: (p) => NOT_AVAILABLE[String(p.entity)]?.fr ?? 'Ce choix ne peut pas être utilisé ici.',
  },
  unknown_dimension: {
    en: (p, l) =>
      Array.isArray(p.dimensions) && p.dimensions.length > 0
        ? `${String(p.dimension)} is not a breakdown of this measure (it is broken down by ${list(p.dimensions, l)}).`
        : `This measure has no breakdowns, so ${String(p.dimension)} is not allowed.`,
    fr: (p, l) =>
      Array.isArray(p.dimensions) && p.dimensions.length > 0
        ? `${String(p.dimension)} n’est pas une ventilation de cette mesure (elle est ventilée par ${list(p.dimensions, l)}).`
        : `Cette mesure n’a pas de ventilation; ${String(p.dimension)} n’est donc pas accepté.`,
  },
  unknown_dimension_value: {
    en: (p) => `${String(p.value)} is not a value of ${String(p.dimension)}.`,
    fr: (p) => `${String(p.value)} n’est pas une valeur de ${String(p.dimension)}.`,
  },
  wrong_period_type: {
    en: (p, l) =>
      `Enter a ${list(
        (p.expected as unknown[]).map((t) => periodType(t, l)),
        l,
      )}, not a ${periodType(p.periodType, l)}.`,
    fr: (p, l) =>
      `Veuillez saisir une période de type ${list(
        (p.expected as unknown[]).map((t) => periodType(t, l)),
        l,
      )}, et non ${periodType(p.periodType, l)}.`,
  },
  measure_rule: {
    en: (p) => MEASURE_RULES[String(p.rule)]?.en ?? 'This measure’s settings do not go together.',
    fr: (p) =>
      MEASURE_RULES[String(p.rule)]?.fr ??
      'Les paramètres de cette mesure ne sont pas compatibles.',
  },
  rates_itself: {
    en: () => 'An agency does not rate itself.',
    fr: () => 'Un organisme ne s’évalue pas lui-même.',
  },
  level_zero_has_ratings: {
    en: () => 'With level 0 (no contact), leave trust and value empty.',
    fr: () => 'Au niveau 0 (aucun contact), veuillez laisser la confiance et la valeur vides.',
  },
  ratings_missing: {
    en: () => 'With level 1 or more, answer the three trust and three value items.',
    fr: () =>
      'À partir du niveau 1, veuillez répondre aux trois énoncés sur la confiance et aux trois sur la valeur.',
  },
  invalid_upload: {
    en: () => 'Send multipart/form-data with a file part and a mapping part.',
    fr: () =>
      'Veuillez envoyer un formulaire multipart/form-data avec une partie « file » et une partie « mapping ».',
  },
};

/** One issue in plain words, in a language. */
export function issueMessage(i: Issue, lang: Locale): string {
  return ISSUES[i.code][lang](i.params, lang);
}

/** Entities of NOT_FOUND (`new NotFoundError('Measure')`), in French. */
const NOT_FOUND_FR: Record<string, string> = {
  Organization: 'Organisme introuvable.',
  User: 'Utilisateur introuvable.',
  Measure: 'Mesure introuvable.',
  Program: 'Programme introuvable.',
  Result: 'Résultat introuvable.',
  'Planning table': 'Table de planification introuvable.',
  'Partnership survey': 'Sondage sur les partenariats introuvable.',
  Plan: 'Plan introuvable.',
  Revision: 'Version introuvable.',
  'Import job': 'Importation introuvable.',
  'Live public link': 'Lien public actif introuvable.',
  'Public scorecard': 'Tableau de bord public introuvable.',
  Dimension: 'Dimension introuvable.',
  Notification: 'Notification introuvable.',
  Partner: 'Partenaire introuvable.',
  'Role grant': 'Attribution de rôle introuvable.',
  'Service type': 'Type de service introuvable.',
  Submission: 'Soumission introuvable.',
  'Reporting period': 'Période de déclaration introuvable.',
};

/** Every error code of the catalogue in French; a function when params say more. */
export const ERROR_MESSAGES_FR: Record<string, string | ((p: Params) => string)> = {
  VALIDATION_ERROR: 'La demande contient des valeurs non valides.',
  INVALID_JSON: 'Le corps de la demande n’est pas du JSON valide.',
  BAD_REQUEST: 'La demande ne peut pas être lue.',
  FUTURE_PERIOD:
    'Cette période n’a pas encore commencé : les données ne peuvent être saisies qu’à partir de son début (les cibles peuvent l’être d’avance).',
  INVALID_TOKEN: 'Ce lien de désabonnement n’est pas valide.',
  UNAUTHORIZED: 'Veuillez vous connecter.',
  INVALID_CREDENTIALS: 'L’adresse courriel ou le mot de passe est incorrect.',
  FORBIDDEN: 'Vous n’avez pas l’autorisation d’effectuer cette action.',
  CROSS_ORIGIN_REFUSED: 'Cette session ne peut être renouvelée que depuis l’application.',
  NOT_FOUND: (p) => NOT_FOUND_FR[String(p.entity)] ?? 'Ce que vous cherchez est introuvable.',
  METHOD_NOT_ALLOWED: 'Cette méthode n’est pas permise ici.',
  REQUEST_TIMEOUT: 'La demande n’est pas arrivée à temps.',
  CONFLICT: 'Cela entre en conflit avec un élément déjà enregistré.',
  EMAIL_TAKEN: 'Un utilisateur ayant cette adresse courriel existe déjà.',
  CODE_TAKEN: 'Ce code est déjà utilisé.',
  HAS_DATA:
    'Cet élément contient encore des données ou des éléments qui en dépendent : veuillez plutôt l’archiver.',
  VERSION_CONFLICT:
    'Quelqu’un d’autre a enregistré cette donnée avant vous. Veuillez vérifier la valeur actuelle, puis réessayer.',
  REVISION_CONFLICT:
    'Quelqu’un d’autre a enregistré ce plan avant vous. Veuillez vérifier la version actuelle, puis réessayer.',
  PERIOD_LOCKED:
    'Cette période est soumise ou approuvée : ses données ne peuvent pas être modifiées.',
  PERIOD_CLOSED: 'La période de déclaration de ces données est fermée.',
  SURVEY_CLOSED: 'Ce sondage sur les partenariats est fermé.',
  SURVEY_NOT_OPEN: 'Ce sondage sur les partenariats n’est pas encore ouvert.',
  INVALID_TRANSITION: 'Cette étape n’est pas possible dans l’état actuel de la période.',
  IMPORT_CONFLICT:
    'Des données importées ont été modifiées pendant l’importation; rien n’a été enregistré. Veuillez réessayer.',
  PAYLOAD_TOO_LARGE: 'Le corps de la demande est trop volumineux.',
  FILE_TOO_LARGE: (p) =>
    typeof p.limitBytes === 'number'
      ? `Le fichier dépasse ${Math.round(p.limitBytes / (1024 * 1024))} Mo; veuillez le diviser en fichiers plus petits.`
      : 'Le fichier est trop volumineux; veuillez le diviser en fichiers plus petits.',
  URI_TOO_LONG: 'L’adresse demandée est trop longue.',
  UNSUPPORTED_MEDIA_TYPE: 'Cette route n’accepte pas ce type de contenu (envoyez du JSON).',
  HEADERS_TOO_LARGE: 'Les en-têtes de la demande sont trop volumineux.',
  CONSTRAINT_VIOLATION: 'Une valeur enfreint une règle des données enregistrées.',
  WEAK_PASSWORD: (p) =>
    (
      ({
        too_short: 'Ce mot de passe est trop court : veuillez utiliser au moins 12 caractères.',
        too_long: 'Ce mot de passe est trop long.',
        common: 'Ce mot de passe est trop courant : veuillez en choisir un autre.',
        contains_email:
          'Le mot de passe ne doit pas contenir l’adresse courriel : veuillez en choisir un autre.',
      }) as Record<string, string>
    )[String(p.rule)] ?? 'Ce mot de passe n’est pas accepté : veuillez en choisir un autre.',
  WRONG_PASSWORD: 'Le mot de passe actuel est incorrect.',
  USE_OWN_PASSWORD_ROUTE:
    'Pour changer votre propre mot de passe, utilisez la page de votre compte.',
  CANNOT_DISABLE_SELF: 'Vous ne pouvez pas désactiver votre propre compte.',
  CANNOT_REVOKE_OWN_ADMIN: 'Vous ne pouvez pas retirer votre propre rôle d’administrateur.',
  MEASURE_ARCHIVED: 'Cette mesure est archivée.',
  SHARED_MEASURE_COMPUTED:
    'Les données d’une mesure commune sont calculées à partir de celles des partenaires : veuillez les saisir dans les mesures des partenaires.',
  SHARED_MEASURE_NOT_AVAILABLE:
    'Cette mesure commune appartient à une table dont votre organisme n’est pas partenaire.',
  SHARED_MEASURE_MISMATCH:
    'Cette mesure n’a pas la même unité, le même type de période, le même sens ou les mêmes ventilations que la mesure commune.',
  BREAKDOWN_EXCEEDS_TOTAL: (p) =>
    Array.isArray(p.breakdowns) && p.breakdowns.length > 0
      ? `Une partie ne peut pas dépasser son total (${p.breakdowns.join(', ')}).`
      : 'Une partie ne peut pas dépasser son total.',
  RESULT_NOT_AT_PARTNER_TABLE:
    'Ce résultat appartient à une table dont votre organisme n’est pas partenaire.',
  FUNDER_NOT_PARTNER:
    'Un bailleur de fonds ne peut pas être partenaire d’une table; il consulte les résultats par un rôle de bailleur de fonds.',
  UNKNOWN_ORGANIZATION: 'Le plan nomme un organisme qui ne fait pas partie de sa table.',
  UNKNOWN_MEASURE: 'Le plan nomme une mesure qui ne fait pas partie de sa table.',
  IMPORT_REJECTED: 'Des lignes ont été rejetées; rien n’a été enregistré.',
  RATE_LIMITED: (p) =>
    typeof p.retryAfterSeconds === 'number'
      ? `Trop de tentatives. Veuillez réessayer dans ${p.retryAfterSeconds} seconde${p.retryAfterSeconds > 1 ? 's' : ''}.`
      : 'Trop de tentatives. Veuillez réessayer plus tard.',
  INTERNAL: 'Erreur interne du serveur.',
  TRY_AGAIN: 'La base de données traite les mêmes données en ce moment; veuillez réessayer.',
};

/** What the localizer needs of an error: its code, details and what it was raised with. */
export interface WordedError {
  code: string;
  message: string;
  details?: unknown;
  params?: Params | undefined;
}

function issuesOf(details: unknown): Issue[] | undefined {
  if (typeof details !== 'object' || details === null || Array.isArray(details)) return undefined;
  const issues = (details as { issues?: unknown }).issues;
  return Array.isArray(issues) ? (issues as Issue[]) : undefined;
}

function fieldName(path: string[]): string {
  const inner = ['body', 'query', 'params'].includes(path[0] ?? '') ? path.slice(1) : path;
  return inner.join('.');
}

/**
 * The error's message and details in a language: each issue gets its `message`; the top-level
 * message is the error's own in English, and in French the catalogue's (the first issue's, named
 * by its field, for a validation error).
 */
export function wordError(
  err: WordedError,
  lang: Locale,
): { code: string; message: string; details?: unknown } {
  const issues = issuesOf(err.details);
  const worded = issues?.map((i) => ({
    path: i.path.join('.'),
    code: i.code,
    params: i.params,
    message: issueMessage(i, lang),
  }));
  // A validation error's details are its list of problems (the contract's `details[]`); other
  // codes keep their own details, their problems (if any) worded the same way.
  const details =
    worded === undefined
      ? err.details
      : err.code === 'VALIDATION_ERROR'
        ? worded
        : { ...(err.details as object), issues: worded };
  let message = err.message;
  if (lang === 'fr') {
    const first = issues?.[0];
    if (first && err.code === 'VALIDATION_ERROR') {
      const field = fieldName(first.path);
      const more = (issues?.length ?? 1) - 1;
      message =
        `${field ? `${field} : ` : ''}${issueMessage(first, 'fr')}` +
        (more > 0
          ? ` (et ${more} autre${more > 1 ? 's' : ''} problème${more > 1 ? 's' : ''})`
          : '');
    } else {
      const fr = ERROR_MESSAGES_FR[err.code];
      const params = {
        ...(typeof err.details === 'object' && err.details !== null ? err.details : {}),
        ...err.params,
      } as Params;
      if (typeof fr === 'function') message = fr(params);
      else if (fr !== undefined) message = fr;
    }
  }
  return details === undefined ? { code: err.code, message } : { code: err.code, message, details };
}
