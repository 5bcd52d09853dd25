// "This quarter": an agency's staff enter the quarter's figures beside the three before it, fix
// what a coordinator returned or reopened for correction, and submit the quarter for review.

import './data-entry.css';
import { type ReactNode, useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { User } from '../../api/auth-api';
import type { EntrySheet } from '../../api/entry-api';
import { errorMessage } from '../../api/error-message';
import { queryKeys } from '../../api/query-keys';
import { useCurrentUser } from '../../auth/auth-provider';
import { PageLayout } from '../../components/page-layout';
import { useI18n } from '../../i18n/i18n-provider';
import { EntryGrid } from './entry-grid';
import { CheckLists, findingsSummary, hasFindings } from './period-checks';
import { isHandedBack, ReturnedBanner, SubmissionBadge } from './submission-status';
import { EntryCellsProvider, useEntryCells, useEntryCellsState } from './use-entry-cells';
import {
  isMissingSheet,
  type OrganizationChoice,
  useEntryOrganizations,
  useEntrySheet,
  usePeriodChecks,
  useSubmitPeriod,
} from './use-entry-sheet';

function isCoordinator(user: User): boolean {
  return user.roles.some((g) => g.role === 'table_coordinator' || g.role === 'admin');
}

export function DataEntryPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const organizations = useEntryOrganizations(user);
  const [params, setParams] = useSearchParams();
  const choices = organizations.state === 'ready' ? organizations.choices : [];
  const only = choices.length === 1 ? choices[0] : undefined;
  const organizationId = params.get('organization') ?? only?.id ?? null;
  const period = params.get('period');

  const setParam = (name: 'organization' | 'period', value: string | null) => {
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      if (value === null) next.delete(name);
      else next.set(name, value);
      if (name === 'organization') next.delete('period');
      return next;
    });
  };

  const picker =
    choices.length > 1 ? (
      <OrganizationPicker
        choices={choices}
        value={organizationId}
        onChange={(id) => setParam('organization', id)}
      />
    ) : null;

  let content: ReactNode;
  if (organizations.state === 'none') {
    content = (
      <div className="notice">
        <p>{t('dataEntry.notStaff')}</p>
        {isCoordinator(user) ? (
          <p>
            <Link to="/review">{t('dataEntry.toReview')}</Link>
          </p>
        ) : null}
      </div>
    );
  } else if (organizations.state === 'loading') {
    content = <p className="muted">{t('app.loading')}</p>;
  } else if (organizationId === null) {
    content = <p className="notice">{t('dataEntry.pickOrganization')}</p>;
  } else {
    content = (
      <EntrySheetView
        key={`${organizationId}|${period ?? ''}`}
        organizationId={organizationId}
        period={period}
        onPeriod={(label) => setParam('period', label)}
      />
    );
  }

  return (
    <PageLayout title={t('dataEntry.pageTitle')} actions={picker}>
      {content}
    </PageLayout>
  );
}

function OrganizationPicker({
  choices,
  value,
  onChange,
}: {
  choices: OrganizationChoice[];
  value: string | null;
  onChange: (id: string) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="entry-picker">
      <label htmlFor={id}>{t('dataEntry.organization')}</label>
      <select id={id} value={value ?? ''} onChange={(event) => onChange(event.target.value)}>
        {value === null ? <option value="">{t('dataEntry.chooseOrganization')}</option> : null}
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </div>
  );
}

function EntrySheetView({
  organizationId,
  period,
  onPeriod,
}: {
  organizationId: string;
  period: string | null;
  onPeriod: (label: string | null) => void;
}) {
  const { t } = useI18n();
  const sheet = useEntrySheet(organizationId, period);
  if (sheet.isPending) return <p className="muted">{t('app.loading')}</p>;
  if (sheet.error) {
    if (isMissingSheet(sheet.error)) return <p className="notice">{t('dataEntry.notFound')}</p>;
    return (
      <div className="form-error" role="alert">
        <p>{errorMessage(sheet.error, t)}</p>
        <button type="button" className="button" onClick={() => void sheet.refetch()}>
          {t('errors.retry')}
        </button>
      </div>
    );
  }
  return (
    <LoadedSheet
      sheet={sheet.data}
      queryKey={queryKeys.entrySheet(organizationId, period)}
      browsing={period !== null}
      onPeriod={onPeriod}
    />
  );
}

function LoadedSheet({
  sheet,
  queryKey,
  browsing,
  onPeriod,
}: {
  sheet: EntrySheet;
  queryKey: readonly unknown[];
  browsing: boolean;
  onPeriod: (label: string | null) => void;
}) {
  const cells = useEntryCellsState(sheet, queryKey);
  const editable = sheet.canEdit && sheet.lock === null;
  return (
    <EntryCellsProvider value={cells}>
      <div className="entry-sheet">
        {sheet.submission && isHandedBack(sheet.submission.status) ? (
          <ReturnedBanner submission={sheet.submission} period={sheet.period.label} />
        ) : null}
        <SheetHeading sheet={sheet} browsing={browsing} onPeriod={onPeriod} />
        <LockNotice sheet={sheet} />
        <EntryGrid editable={editable} />
        {editable ? <SubmitQuarter /> : null}
      </div>
    </EntryCellsProvider>
  );
}

function SheetHeading({
  sheet,
  browsing,
  onPeriod,
}: {
  sheet: EntrySheet;
  browsing: boolean;
  onPeriod: (label: string | null) => void;
}) {
  const { t, periodName } = useI18n();
  const before = sheet.periods[sheet.periods.length - 2];
  return (
    <div className="entry-heading">
      <div>
        <p className="entry-organization">{sheet.organization.name}</p>
        <p className="entry-period">
          <span>{t('dataEntry.heading.period', { period: periodName(sheet.period.label) })}</span>{' '}
          <SubmissionBadge status={sheet.submission?.status ?? 'draft'} />
        </p>
      </div>
      <div className="entry-period-nav">
        {before ? (
          <button type="button" className="button" onClick={() => onPeriod(before.label)}>
            <span aria-hidden="true">← </span>
            {t('dataEntry.periodNav.previous', { period: periodName(before.label) })}
          </button>
        ) : null}
        {browsing ? (
          <button type="button" className="button" onClick={() => onPeriod(null)}>
            {t('dataEntry.periodNav.current')}
          </button>
        ) : null}
      </div>
    </div>
  );
}

function LockNotice({ sheet }: { sheet: EntrySheet }) {
  const { t, formatDate } = useI18n();
  const notice = useRef<HTMLParagraphElement>(null);
  const lockedBefore = useRef(sheet.lock);
  // Submitting locks the grid the focus was in: move the focus to the reason.
  useEffect(() => {
    if (lockedBefore.current === null && sheet.lock !== null) notice.current?.focus();
    lockedBefore.current = sheet.lock;
  }, [sheet.lock]);
  const date = (iso: string | null | undefined) => (iso ? formatDate(iso) : '');
  let text: string | null = null;
  switch (sheet.lock) {
    case 'submitted':
      text = t('dataEntry.lock.submitted', { date: date(sheet.submission?.submittedAt) });
      break;
    case 'approved':
      text = t('dataEntry.lock.approved', { date: date(sheet.submission?.reviewedAt) });
      break;
    case 'closed':
      text = t('dataEntry.lock.closed');
      break;
    case null:
      text = sheet.canEdit ? null : t('dataEntry.lock.viewOnly');
      break;
    default: {
      const unhandled: never = sheet.lock;
      text = unhandled;
    }
  }
  return (
    <div role="status" className="entry-lock-region">
      {text ? (
        <p ref={notice} tabIndex={-1} className="notice entry-lock">
          <strong>{t('dataEntry.lock.title')}</strong> {text}
        </p>
      ) : null}
    </div>
  );
}

function SubmitQuarter() {
  const { t, periodName } = useI18n();
  const { sheet, store } = useEntryCells();
  useSyncExternalStore(store.subscribe, store.snapshot);
  const submit = useSubmitPeriod(sheet.organization.id);
  const [confirming, setConfirming] = useState(false);
  const checks = usePeriodChecks(sheet.organization.id, sheet.period.label, confirming);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const checksId = useId();
  const unsettled = store.unsettled();
  const period = periodName(sheet.period.label);
  const again = isHandedBack(sheet.submission?.status);
  const findings = checks.data ? hasFindings(checks.data) : false;

  const retried = useRef(false);

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  // Checking again removes the button that asked for it once the checks arrive: back to confirm.
  useEffect(() => {
    if (checks.data && retried.current) {
      retried.current = false;
      confirmButton.current?.focus();
    }
  }, [checks.data]);

  return (
    <section className="entry-submit panel" aria-labelledby={titleId}>
      <h2 id={titleId} className="section-title">
        {t('dataEntry.submit.title', { period })}
      </h2>
      <p>{t('dataEntry.submit.lead')}</p>
      {confirming ? (
        <div
          className="entry-confirm"
          role="alertdialog"
          aria-labelledby={`${titleId}-confirm`}
          aria-describedby={`${bodyId} ${checksId}`}
        >
          <p id={`${titleId}-confirm`}>
            <strong>{t('dataEntry.submit.confirmTitle', { period })}</strong>
          </p>
          <p id={bodyId}>{t('dataEntry.submit.confirmBody')}</p>
          <SubmitChecks
            sheet={sheet}
            checks={checks}
            summaryId={checksId}
            onRetry={() => {
              retried.current = true;
              void checks.refetch();
            }}
          />
          {unsettled > 0 ? (
            <p className="form-error">
              {unsettled === 1
                ? t('dataEntry.submit.unsavedOne')
                : t('dataEntry.submit.unsavedMany', { count: unsettled })}
            </p>
          ) : null}
          <div className="button-row">
            <button
              ref={confirmButton}
              type="button"
              className="button button-primary"
              aria-disabled={submit.isPending || unsettled > 0}
              onClick={() => {
                if (!submit.isPending && unsettled === 0) submit.mutate(sheet.period.label);
              }}
            >
              {submit.isPending
                ? t('dataEntry.submit.submitting')
                : findings
                  ? t('dataEntry.submit.anyway')
                  : t('dataEntry.submit.confirm')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setConfirming(false);
                queueMicrotask(() => openButton.current?.focus());
              }}
            >
              {findings ? t('dataEntry.submit.back') : t('dataEntry.submit.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button
          ref={openButton}
          type="button"
          className="button button-primary"
          onClick={() => setConfirming(true)}
        >
          {again
            ? t('dataEntry.submit.again', { period })
            : t('dataEntry.submit.button', { period })}
        </button>
      )}
      {submit.error ? (
        <p className="form-error" role="alert">
          {errorMessage(submit.error, t)}
        </p>
      ) : null}
    </section>
  );
}

/**
 * What the checks found, inside the confirmation: a live summary (announced when the checks
 * arrive; the confirmation's description) and the lists under headings. Never blocks submitting.
 */
function SubmitChecks({
  sheet,
  checks,
  summaryId,
  onRetry,
}: {
  sheet: EntrySheet;
  checks: ReturnType<typeof usePeriodChecks>;
  summaryId: string;
  onRetry: () => void;
}) {
  const { t } = useI18n();
  let summary: string;
  let summaryClass = 'muted';
  if (checks.data) {
    const found = findingsSummary(t, checks.data);
    summary = found
      ? t('dataEntry.checks.lookFirst', { findings: found })
      : t('dataEntry.checks.clear');
    if (found) summaryClass = 'visually-hidden';
  } else if (checks.error && !checks.isFetching) {
    summary = t('dataEntry.checks.failed');
    summaryClass = 'entry-checks-failed';
  } else {
    summary = t('dataEntry.checks.loading');
  }
  return (
    <section className="entry-checks" aria-label={t('dataEntry.checks.title')}>
      <p id={summaryId} role="status" className={summaryClass}>
        {summary}
      </p>
      {checks.error && !checks.data ? (
        <button type="button" className="button" onClick={onRetry}>
          {t('dataEntry.checks.retry')}
        </button>
      ) : null}
      {checks.data && hasFindings(checks.data) ? (
        <>
          <CheckLists sheet={sheet} checks={checks.data} />
          <p className="entry-checks-hint">{t('dataEntry.checks.hint')}</p>
        </>
      ) : null}
    </section>
  );
}
