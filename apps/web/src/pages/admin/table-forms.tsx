// A planning table's texts in English and French: the form for a new table, and the form that
// changes one (filled from the table as stored, `?lang=en`, so each language has its own field).

import { type FormEvent, useState } from 'react';
import type { PlanningTable, TableTexts } from '../../api/admin-api';
import { errorMessage } from '../../api/error-message';
import { useI18n } from '../../i18n/i18n-provider';
import { Done, FormMessage, TwinFields, useFormErrors } from './admin-form';
import { useCreateTable, useTableAsStored, useUpdateTable } from './use-admin';

type Pair = { en: string; fr: string };
interface Texts {
  name: Pair;
  population: Pair;
  description: Pair;
}

const emptyTexts: Texts = {
  name: { en: '', fr: '' },
  population: { en: '', fr: '' },
  description: { en: '', fr: '' },
};

const fieldNames = [
  'name',
  'nameFr',
  'population',
  'populationFr',
  'description',
  'descriptionFr',
] as const;

function storedTexts(table: PlanningTable): Texts {
  return {
    name: { en: table.name, fr: table.nameFr ?? '' },
    population: { en: table.population, fr: table.populationFr ?? '' },
    description: { en: table.description ?? '', fr: table.descriptionFr ?? '' },
  };
}

/** What a form's texts send: each trimmed, an empty French (or description) as none. */
function bodyOf(texts: Texts): TableTexts {
  const orNull = (text: string) => (text.trim() === '' ? null : text.trim());
  return {
    name: texts.name.en.trim(),
    nameFr: orNull(texts.name.fr),
    population: texts.population.en.trim(),
    populationFr: orNull(texts.population.fr),
    description: orNull(texts.description.en),
    descriptionFr: orNull(texts.description.fr),
  };
}

/** The six fields, in pairs. */
function TableTextFields({
  idBase,
  texts,
  onChange,
  errors,
}: {
  idBase: string;
  texts: Texts;
  onChange: (texts: Texts) => void;
  errors: Record<string, string>;
}) {
  const { t } = useI18n();
  const set = (field: keyof Texts) => (lang: 'en' | 'fr', value: string) =>
    onChange({ ...texts, [field]: { ...texts[field], [lang]: value } });
  return (
    <div className="admin-form-fields">
      <TwinFields
        id={`${idBase}-name`}
        labels={{ en: t('admin.tables.nameEn'), fr: t('admin.tables.nameFr') }}
        values={texts.name}
        onChange={set('name')}
        errors={{ en: errors.name, fr: errors.nameFr }}
        required
      />
      <TwinFields
        id={`${idBase}-population`}
        labels={{ en: t('admin.tables.populationEn'), fr: t('admin.tables.populationFr') }}
        hint={t('admin.tables.populationHint')}
        values={texts.population}
        onChange={set('population')}
        errors={{ en: errors.population, fr: errors.populationFr }}
        required
      />
      <TwinFields
        id={`${idBase}-description`}
        labels={{ en: t('admin.tables.descriptionEn'), fr: t('admin.tables.descriptionFr') }}
        values={texts.description}
        onChange={set('description')}
        errors={{ en: errors.description, fr: errors.descriptionFr }}
        multiline
      />
    </div>
  );
}

export function CreateTableForm() {
  const { t } = useI18n();
  const create = useCreateTable();
  const [texts, setTexts] = useState<Texts>(emptyTexts);
  const { errors, formRef, summaryRef, refuse, clear } = useFormErrors(fieldNames);
  const [done, setDone] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    // A new table has no French to remove: an empty one is left out.
    const body = Object.fromEntries(
      Object.entries(bodyOf(texts)).filter(([key, value]) => !key.endsWith('Fr') || value !== null),
    ) as unknown as TableTexts;
    create.mutate(body, {
      onSuccess: (table) => {
        clear();
        setTexts(emptyTexts);
        setDone(t('admin.tables.created', { name: table.name }));
      },
      onError: refuse,
    });
  };

  return (
    <form
      ref={formRef}
      className="admin-form panel"
      onSubmit={submit}
      noValidate
      aria-labelledby="admin-table-new"
    >
      <h3 id="admin-table-new" className="admin-form-title">
        {t('admin.tables.new')}
      </h3>
      <FormMessage errors={errors} summaryRef={summaryRef} />
      <TableTextFields
        idBase="admin-table"
        texts={texts}
        onChange={setTexts}
        errors={errors.fields}
      />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {t('admin.tables.create')}
        </button>
      </div>
      <Done message={done} />
    </form>
  );
}

function EditTableFields({ table, title }: { table: PlanningTable; title: string }) {
  const { t } = useI18n();
  const update = useUpdateTable();
  const [texts, setTexts] = useState<Texts>(() => storedTexts(table));
  const { errors, formRef, summaryRef, refuse, clear } = useFormErrors(fieldNames);
  const [done, setDone] = useState<string | null>(null);

  const before = bodyOf(storedTexts(table));
  const after = bodyOf(texts);
  const body = Object.fromEntries(
    Object.entries(after).filter(([key, value]) => before[key as keyof TableTexts] !== value),
  ) as Partial<TableTexts>;
  const changed = Object.keys(body).length > 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    if (!changed) return;
    update.mutate(
      { tableId: table.id, body },
      {
        onSuccess: () => {
          clear();
          setDone(t('admin.tables.saved'));
        },
        onError: refuse,
      },
    );
  };

  return (
    <form
      ref={formRef}
      className="admin-form"
      onSubmit={submit}
      noValidate
      aria-labelledby="admin-table-edit"
    >
      <h4 id="admin-table-edit" className="admin-form-title">
        {title}
      </h4>
      <FormMessage errors={errors} summaryRef={summaryRef} />
      <TableTextFields
        idBase="admin-table-edit"
        texts={texts}
        onChange={setTexts}
        errors={errors.fields}
      />
      <div className="button-row">
        <button
          type="submit"
          className="button button-primary"
          disabled={update.isPending || !changed}
        >
          {t('admin.tables.save')}
        </button>
      </div>
      <Done message={done} />
    </form>
  );
}

/** A table's texts, read as stored before the form is drawn with them. */
export function EditTableForm({ tableId, title }: { tableId: string; title: string }) {
  const { t } = useI18n();
  const table = useTableAsStored(tableId);
  if (table.isPending) return <p className="muted">{t('app.loading')}</p>;
  if (table.isError) {
    return (
      <p className="form-error" role="alert">
        {errorMessage(table.error, t)}
      </p>
    );
  }
  return <EditTableFields table={table.data} title={title} />;
}
