// A program's profile for the system map: the services it offers, the age groups and regions it
// serves, its languages of service and capacity. Its agency's editors (and admins) change it;
// everyone else who may see the program reads it.

import { type FormEvent, Fragment, useId, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { errorMessage } from '../../api/error-message';
import type { ProgramProfile } from '../../api/system-map-api';
import { useCurrentUser } from '../../auth/auth-provider';
import { fallbackLang, NameText } from '../../components/name-text';
import { PageLayout } from '../../components/page-layout';
import { useI18n } from '../../i18n/i18n-provider';
import { useRichMessage } from '../../i18n/rich-message';
import { languageName, mainLanguages, serviceTypeLang, serviceTypeName } from './labels';
import {
  bodyOf,
  type DraftError,
  draftOf,
  type ProfileDraft,
  toggle,
  typedLanguages,
} from './profile-draft';
import { canEditProfile, systemMapPath } from './system-map-access';
import './system-map.css';
import {
  isMissing,
  useDimensions,
  useOrganization,
  useProgram,
  useProgramProfile,
  useSaveProfile,
  useServiceTypes,
} from './use-system-map';

interface Option {
  code: string;
  label: string;
  /** `'en'` when the label is the English fallback on a French page. */
  lang?: 'en' | undefined;
}

interface Item {
  text: string;
  lang?: 'en' | undefined;
}

interface ProfileOptions {
  serviceTypes: Option[];
  ageGroups: Option[];
  regions: Option[];
}

function CheckboxGroup({
  legend,
  options,
  checked,
  empty,
  onChange,
}: {
  legend: string;
  options: Option[];
  checked: string[];
  empty: string;
  onChange: (next: string[]) => void;
}) {
  const name = useId();
  return (
    <fieldset className="profile-group">
      <legend className="profile-legend">{legend}</legend>
      {options.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="profile-options">
          {options.map((option) => (
            <li key={option.code}>
              <label className="profile-option">
                <input
                  type="checkbox"
                  name={name}
                  value={option.code}
                  checked={checked.includes(option.code)}
                  onChange={(event) => onChange(toggle(checked, option.code, event.target.checked))}
                />
                <span lang={option.lang}>{option.label}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

function ProfileForm({
  programId,
  profile,
  options,
}: {
  programId: string;
  profile: ProgramProfile;
  options: ProfileOptions;
}) {
  const { t, locale, formatDate } = useI18n();
  const [draft, setDraft] = useState<ProfileDraft>(() => draftOf(profile));
  const [invalid, setInvalid] = useState<{ error: DraftError; codes?: string[] } | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const save = useSaveProfile(programId);
  const ids = {
    other: useId(),
    otherHint: useId(),
    otherError: useId(),
    capacity: useId(),
    capacityHint: useId(),
    capacityError: useId(),
  };
  const change = (changes: Partial<ProfileDraft>) => {
    setDraft((current) => ({ ...current, ...changes }));
    setSavedAt(null);
  };
  const languageOptions = mainLanguages.map((code) => ({
    code,
    label: languageName(code, locale, t),
  }));
  // The typed codes this browser can name, read back so a mistyped code shows itself.
  const named = typedLanguages(draft.otherLanguages)
    .filter((code) => /^[a-z]{2,3}$/.test(code))
    .map((code) => languageName(code, locale, t))
    .filter((name) => !/^[a-z]{2,3}$/.test(name));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const outcome = bodyOf(draft, {
      serviceTypes: options.serviceTypes.map((o) => o.code),
      ageGroups: options.ageGroups.map((o) => o.code),
      regions: options.regions.map((o) => o.code),
    });
    if ('error' in outcome) {
      setInvalid(
        outcome.invalid
          ? { error: outcome.error, codes: outcome.invalid }
          : { error: outcome.error },
      );
      document.getElementById(outcome.error === 'languages' ? ids.other : ids.capacity)?.focus();
      return;
    }
    setInvalid(null);
    save.mutate(outcome.body, {
      onSuccess: (saved) => {
        setDraft(draftOf(saved));
        setSavedAt(saved.updatedAt ?? new Date().toISOString());
      },
    });
  };

  const languagesInvalid = invalid?.error === 'languages';
  const capacityInvalid = invalid?.error === 'capacity';

  return (
    <form className="profile-form" onSubmit={submit} noValidate>
      <CheckboxGroup
        legend={t('systemMap.profile.serviceTypes')}
        options={options.serviceTypes}
        checked={draft.serviceTypes}
        empty={t('systemMap.profile.noServiceTypes')}
        onChange={(serviceTypes) => change({ serviceTypes })}
      />
      <CheckboxGroup
        legend={t('systemMap.profile.ageGroups')}
        options={options.ageGroups}
        checked={draft.ageGroups}
        empty={t('systemMap.profile.noAgeGroups')}
        onChange={(ageGroups) => change({ ageGroups })}
      />
      <CheckboxGroup
        legend={t('systemMap.profile.regions')}
        options={options.regions}
        checked={draft.regions}
        empty={t('systemMap.profile.noRegions')}
        onChange={(regions) => change({ regions })}
      />
      <fieldset className="profile-group">
        <legend className="profile-legend">{t('systemMap.profile.languages')}</legend>
        <ul className="profile-options">
          {languageOptions.map((option) => (
            <li key={option.code}>
              <label className="profile-option">
                <input
                  type="checkbox"
                  value={option.code}
                  checked={draft.languages.includes(option.code)}
                  onChange={(event) =>
                    change({
                      languages: toggle(draft.languages, option.code, event.target.checked),
                    })
                  }
                />
                <span>{option.label}</span>
              </label>
            </li>
          ))}
        </ul>
        <div className="profile-field">
          <label htmlFor={ids.other}>{t('systemMap.profile.otherLanguages')}</label>
          <input
            id={ids.other}
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={draft.otherLanguages}
            aria-invalid={languagesInvalid}
            aria-describedby={
              languagesInvalid ? `${ids.otherHint} ${ids.otherError}` : ids.otherHint
            }
            onChange={(event) => change({ otherLanguages: event.target.value })}
          />
          <p id={ids.otherHint} className="profile-hint">
            {t('systemMap.profile.otherLanguagesHint')}
            {named.length > 0 ? (
              <>
                {' '}
                <span className="profile-typed">
                  {t('systemMap.profile.otherLanguagesRead', {
                    names: named.join(', '),
                  })}
                </span>
              </>
            ) : null}
          </p>
          {languagesInvalid ? (
            <p id={ids.otherError} className="form-error">
              {t('systemMap.profile.languagesInvalid', {
                codes: (invalid?.codes ?? []).join(', '),
              })}
            </p>
          ) : null}
        </div>
      </fieldset>
      <div className="profile-field profile-capacity">
        <label htmlFor={ids.capacity}>{t('systemMap.profile.capacity')}</label>
        <input
          id={ids.capacity}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={draft.capacity}
          aria-invalid={capacityInvalid}
          aria-describedby={
            capacityInvalid ? `${ids.capacityHint} ${ids.capacityError}` : ids.capacityHint
          }
          onChange={(event) => change({ capacity: event.target.value })}
        />
        <p id={ids.capacityHint} className="profile-hint">
          {t('systemMap.profile.capacityHint')}
        </p>
        {capacityInvalid ? (
          <p id={ids.capacityError} className="form-error">
            {t('systemMap.profile.capacityInvalid')}
          </p>
        ) : null}
      </div>
      {save.isError ? (
        <p className="form-error" role="alert">
          {errorMessage(save.error, t)}
        </p>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {t(save.isPending ? 'systemMap.profile.saving' : 'systemMap.profile.save')}
        </button>
        <span role="status" className="profile-status">
          {savedAt
            ? t('systemMap.profile.saved', {
                time: formatDate(savedAt, { timeStyle: 'short' }),
              })
            : ''}
        </span>
      </div>
    </form>
  );
}

function ProfileSummary({
  profile,
  options,
}: {
  profile: ProgramProfile;
  options: ProfileOptions;
}) {
  const { t, locale, formatNumber } = useI18n();
  // In the options' order (age groups youngest first), whatever order they were saved in.
  const labelled = (codes: string[], list: Option[]): Item[] => [
    ...list.filter((o) => codes.includes(o.code)).map((o) => ({ text: o.label, lang: o.lang })),
    ...codes.filter((code) => !list.some((o) => o.code === code)).map((code) => ({ text: code })),
  ];
  const rows: { term: string; items: Item[] }[] = [
    {
      term: t('systemMap.profile.serviceTypes'),
      items: labelled(profile.serviceTypes, options.serviceTypes),
    },
    {
      term: t('systemMap.profile.ageGroups'),
      items: labelled(profile.ageGroups, options.ageGroups),
    },
    { term: t('systemMap.profile.regions'), items: labelled(profile.regions, options.regions) },
    {
      term: t('systemMap.profile.languages'),
      items: profile.languages.map((code) => ({ text: languageName(code, locale, t) })),
    },
  ];
  return (
    <dl className="profile-summary">
      {rows.map((row) => (
        <div key={row.term} className="profile-summary-row">
          <dt>{row.term}</dt>
          <dd>
            {row.items.length === 0
              ? t('systemMap.profile.noneGiven')
              : row.items.map((item, index) => (
                  <Fragment key={item.text}>
                    {index > 0 ? ', ' : null}
                    {item.lang ? <span lang={item.lang}>{item.text}</span> : item.text}
                  </Fragment>
                ))}
          </dd>
        </div>
      ))}
      <div className="profile-summary-row">
        <dt>{t('systemMap.profile.capacity')}</dt>
        <dd>
          {profile.capacity === null
            ? t('systemMap.profile.capacityNone')
            : formatNumber(profile.capacity)}
        </dd>
      </div>
    </dl>
  );
}

export function ProgramProfilePage() {
  const { programId = '' } = useParams();
  const [params] = useSearchParams();
  const tableId = params.get('table');
  const { t, locale, formatDate } = useI18n();
  const rich = useRichMessage();
  const user = useCurrentUser();
  const program = useProgram(programId);
  const organization = useOrganization(program.data?.organizationId);
  const profile = useProgramProfile(programId);
  const serviceTypes = useServiceTypes();
  const dimensions = useDimensions();

  const valuesOf = (code: string): Option[] =>
    (dimensions.data?.find((d) => d.code === code)?.values ?? []).map((value) => ({
      code: value.code,
      label: value.label,
      lang: fallbackLang(locale, value.labelFr),
    }));
  const options: ProfileOptions = {
    serviceTypes: (serviceTypes.data ?? []).map((type) => ({
      code: type.code,
      label: serviceTypeName(type.code, type.name, t),
      lang: serviceTypeLang(type.code, type.nameFr, locale),
    })),
    ageGroups: valuesOf('age_group'),
    regions: valuesOf('region'),
  };

  const title = program.data
    ? t('systemMap.profile.title', { program: program.data.name })
    : t('systemMap.profile.titleGeneric');
  const editable = program.data ? canEditProfile(user, program.data.organizationId) : false;
  const failed = program.error ?? profile.error ?? serviceTypes.error ?? dimensions.error;
  const ready = program.data && profile.data && serviceTypes.data && dimensions.data;

  return (
    <PageLayout
      title={title}
      titleLang={program.data ? fallbackLang(locale, program.data.nameFr) : undefined}
    >
      <p className="system-map-kicker">
        <Link to={tableId ? systemMapPath(tableId) : '/system-map'}>
          {t('systemMap.profile.back')}
        </Link>
      </p>
      {failed ? (
        isMissing(failed) ? (
          <p className="notice">{t('systemMap.profile.notFound')}</p>
        ) : (
          <p className="notice" role="alert">
            {errorMessage(failed, t)}
          </p>
        )
      ) : !ready ? (
        <p className="muted">{t('app.loading')}</p>
      ) : (
        <div className="panel profile-panel">
          {organization.data ? (
            <p className="profile-agency">
              {rich('systemMap.profile.agency', {
                agency: (
                  <NameText text={organization.data.name} french={organization.data.nameFr} />
                ),
              })}
            </p>
          ) : null}
          <p className="muted">{t('systemMap.profile.lead')}</p>
          {profile.data.updatedAt === null ? (
            <p className="notice">{t('systemMap.profile.none')}</p>
          ) : (
            <p className="muted profile-updated">
              {t('systemMap.profile.updated', {
                time: formatDate(profile.data.updatedAt, { dateStyle: 'medium' }),
              })}
            </p>
          )}
          {editable ? (
            <ProfileForm
              key={programId}
              programId={programId}
              profile={profile.data}
              options={options}
            />
          ) : (
            <>
              <p className="notice">{t('systemMap.profile.readOnly')}</p>
              <ProfileSummary profile={profile.data} options={options} />
            </>
          )}
        </div>
      )}
    </PageLayout>
  );
}
