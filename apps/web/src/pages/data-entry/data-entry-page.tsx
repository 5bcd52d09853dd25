import { PlaceholderPage } from '../../components/placeholder-page';
import { useT } from '../../i18n/i18n-provider';

export function DataEntryPage() {
  const t = useT();
  return (
    <PlaceholderPage
      title={t('dataEntry.title')}
      lead={t('dataEntry.lead')}
      items={[t('dataEntry.item1'), t('dataEntry.item2'), t('dataEntry.item3')]}
    />
  );
}
