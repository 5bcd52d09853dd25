// The small pages of an unsubscribe link, in the recipient's language: the question (a GET must
// change nothing: mail scanners open links), the answer after the button's POST, and a refusal.
import type { Locale } from '../db/tables/users.table.js';
import { escapeHtml } from './email.js';
import type { EmailCategory } from './messages.js';

const WHAT: Record<Locale, Record<EmailCategory, string>> = {
  en: {
    reminders: 'reminders of due dates',
    submissions: 'notices of submissions',
    returns: 'notices of returned and reopened periods',
  },
  fr: {
    reminders: 'les rappels d’échéance',
    submissions: 'les avis de soumission',
    returns: 'les avis de période renvoyée ou rouverte',
  },
};

function page(locale: Locale, title: string, content: string): string {
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${content}
</main>
</body>
</html>
`;
}

export function confirmPage(locale: Locale, category: EmailCategory, token: string): string {
  const what = WHAT[locale][category];
  const action = `/api/v1/unsubscribe?token=${encodeURIComponent(token)}`;
  const fr = locale === 'fr';
  return page(
    locale,
    fr ? 'Se désabonner' : 'Unsubscribe',
    `<p>${escapeHtml(fr ? `Ne plus recevoir ${what} par courriel\u00a0?` : `Stop receiving ${what} by e-mail?`)}</p>
<form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit">${escapeHtml(fr ? 'Me désabonner' : 'Unsubscribe')}</button>
</form>
<p>${escapeHtml(fr ? 'Vous continuerez de les voir dans l’application.' : 'You will still see them in the application.')}</p>`,
  );
}

export function donePage(locale: Locale, category: EmailCategory): string {
  const what = WHAT[locale][category];
  const fr = locale === 'fr';
  return page(
    locale,
    fr ? 'Désabonnement fait' : 'Unsubscribed',
    `<p>${escapeHtml(
      fr
        ? `Vous ne recevrez plus ${what} par courriel. Vous pouvez les réactiver dans les paramètres de votre compte.`
        : `You will no longer receive ${what} by e-mail. You can turn them back on in your account settings.`,
    )}</p>`,
  );
}

/** Both languages: a link we cannot read names no one whose language we know. */
export function invalidPage(): string {
  return page(
    'en',
    'This link is not valid / Ce lien n’est pas valide',
    `<p>${escapeHtml('Sign in and change your notification settings instead.')}</p>
<p lang="fr">${escapeHtml('Connectez-vous et modifiez plutôt vos paramètres de notification.')}</p>`,
  );
}
