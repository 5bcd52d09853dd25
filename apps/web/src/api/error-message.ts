// Turns any thrown value into the sentence a person reads: the server's, else the catalogue's.

import type { Translate } from '../i18n/i18n-provider';
import { ApiError, networkErrorCode } from './client';

export function errorMessage(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    if (error.serverMessage) return error.serverMessage;
    if (error.code === networkErrorCode) return t('errors.network');
    return t('errors.unexpected', { status: String(error.status) });
  }
  return t('errors.unexpected', { status: '?' });
}
