// The password forms' rules (changing one's own, an admin's reset): what the client checks before
// sending, and the server's refusals turned into messages at the fields they concern.

import { ApiError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import type { Translate } from '../../i18n/i18n-provider';
import { errorIssues, wordIssue } from '../../i18n/issue-wording';
import type { Locale } from '../../i18n/locale';
import type { MessageKey } from '../../i18n/messages.en';

/** The server's policy (docs/api.md): 12 to 256 characters, counted as people count them. */
export const passwordMinLength = 12;
export const passwordMaxLength = 256;

export type PasswordField = 'currentPassword' | 'newPassword' | 'confirmPassword';

export interface PasswordErrors {
  /** A problem of the whole form (too many attempts, the server unreachable). */
  general: string | null;
  fields: Partial<Record<PasswordField, string>>;
}

export const noPasswordErrors: PasswordErrors = { general: null, fields: {} };

/** Characters as the server counts them: an emoji is one, not two UTF-16 units. */
export function passwordLength(password: string): number {
  return [...password].length;
}

/** The email's name part, which a password must not contain: "ada" for ada@example.org. */
export function emailName(email: string): string {
  return email.split('@')[0]?.trim() ?? '';
}

/** What the client can tell before asking the server: the length, and that both copies match. */
export function checkNewPassword(
  password: string,
  confirm: string,
  t: Translate,
): Partial<Record<PasswordField, string>> {
  const fields: Partial<Record<PasswordField, string>> = {};
  const length = passwordLength(password);
  if (length === 0) fields.newPassword = t('account.password.error.newRequired');
  else if (length < passwordMinLength) {
    fields.newPassword = t('account.password.error.tooShort', { count: passwordMinLength });
  } else if (length > passwordMaxLength) {
    fields.newPassword = t('account.password.error.tooLong', { count: passwordMaxLength });
  }
  if (confirm === '') fields.confirmPassword = t('account.password.error.confirmRequired');
  else if (confirm !== password) fields.confirmPassword = t('account.password.error.mismatch');
  return fields;
}

const weakRules: Record<string, MessageKey> = {
  too_short: 'account.password.error.tooShort',
  too_long: 'account.password.error.tooLong',
  common: 'account.password.error.common',
  contains_email: 'account.password.error.containsEmail',
};

/** "45 s" or "3 min": how long to wait after too many failed attempts. */
export function waitText(seconds: number, t: Translate): string {
  if (seconds < 90) return t('account.password.wait.seconds', { seconds: Math.max(1, seconds) });
  return t('account.password.wait.minutes', { minutes: Math.ceil(seconds / 60) });
}

function retryAfterSeconds(error: ApiError): number | null {
  const details = error.details as { retryAfterSeconds?: unknown } | undefined;
  const seconds = details?.retryAfterSeconds;
  return typeof seconds === 'number' && Number.isFinite(seconds) ? Math.ceil(seconds) : null;
}

/**
 * The server's answer, in the reader's language, at the field it concerns. `newField` is the
 * field holding the new password; the server calls it `newPassword` (own) or `password` (reset).
 */
export function passwordErrors(error: unknown, t: Translate, locale: Locale): PasswordErrors {
  if (!(error instanceof ApiError)) return { general: errorMessage(error, t), fields: {} };
  const details = error.details as { rule?: unknown } | undefined;
  switch (error.code) {
    case 'WEAK_PASSWORD': {
      const key = typeof details?.rule === 'string' ? weakRules[details.rule] : undefined;
      return {
        general: null,
        fields: {
          newPassword: key
            ? t(key, {
                count: details?.rule === 'too_long' ? passwordMaxLength : passwordMinLength,
              })
            : errorMessage(error, t),
        },
      };
    }
    case 'WRONG_PASSWORD':
      return { general: null, fields: { currentPassword: t('account.password.error.wrong') } };
    case 'RATE_LIMITED': {
      const seconds = retryAfterSeconds(error);
      return {
        general:
          seconds === null
            ? t('account.password.error.rateLimited')
            : t('account.password.error.rateLimitedWait', { wait: waitText(seconds, t) }),
        fields: {},
      };
    }
    default:
      break;
  }
  // A validation error (400) names the body's fields: `body.newPassword`, `body.password`;
  // each problem is worded from its code, at the field it concerns.
  const fields: PasswordErrors['fields'] = {};
  for (const issue of errorIssues(error)) {
    const name = issue.path.replace(/^body\.?/, '');
    const field: PasswordField | null =
      name === 'currentPassword'
        ? 'currentPassword'
        : name === 'newPassword' || name === 'password'
          ? 'newPassword'
          : null;
    if (field !== null && !fields[field]) fields[field] = wordIssue(issue, locale);
  }
  if (Object.keys(fields).length > 0) return { general: null, fields };
  return { general: errorMessage(error, t), fields: {} };
}

/** The fields in the order they sit on the form: focus goes to the first with a problem. */
export const fieldOrder: readonly PasswordField[] = [
  'currentPassword',
  'newPassword',
  'confirmPassword',
];
