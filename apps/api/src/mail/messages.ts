// The words of every message, in English and French: a subject and a plain-text body (the in-app
// notification), which the e-mail wraps with a greeting, a link and the unsubscribe footer.
import { periodName } from '@rba/domain';
import type { NotificationKind } from '../db/tables/mail.table.js';
import type { Locale } from '../db/tables/users.table.js';

export type MessageFacts =
  | {
      kind: 'reminder';
      agency: string;
      period: string;
      /** YYYY-MM-DD. */
      due: string;
      /** The due date has passed at the moment the reminder is queued. */
      overdue: boolean;
    }
  | { kind: 'returned'; agency: string; period: string; note: string }
  | { kind: 'reopened'; agency: string; period: string; reason: string }
  | {
      kind: 'submitted';
      agency: string;
      period: string;
      missing: number | null;
      flagged: number | null;
    }
  | {
      kind: 'survey_invitation';
      /** The planning table whose survey it is. */
      table: string;
      agency: string;
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
      table: string;
      agency: string;
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

function english(f: MessageFacts): MessageText {
  switch (f.kind) {
    case 'reminder': {
      const due = formatDate(f.due, 'en');
      return f.overdue
        ? {
            subject: `Overdue: ${f.agency}, ${f.period} (due ${due})`,
            body: `The figures of ${f.agency} for ${f.period} were due on ${due} and have not been submitted.\n\nEnter the figures and submit the period as soon as you can.`,
          }
        : {
            subject: `Reminder: ${f.agency}, ${f.period} is due on ${due}`,
            body: `The figures of ${f.agency} for ${f.period} are due on ${due} and have not been submitted yet.\n\nEnter the figures and submit the period when they are complete.`,
          };
    }
    case 'returned':
      return {
        subject: `Returned for correction: ${f.agency}, ${f.period}`,
        body: `A coordinator returned the figures of ${f.agency} for ${f.period} for correction. Their note:\n\n${f.note}\n\nCorrect the figures and submit the period again.`,
      };
    case 'reopened':
      return {
        subject: `Reopened for correction: ${f.agency}, ${f.period}`,
        body: `A coordinator reopened the approved figures of ${f.agency} for ${f.period}. The reason:\n\n${f.reason}\n\nCorrect the figures and submit the period again. Until it is approved again, everyone else keeps seeing the figures last approved.`,
      };
    case 'submitted':
      return {
        subject: `Submitted for review: ${f.agency}, ${f.period}`,
        body: `${f.agency} submitted its figures for ${f.period}. They are ready for your review.${checksLine(f.missing, f.flagged, 'en')}`,
      };
    case 'survey_invitation': {
      const opens = formatDate(f.opens, 'en');
      const closes = formatDate(f.closes, 'en');
      return {
        subject: `Partnership survey of ${f.table}: ${f.title} (answer by ${closes})`,
        body: `${f.table} asks ${f.agency} to answer its partnership survey “${f.title}” for ${f.period}. ${f.scheduled ? `The survey opens on ${opens} and closes on ${closes}.` : `The survey is open until ${closes}.`}\n\nRate how ${f.agency} works with each of the other partner agencies at the table: how closely, how much you trust each other and what working together brings. Any editor of ${f.agency} may give the agency's one response and change it until the survey closes.`,
      };
    }
    case 'survey_reminder': {
      const closes = formatDate(f.closes, 'en');
      return {
        subject: `Reminder: ${f.title} of ${f.table} closes on ${closes}`,
        body: `${f.agency} has not answered the partnership survey “${f.title}” of ${f.table} for ${f.period} yet. The survey closes on ${closes}.\n\nAnswer it before then: once it closes, its figures are recorded without ${f.agency}'s ratings.`,
      };
    }
  }
}

function french(f: MessageFacts): MessageText {
  switch (f.kind) {
    case 'reminder': {
      const due = formatDate(f.due, 'fr');
      return f.overdue
        ? {
            subject: `En retard${NB}: ${f.agency}, ${f.period} (échéance le ${due})`,
            body: `Les données de ${f.agency} pour ${f.period} étaient attendues le ${due} et n’ont pas été soumises.\n\nSaisissez les données et soumettez la période dès que possible.`,
          }
        : {
            subject: `Rappel${NB}: ${f.agency}, ${f.period} attendue le ${due}`,
            body: `Les données de ${f.agency} pour ${f.period} sont attendues le ${due} et n’ont pas encore été soumises.\n\nSaisissez les données et soumettez la période lorsqu’elles sont complètes.`,
          };
    }
    case 'returned':
      return {
        subject: `Renvoyée pour correction${NB}: ${f.agency}, ${f.period}`,
        body: `Un coordonnateur a renvoyé les données de ${f.agency} pour ${f.period} pour correction. Sa note${NB}:\n\n${f.note}\n\nCorrigez les données et soumettez de nouveau la période.`,
      };
    case 'reopened':
      return {
        subject: `Rouverte pour correction${NB}: ${f.agency}, ${f.period}`,
        body: `Un coordonnateur a rouvert les données approuvées de ${f.agency} pour ${f.period}. La raison${NB}:\n\n${f.reason}\n\nCorrigez les données et soumettez de nouveau la période. D’ici sa nouvelle approbation, les autres continuent de voir les données approuvées.`,
      };
    case 'submitted':
      return {
        subject: `Soumise pour examen${NB}: ${f.agency}, ${f.period}`,
        body: `${f.agency} a soumis ses données pour ${f.period}. Elles sont prêtes pour votre examen.${checksLine(f.missing, f.flagged, 'fr')}`,
      };
    case 'survey_invitation': {
      const opens = formatDate(f.opens, 'fr');
      const closes = formatDate(f.closes, 'fr');
      return {
        subject: `Sondage de partenariat de ${f.table}${NB}: ${f.title} (réponse d’ici le ${closes})`,
        body: `${f.table} demande à ${f.agency} de répondre à son sondage de partenariat «${NB}${f.title}${NB}» pour ${f.period}. ${f.scheduled ? `Le sondage ouvre le ${opens} et ferme le ${closes}.` : `Le sondage est ouvert jusqu’au ${closes}.`}\n\nÉvaluez comment ${f.agency} travaille avec chacun des autres organismes partenaires de la table${NB}: à quel point vous collaborez, la confiance que vous vous accordez et ce que le travail en commun apporte. Tout éditeur de ${f.agency} peut donner la réponse unique de l’organisme et la modifier jusqu’à la fermeture du sondage.`,
      };
    }
    case 'survey_reminder': {
      const closes = formatDate(f.closes, 'fr');
      return {
        subject: `Rappel${NB}: ${f.title} de ${f.table} ferme le ${closes}`,
        body: `${f.agency} n’a pas encore répondu au sondage de partenariat «${NB}${f.title}${NB}» de ${f.table} pour ${f.period}. Le sondage ferme le ${closes}.\n\nRépondez-y d’ici là${NB}: à sa fermeture, ses données sont inscrites sans les évaluations de ${f.agency}.`,
      };
    }
  }
}

export function messageText(facts: MessageFacts, locale: Locale): MessageText {
  // Written for people: the quarter as every screen writes it (`FY2026-27 Q3`).
  const readable: MessageFacts = { ...facts, period: periodName(facts.period) };
  return locale === 'fr' ? french(readable) : english(readable);
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
