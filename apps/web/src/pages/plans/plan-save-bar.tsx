// The save bar: what is unsaved or was last done, and the discard and save buttons.

import type { PlanSectionName } from '../../api/plans-api';
import { useI18n } from '../../i18n/i18n-provider';
import type { Notice } from './plan-editor-state';

export function PlanSaveBar({
  dirty,
  changed,
  saveError,
  saving,
  notice,
  conflicted,
  onDiscard,
  onSave,
}: {
  dirty: boolean;
  changed: readonly PlanSectionName[];
  saveError: string | null;
  saving: boolean;
  notice: Notice;
  conflicted: boolean;
  onDiscard: () => void;
  onSave: () => void;
}) {
  const { t } = useI18n();

  const noticeText = (notice: Notice): string | null => {
    if (!notice) return null;
    switch (notice.kind) {
      case 'saved':
        return t('plans.notice.saved', { revision: notice.revision });
      case 'restored':
        return t('plans.notice.restored', { revision: notice.revision, from: notice.from });
      case 'rebased':
        return t('plans.notice.rebased', { revision: notice.revision });
      case 'tookTheirs':
        return t('plans.notice.tookTheirs', { revision: notice.revision });
      case 'restoreConflict':
        return t('plans.notice.restoreConflict', { revision: notice.revision });
      default: {
        const unhandled: never = notice;
        return String(unhandled);
      }
    }
  };

  return (
    <section
      className={`plan-savebar${dirty || saveError ? ' plan-savebar-pinned' : ''}`}
      aria-label={t('plans.save.region')}
    >
      <div className="plan-savebar-status" aria-live="polite">
        {saveError ? (
          <p className="form-error">{saveError}</p>
        ) : saving ? (
          <p>{t('plans.save.saving')}</p>
        ) : (
          <>
            {notice ? <p className="plan-notice">{noticeText(notice)}</p> : null}
            {dirty ? (
              <p>
                {t('plans.save.unsaved', {
                  sections: changed.map((s) => t(`plans.section.${s}`)).join(', '),
                })}
              </p>
            ) : notice ? null : (
              <p className="muted">{t('plans.save.clean')}</p>
            )}
          </>
        )}
      </div>
      <div className="plan-savebar-buttons">
        <button type="button" className="button" disabled={!dirty || saving} onClick={onDiscard}>
          {t('plans.save.discard')}
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={!dirty || saving || conflicted}
          onClick={onSave}
        >
          {saving ? t('plans.save.saving') : t('plans.save.submit')}
        </button>
      </div>
    </section>
  );
}
