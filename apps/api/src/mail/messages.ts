// The words of every message, in English and French: a subject and a plain-text body (the in-app
// notification), which the e-mail wraps with a greeting, a link and the unsubscribe footer.
// Everything named in a message (an agency, a table) is named in the recipient's language: its
// French name for a French reader when it has one, else its English name. Periods too: English
// readers get the label as every screen writes it (`FY2026-27 Q1`), French readers the words
// French uses (`T1 2026-2027`, `exercice 2026-2027`, `août 2025`).
import { frenchPeriodName, periodName } from '@rba/domain';
import type { NotificationKind } from '../db/tables/mail.table.js';
import type { Locale } from '../db/tables/users.table.js';
import { pick } from '../i18n/localize.js';

/** A name in both languages, as stored: the French is null when there is none. */
export interface Named {
  name: string;
  nameFr: string | null;
}

export type MessageFacts =
  | {
      kind: 'reminder';
      agency: Named;
      period: string;
      /** YYYY-MM-DD. */
      due: string;
      /** The due date has passed at the moment the reminder is queued. */
      overdue: boolean;
    }
  | { kind: 'returned'; agency: Named; period: string; note: string }
  | { kind: 'reopened'; agency: Named; period: string; reason: string }
  | {
      kind: 'submitted';
      agency: Named;
      period: string;
      missing: number | null;
      flagged: number | null;
    }
  | {
      kind: 'survey_invitation';
      /** The planning table whose survey it is. */
      table: Named;
      agency: Named;
      title: string;
      /** The survey's year or fiscal year (`2026`, `FY2026-27`). */
      period: string;
      /** YYYY-MM-DD. */
      opens: string;
      /** YYYY-MM-DD, the last day answers are taken. */
      closes: string;
      /** The survey opens after the day the invitation is queued. */
      scheduled: boolean;
    }
  | {
      kind: 'survey_reminder';
      table: Named;
      agency: Named;
      title: string;
      period: string;
      /** YYYY-MM-DD, the last day answers are taken. */
      closes: string;
    };

export interface MessageText {
  subject: string;
  body: string;
}

/** Which notification setting (and unsubscribe link) governs a kind of message. */
export type EmailCategory = 'reminders' | 'submissions' | 'returns';

export function categoryOf(kind: NotificationKind): EmailCategory {
  switch (kind) {
    case 'reminder':
    case 'survey_invitation':
    case 'survey_reminder':
      return 'reminders';
    case 'submitted':
      return 'submissions';
    case 'returned':
    case 'reopened':
      return 'returns';
  }
}

export function formatDate(isoDate: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-CA' : 'en-CA', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T00:00:00Z`));
}

const NB = '\u00a0'; // French puts a no-break space before a colon

function checksLine(missing: number | null, flagged: number | null, locale: Locale): string {
  if (missing === null || flagged === null) return '';
  if (locale === 'fr') {
    return `\n\nVérifications à la soumission${NB}: ${missing} donnée(s) vide(s), ${flagged} donnée(s) à vérifier.`;
  }
  return `\n\nChecks at submission: ${missing} empty figure(s), ${flagged} figure(s) that look unusual.`;
}

/** What a message names, in its reader's language. */
interface Words {
  agency: string;
  /** The planning table (survey messages); empty otherwise. */
  table: string;
  /** The period as a reader writes it (`FY2026-27 Q1`; `T1 2026-2027`). */
  period: string;
  /** "For the period", with the article French needs (`pour le T1 2026-2027`). */
  forPeriod: string;
}

function english(f: MessageFacts, w: Words): MessageText {
  switch (f.kind) {
    case 'reminder': {
      const due = formatDate(f.due, 'en');
      return f.overdue
        ? {
            subject: `Overdue: ${w.agency}, ${w.period} (due ${due})`,
            body: `The figures of ${w.agency} for ${w.period} were due on ${due} and have not been submitted.\n\nEnter the figures and submit the period as soon as you can.`,
          }
        : {
            subject: `Reminder: ${w.agency}, ${w.period} is due on ${due}`,
            body: `The figures of ${w.agency} for ${w.period} are due on ${due} and have not been submitted yet.\n\nEnter the figures and submit the period when they are complete.`,
          };
    }
    case 'returned':
      return {
        subject: `Returned for correction: ${w.agency}, ${w.period}`,
        body: `A coordinator returned the figures of ${w.agency} for ${w.period} for correction. Their note:\n\n${f.note}\n\nCorrect the figures and submit the period again.`,
      };
    case 'reopened':
      return {
        subject: `Reopened for correction: ${w.agency}, ${w.period}`,
        body: `A coordinator reopened the approved figures of ${w.agency} for ${w.period}. The reason:\n\n${f.reason}\n\nCorrect the figures and submit the period again. Until it is approved again, everyone else keeps seeing the figures last approved.`,
      };
    case 'submitted':
      return {
        subject: `Submitted for review: ${w.agency}, ${w.period}`,
        body: `${w.agency} submitted its figures for ${w.period}. They are ready for your review.${checksLine(f.missing, f.flagged, 'en')}`,
      };
    case 'survey_invitation': {
      const opens = formatDate(f.opens, 'en');
      const closes = formatDate(f.closes, 'en');
      return {
        subject: `Partnership survey of ${w.table}: ${f.title} (answer by ${closes})`,
        body: `${w.table} asks ${w.agency} to answer its partnership survey “${f.title}” for ${w.period}. ${f.scheduled ? `The survey opens on ${opens} and closes on ${closes}.` : `The survey is open until ${closes}.`}\n\nRate how ${w.agency} works with each of the other partner agencies at the table: how closely, how much you trust each other and what working together brings. Any editor of ${w.agency} may give the agency's one response and change it until the survey closes.`,
      };
    }
    case 'survey_reminder': {
      const closes = formatDate(f.closes, 'en');
      return {
        subject: `Reminder: ${f.title} of ${w.table} closes on ${closes}`,
        body: `${w.agency} has not answered the partnership survey “${f.title}” of ${w.table} for ${w.period} yet. The survey closes on ${closes}.\n\nAnswer it before then: once it closes, its figures are recorded without ${w.agency}'s ratings.`,
      };
    }
  }
}

function french(f: MessageFacts, w: Words): MessageText {
  switch (f.kind) {
    case 'reminder': {
      const due = formatDate(f.due, 'fr');
      return f.overdue
        ? {
            subject: `En retard${NB}: ${w.agency}, ${w.period} (échéance le ${due})`,
            body: `Les données de ${w.agency} ${w.forPeriod} étaient attendues le ${due} et n’ont pas été soumises.\n\nSaisissez les données et soumettez la période dès que possible.`,
          }
        : {
            subject: `Rappel${NB}: ${w.agency}, ${w.period} attendue le ${due}`,
            body: `Les données de ${w.agency} ${w.forPeriod} sont attendues le ${due} et n’ont pas encore été soumises.\n\nSaisissez les données et soumettez la période lorsqu’elles sont complètes.`,
          };
    }
    case 'returned':
      return {
        subject: `Renvoyée pour correction${NB}: ${w.agency}, ${w.period}`,
        body: `Un coordonnateur a renvoyé les données de ${w.agency} ${w.forPeriod} pour correction. Sa note${NB}:\n\n${f.note}\n\nCorrigez les données et soumettez de nouveau la période.`,
      };
    case 'reopened':
      return {
        subject: `Rouverte pour correction${NB}: ${w.agency}, ${w.period}`,
        body: `Un coordonnateur a rouvert les données approuvées de ${w.agency} ${w.forPeriod}. La raison${NB}:\n\n${f.reason}\n\nCorrigez les données et soumettez de nouveau la période. D’ici sa nouvelle approbation, les autres continuent de voir les données approuvées.`,
      };
    case 'submitted':
      return {
        subject: `Soumise pour examen${NB}: ${w.agency}, ${w.period}`,
        body: `${w.agency} a soumis ses données ${w.forPeriod}. Elles sont prêtes pour votre examen.${checksLine(f.missing, f.flagged, 'fr')}`,
      };
    case 'survey_invitation': {
      const opens = formatDate(f.opens, 'fr');
      const closes = formatDate(f.closes, 'fr');
      return {
        subject: `Sondage de partenariat de ${w.table}${NB}: ${f.title} (réponse d’ici le ${closes})`,
        body: `${w.table} demande à ${w.agency} de répondre à son sondage de partenariat «${NB}${f.title}${NB}» ${w.forPeriod}. ${f.scheduled ? `Le sondage ouvre le ${opens} et ferme le ${closes}.` : `Le sondage est ouvert jusqu’au ${closes}.`}\n\nÉvaluez comment ${w.agency} travaille avec chacun des autres organismes partenaires de la table${NB}: à quel point vous collaborez, la confiance que vous vous accordez et ce que le travail en commun apporte. Tout éditeur de ${w.agency} peut donner la réponse unique de l’organisme et la modifier jusqu’à la fermeture du sondage.`,
      };
    }
    case 'survey_reminder': {
      const closes = formatDate(f.closes, 'fr');
      return {
        subject: `Rappel${NB}: ${f.title} de ${w.table} ferme le ${closes}`,
        body: `${w.agency} n’a pas encore répondu au sondage de partenariat «${NB}${f.title}${NB}» de ${w.table} ${w.forPeriod}. Le sondage ferme le ${closes}.\n\nRépondez-y d’ici là${NB}: à sa fermeture, ses données sont inscrites sans les évaluations de ${w.agency}.`,
      };
    }
  }
}

export function messageText(facts: MessageFacts, locale: Locale): MessageText {
  const named = (n: Named) => pick(locale, n.name, n.nameFr);
  const words = {
    agency: named(facts.agency),
    table: 'table' in facts ? named(facts.table) : '',
  };
  if (locale === 'fr') {
    const period = frenchPeriod(facts.period);
    return french(facts, { ...words, period: period.name, forPeriod: period.forPeriod });
  }
  // Written for people: the quarter as every screen writes it (`FY2026-27 Q3`).
  const period = periodName(facts.period);
  return english(facts, { ...words, period, forPeriod: `for ${period}` });
}

/**
 * A period label as a French reader writes it (@rba/domain's frenchPeriodName, as every screen),
 * alone and after « pour »: « pour le T1 2026-2027 », « pour l’exercice 2026-2027 », « pour
 * août 2025 ».
 */
export function frenchPeriod(label: string): { name: string; forPeriod: string } {
  const name = frenchPeriodName(label);
  if (/^T[1-4] /.test(name)) return { name, forPeriod: `pour le ${name}` };
  if (name.startsWith('exercice ')) return { name, forPeriod: `pour l’${name}` };
  return { name, forPeriod: `pour ${name}` };
}

/** The e-mail's frame: greeting, the link's label, the footer. */
export function frameText(locale: Locale, category: EmailCategory) {
  const fr = locale === 'fr';
  const what = fr
    ? {
        reminders: 'les rappels',
        submissions: 'les avis de soumission',
        returns: 'les avis de renvoi',
      }
    : { reminders: 'reminders', submissions: 'submission notices', returns: 'return notices' };
  return {
    app: fr ? 'Tableau de bord RBA' : 'RBA Scorecard',
    greeting: (name: string) => (fr ? `Bonjour ${name},` : `Hello ${name},`),
    open: fr ? 'Ouvrir' : 'Open',
    footer: fr
      ? `Vous recevez ce courriel en raison de votre rôle dans le Tableau de bord RBA. Pour ne plus recevoir ${what[category]} par courriel${NB}:`
      : `You receive this e-mail because of your role in the RBA Scorecard. To stop receiving ${what[category]} by e-mail:`,
    unsubscribe: fr ? 'Se désabonner' : 'Unsubscribe',
  };
}

/** Where in the web client a message of the reporting cycle leads. */
export function linkFor(
  kind: Exclude<NotificationKind, 'survey_invitation' | 'survey_reminder'>,
  organizationId: string,
  period: string,
): string {
  const p = encodeURIComponent(period);
  return kind === 'submitted'
    ? `/review/${organizationId}/${p}`
    : `/data-entry?organization=${organizationId}&period=${p}`;
}

/** A survey's form, answering for one agency (the form's `organization`). */
export function surveyLink(surveyId: string, organizationId: string): string {
  return `/partnerships/surveys/${encodeURIComponent(surveyId)}/response?organization=${encodeURIComponent(organizationId)}`;
}
