import { hash, verify } from '@node-rs/argon2';
import { checkPassword } from '../auth/password-policy.js';
import { WeakPasswordError } from '../errors.js';

// OWASP's argon2id floor: 19 MiB, 2 iterations, 1 lane (about 56 ms to hash here).
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of nothing in particular, verified when the email is unknown so timing does not tell. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword('decoy-password-for-unknown-users');
  return decoyHash;
}

/** Refuses a password the policy does not accept, with 422 WEAK_PASSWORD naming the rule. */
export function assertPasswordPolicy(password: string, email: string): void {
  const problem = checkPassword(password, email);
  if (problem) throw new WeakPasswordError(problem.message, { rule: problem.rule });
}
