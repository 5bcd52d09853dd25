import { PlaceholderPage } from '../../components/placeholder-page';
import { useT } from '../../i18n/i18n-provider';

export function ImportsPage() {
  const t = useT();
  return (
    <PlaceholderPage
      title={t('imports.title')}
      lead={t('imports.lead')}
      items={[t('imports.item1'), t('imports.item2'), t('imports.item3')]}
    />
  );
}
