// The auth routes of the API (CONTRACT.md). Roles and grants are @rba/schema's types (types only:
// no zod in the bundle).

import type { ChangePasswordBody, Locale, Role, RoleGrant } from '@rba/schema';
import { apiRequest, refreshSession } from './client';

export type { Role, RoleGrant };

export interface User {
  id: string;
  email: string;
  name: string;
  locale: Locale;
  roles: RoleGrant[];
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface LoginResponse {
  token: string;
  expiresAt?: string;
  user: User;
}

export function login(credentials: LoginRequest): Promise<LoginResponse> {
  return apiRequest<LoginResponse>('/auth/login', { method: 'POST', body: credentials });
}

/**
 * Restores the session after a reload: the refresh cookie (HttpOnly, never seen by scripts)
 * buys a new access token. Null when there is no session to restore.
 */
export function restoreSession(): Promise<LoginResponse | null> {
  return refreshSession<User>();
}

export type ChangePasswordRequest = ChangePasswordBody;

/**
 * Changes the caller's own password. The answer is a new session (the server ends every other
 * one and sets a new refresh cookie): the caller keeps its token from it.
 */
export function changePassword(body: ChangePasswordRequest): Promise<LoginResponse> {
  return apiRequest<LoginResponse>('/auth/password', { method: 'POST', body });
}

export function logout(): Promise<void> {
  return apiRequest<void>('/auth/logout', { method: 'POST' });
}

export function fetchMe(signal?: AbortSignal): Promise<User> {
  return apiRequest<User>('/me', signal ? { signal } : {});
}

export function isAdmin(user: User): boolean {
  return user.roles.some((grant) => grant.role === 'admin');
}
