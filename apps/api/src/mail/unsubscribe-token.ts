// Unsubscribe links that work without signing in: a token naming a user and a kind of e-mail,
// signed with HMAC-SHA256 under a key derived from the JWT secret (so the key rotates with it,
// and the secret itself signs nothing but tokens).
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { EmailCategory } from './messages.js';

const CATEGORIES: readonly EmailCategory[] = ['reminders', 'submissions', 'returns'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function keyOf(secret: string): Buffer {
  return createHmac('sha256', secret).update('rba-unsubscribe-v1').digest();
}

function sign(secret: string, payload: string): Buffer {
  return createHmac('sha256', keyOf(secret)).update(payload).digest();
}

/** `<user id>.<category>.<signature>`: readable, and short enough for a URL and a header. */
export function unsubscribeToken(secret: string, userId: string, category: EmailCategory): string {
  const payload = `${userId}.${category}`;
  return `${payload}.${sign(secret, payload).toString('base64url')}`;
}

/** The user and kind a token names, or null when it is malformed or not ours. */
export function readUnsubscribeToken(
  secret: string,
  token: string,
): { userId: string; category: EmailCategory } | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [userId, category, signature] = parts as [string, string, string];
  if (!UUID.test(userId) || !(CATEGORIES as readonly string[]).includes(category)) return null;
  // Compared as text: base64 decoding forgives stray characters and padding bits.
  const given = Buffer.from(signature);
  const expected = Buffer.from(sign(secret, `${userId}.${category}`).toString('base64url'));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { userId, category: category as EmailCategory };
}

export function unsubscribeUrl(
  publicUrl: string,
  secret: string,
  userId: string,
  category: EmailCategory,
): string {
  return `${publicUrl}/api/v1/unsubscribe?token=${encodeURIComponent(unsubscribeToken(secret, userId, category))}`;
}
