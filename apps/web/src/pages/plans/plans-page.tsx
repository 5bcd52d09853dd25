import { PlaceholderPage } from '../../components/placeholder-page';
import { useT } from '../../i18n/i18n-provider';

export function PlansPage() {
  const t = useT();
  return (
    <PlaceholderPage
      title={t('plans.title')}
      lead={t('plans.lead')}
      items={[t('plans.item1'), t('plans.item2'), t('plans.item3')]}
    />
  );
}
