// An outbox message as an e-mail: plain text and HTML in the recipient's language, a link into
// the web client, and the unsubscribe link both in the footer and in RFC 8058's headers.
import type { NotificationKind } from '../db/tables/mail.table.js';
import type { Locale } from '../db/tables/users.table.js';
import { categoryOf, frameText } from './messages.js';
import { unsubscribeUrl } from './unsubscribe-token.js';

export interface EmailInput {
  id: string;
  user_id: string;
  kind: NotificationKind;
  locale: Locale;
  subject: string;
  body: string;
  link: string;
  name: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  messageId: string;
}

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Paragraphs (blank-line separated) with their line breaks, every character escaped. */
function paragraphs(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

export function renderEmail(
  m: EmailInput,
  mail: { publicUrl: string },
  secret: string,
): RenderedEmail {
  const f = frameText(m.locale, categoryOf(m.kind));
  const open = `${mail.publicUrl}${m.link}`;
  const unsubscribe = unsubscribeUrl(mail.publicUrl, secret, m.user_id, categoryOf(m.kind));
  const text = [
    f.greeting(m.name),
    '',
    m.body,
    '',
    `${f.open}: ${open}`,
    '',
    '-- ',
    `${f.footer} ${unsubscribe}`,
    '',
  ].join('\n');
  const html = `<!doctype html>
<html lang="${m.locale}">
<head><meta charset="utf-8"><title>${escapeHtml(m.subject)}</title></head>
<body>
<p>${escapeHtml(f.greeting(m.name))}</p>
${paragraphs(m.body)}
<p><a href="${escapeHtml(open)}">${escapeHtml(f.open)}: ${escapeHtml(m.subject)}</a></p>
<hr>
<p><small>${escapeHtml(f.footer)} <a href="${escapeHtml(unsubscribe)}">${escapeHtml(f.unsubscribe)}</a></small></p>
</body>
</html>
`;
  let host = 'localhost';
  try {
    host = new URL(mail.publicUrl).hostname || host;
  } catch {
    // config.ts checked the address; keep the fallback anyway
  }
  return {
    subject: m.subject,
    text,
    html,
    // One Message-ID per outbox row: a copy sent again after a crash is recognisably the same.
    messageId: `<${m.id}@${host}>`,
    headers: {
      'List-Unsubscribe': `<${unsubscribe}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'Auto-Submitted': 'auto-generated',
    },
  };
}
