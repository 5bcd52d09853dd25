// The password policy, applied wherever a password is set: user creation, a change of one's own
// password, an admin's reset and ADMIN_PASSWORD at start-up. Pure: no I/O, so that config.ts can
// use it too.
//
// The list of common passwords is @zxcvbn-ts/language-common's `passwords-common` (MIT licence,
// about 49,000 passwords from public breach corpora, as used by zxcvbn-ts's strength estimator).
import { PASSWORD_MIN_LENGTH } from '@rba/schema';
import { dictionary } from '@zxcvbn-ts/language-common';

/** argon2 hashes whatever it is given: a cap keeps one request from costing seconds. */
export const PASSWORD_MAX_LENGTH = 256;

export type PasswordRule = 'too_short' | 'too_long' | 'common' | 'contains_email';

export interface PasswordProblem {
  rule: PasswordRule;
  message: string;
}

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return common;
}

/** Length in characters as people count them (an emoji is one), not UTF-16 code units. */
function length(password: string): number {
  return [...password].length;
}

/**
 * The first rule the password breaks, or undefined when it is acceptable. `email` is the account's
 * email: a password equal to or containing its local part (the part before @) is refused.
 */
export function checkPassword(password: string, email?: string): PasswordProblem | undefined {
  const n = length(password);
  if (n < PASSWORD_MIN_LENGTH) {
    return {
      rule: 'too_short',
      message: `The password must be at least ${PASSWORD_MIN_LENGTH} characters long`,
    };
  }
  if (n > PASSWORD_MAX_LENGTH) {
    return {
      rule: 'too_long',
      message: `The password must be at most ${PASSWORD_MAX_LENGTH} characters long`,
    };
  }
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) {
    return {
      rule: 'common',
      message: 'The password is on a list of commonly used passwords; choose another',
    };
  }
  const local = email?.split('@')[0]?.trim().toLowerCase() ?? '';
  // A one- or two-letter local part ("a@…") would refuse half the dictionary: skip those.
  if (local.length >= 3 && lower.includes(local)) {
    return {
      rule: 'contains_email',
      message: 'The password must not contain the email address or its name part',
    };
  }
  return undefined;
}
