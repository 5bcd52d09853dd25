// Saves the survey answer as it is filled in: each change waits a moment for the next one, then
// the whole answer set goes in one PUT. One save at a time; a change made while one is on its way
// goes next. A failed save keeps its answers for "Try again" (or the next change).

import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import { type PartnerAnswer, saveMyResponse } from '../../api/partnerships-api';
import { partnershipKeys } from './use-partnerships';

export type SaveStatus =
  | { state: 'idle' }
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'saved' }
  | { state: 'closed' }
  | { state: 'failed'; error: unknown };

/** How long a change waits for the next before it is saved, in ms. */
export const saveDelay = 700;

export function isSurveyClosed(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'SURVEY_CLOSED';
}

export function useAutosave(surveyId: string, organizationId?: string) {
  const client = useQueryClient();
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });
  const waiting = useRef<PartnerAnswer[] | null>(null);
  const busy = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const mounted = useRef(true);

  const send = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    const answers = waiting.current;
    if (busy.current || answers === null) return;
    waiting.current = null;
    busy.current = true;
    if (mounted.current) setStatus({ state: 'saving' });
    try {
      await saveMyResponse(surveyId, answers, organizationId);
      busy.current = false;
      // The lists of surveys to answer (home, partnerships) now read "answered".
      void client.invalidateQueries({ queryKey: partnershipKeys.mine() });
      if (waiting.current !== null) return send();
      if (mounted.current) setStatus({ state: 'saved' });
    } catch (error) {
      busy.current = false;
      waiting.current ??= answers;
      if (!mounted.current) return;
      setStatus(isSurveyClosed(error) ? { state: 'closed' } : { state: 'failed', error });
    }
  }, [surveyId, organizationId, client]);

  const schedule = useCallback(
    (answers: PartnerAnswer[]) => {
      waiting.current = answers;
      setStatus({ state: 'pending' });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void send(), saveDelay);
    },
    [send],
  );

  // Leaving the page with a change not yet sent: send it now.
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      clearTimeout(timer.current);
      if (waiting.current !== null && !busy.current) void send().catch(() => undefined);
    };
  }, [send]);

  return { status, schedule, retry: () => void send() };
}
