// A modal dialog to download the figures (observations.csv) or the scorecard (scorecard.csv) of
// what the opening page shows: focus stays inside, Esc closes, focus returns to the opener.

import { useId, useState } from 'react';
import { withLang } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { downloadCsv } from '../../api/imports-api';
import { useCurrentUser } from '../../auth/auth-provider';
import { useT } from '../../i18n/i18n-provider';
import type { MessageKey } from '../../i18n/messages.en';
import { useRichMessage } from '../../i18n/rich-message';
import { ModalDialog } from '../modal-dialog/modal-dialog';
import { NameText } from '../name-text';
import {
  type ExportScope,
  type ObservationStatus,
  observationsExportUrl,
  scorecardExportUrl,
  visibleStatuses,
} from './export-url';
import { scopeKind, useScopeName } from './use-scope-name';
import './export-dialog.css';

const scopeLabels: Record<ReturnType<typeof scopeKind>, MessageKey> = {
  table: 'imports.export.scope.table',
  organization: 'imports.export.scope.organization',
  measure: 'imports.export.scope.measure',
};

const statusLabels: Record<ObservationStatus, MessageKey> = {
  draft: 'imports.export.status.draft',
  submitted: 'imports.export.status.submitted',
  approved: 'imports.export.status.approved',
  returned: 'imports.export.status.returned',
};

type Outcome =
  | { state: 'idle' }
  | { state: 'working' }
  | { state: 'saved'; name: string }
  | { state: 'failed'; message: string };

export interface ExportDialogProps {
  scope: ExportScope;
  /** The period the opening page shows: the scorecard's default. */
  period?: string;
  onClose: () => void;
}

export function ExportDialog({ scope, period, onClose }: ExportDialogProps) {
  const t = useT();
  const user = useCurrentUser();
  const name = useScopeName(scope);
  const rich = useRichMessage();
  const ids = useId();
  const scorecardAllowed = !('measureId' in scope);
  const statuses = visibleStatuses(user);

  const [what, setWhat] = useState<'observations' | 'scorecard'>('observations');
  const [layout, setLayout] = useState<'long' | 'wide'>('long');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [breakdowns, setBreakdowns] = useState(true);
  const [chosen, setChosen] = useState<ObservationStatus[]>(statuses);
  const [scorecardPeriod, setScorecardPeriod] = useState(period ?? '');
  // On by default: most people open the file in Excel, which reads accents only with a BOM.
  const [spreadsheet, setSpreadsheet] = useState(true);
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });

  const filterStatuses = statuses.length > 1;
  const noStatus = what === 'observations' && filterStatuses && chosen.length === 0;

  const url =
    what === 'scorecard' && scorecardAllowed
      ? scorecardExportUrl({
          scope: scope as Exclude<ExportScope, { measureId: string }>,
          period: scorecardPeriod,
          spreadsheet,
        })
      : observationsExportUrl({
          scope,
          layout,
          from,
          to,
          breakdowns,
          statuses: filterStatuses && chosen.length < statuses.length ? chosen : null,
          spreadsheet,
        });

  const download = async () => {
    if (noStatus) return;
    setOutcome({ state: 'working' });
    try {
      // In the page's language: the file's names and headings follow it.
      const saved = await downloadCsv(
        withLang(url),
        what === 'scorecard' ? 'scorecard.csv' : 'observations.csv',
      );
      setOutcome({ state: 'saved', name: saved });
    } catch (error) {
      setOutcome({ state: 'failed', message: errorMessage(error, t) });
    }
  };

  const toggleStatus = (status: ObservationStatus, on: boolean) =>
    setChosen((current) => statuses.filter((s) => (s === status ? on : current.includes(s))));

  const periodHint = `${ids}-period-hint`;

  return (
    <ModalDialog title={t('imports.export.title')} onClose={onClose} className="export-dialog">
      <p className="export-dialog-scope">
        {rich(scopeLabels[scopeKind(scope)], {
          name: name ? (
            <NameText text={name.name} french={name.nameFr} />
          ) : (
            t('imports.export.scope.loading')
          ),
        })}
      </p>

      <form
        className="export-dialog-form"
        onSubmit={(event) => {
          event.preventDefault();
          void download();
        }}
      >
        {scorecardAllowed ? (
          <fieldset className="export-fieldset">
            <legend>{t('imports.export.what')}</legend>
            <label className="export-choice">
              <input
                type="radio"
                name={`${ids}-what`}
                checked={what === 'observations'}
                onChange={() => setWhat('observations')}
              />
              <span>
                {t('imports.export.what.observations')}
                <span className="export-choice-hint">
                  {t('imports.export.what.observationsHint')}
                </span>
              </span>
            </label>
            <label className="export-choice">
              <input
                type="radio"
                name={`${ids}-what`}
                checked={what === 'scorecard'}
                onChange={() => setWhat('scorecard')}
              />
              <span>
                {t('imports.export.what.scorecard')}
                <span className="export-choice-hint">{t('imports.export.what.scorecardHint')}</span>
              </span>
            </label>
          </fieldset>
        ) : null}

        {what === 'observations' ? (
          <>
            <fieldset className="export-fieldset">
              <legend>{t('imports.export.layout')}</legend>
              <label className="export-choice">
                <input
                  type="radio"
                  name={`${ids}-layout`}
                  checked={layout === 'long'}
                  onChange={() => setLayout('long')}
                />
                <span>{t('imports.export.layout.long')}</span>
              </label>
              <label className="export-choice">
                <input
                  type="radio"
                  name={`${ids}-layout`}
                  checked={layout === 'wide'}
                  onChange={() => setLayout('wide')}
                />
                <span>{t('imports.export.layout.wide')}</span>
              </label>
            </fieldset>

            <fieldset className="export-fieldset">
              <legend>{t('imports.export.range')}</legend>
              <p id={periodHint} className="export-hint">
                {t('imports.export.range.hint')}
              </p>
              <div className="export-range">
                <div className="field">
                  <label htmlFor={`${ids}-from`}>{t('imports.export.from')}</label>
                  <input
                    id={`${ids}-from`}
                    value={from}
                    onChange={(e) => setFrom(e.target.value)}
                    aria-describedby={periodHint}
                    maxLength={20}
                    autoComplete="off"
                  />
                </div>
                <div className="field">
                  <label htmlFor={`${ids}-to`}>{t('imports.export.to')}</label>
                  <input
                    id={`${ids}-to`}
                    value={to}
                    onChange={(e) => setTo(e.target.value)}
                    aria-describedby={periodHint}
                    maxLength={20}
                    autoComplete="off"
                  />
                </div>
              </div>
            </fieldset>

            <label className="export-choice">
              <input
                type="checkbox"
                checked={breakdowns}
                onChange={(e) => setBreakdowns(e.target.checked)}
              />
              <span>{t('imports.export.breakdowns')}</span>
            </label>

            {filterStatuses ? (
              <fieldset className="export-fieldset">
                <legend>{t('imports.export.status')}</legend>
                <div className="export-statuses">
                  {statuses.map((status) => (
                    <label key={status} className="export-choice">
                      <input
                        type="checkbox"
                        checked={chosen.includes(status)}
                        onChange={(e) => toggleStatus(status, e.target.checked)}
                      />
                      <span>{t(statusLabels[status])}</span>
                    </label>
                  ))}
                </div>
                {noStatus ? (
                  <p className="form-error" role="alert">
                    {t('imports.export.status.none')}
                  </p>
                ) : null}
              </fieldset>
            ) : null}
          </>
        ) : (
          <div className="field">
            <label htmlFor={`${ids}-period`}>{t('imports.export.period')}</label>
            <input
              id={`${ids}-period`}
              value={scorecardPeriod}
              onChange={(e) => setScorecardPeriod(e.target.value)}
              aria-describedby={`${ids}-scorecard-hint`}
              maxLength={20}
              autoComplete="off"
            />
            <p id={`${ids}-scorecard-hint`} className="export-hint">
              {t('imports.export.period.hint')}
            </p>
          </div>
        )}

        <label className="export-choice">
          <input
            type="checkbox"
            checked={spreadsheet}
            onChange={(e) => setSpreadsheet(e.target.checked)}
          />
          <span>
            {t('imports.export.spreadsheet')}
            <span className="export-choice-hint">{t('imports.export.spreadsheet.hint')}</span>
          </span>
        </label>

        <p className="export-note">{t('imports.export.fundersNote')}</p>

        <div role="status" className="export-outcome">
          {outcome.state === 'working' ? t('imports.export.working') : null}
          {outcome.state === 'saved' ? t('imports.export.saved', { name: outcome.name }) : null}
        </div>
        {outcome.state === 'failed' ? (
          <p className="form-error" role="alert">
            {outcome.message}
          </p>
        ) : null}

        <div className="button-row">
          <button
            type="submit"
            className="button button-primary"
            disabled={outcome.state === 'working' || noStatus}
          >
            {t('imports.export.download')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('imports.export.close')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
