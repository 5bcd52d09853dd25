import { PlaceholderPage } from '../../components/placeholder-page';
import { useT } from '../../i18n/i18n-provider';

export function ScorecardsPage() {
  const t = useT();
  return (
    <PlaceholderPage
      title={t('scorecards.title')}
      lead={t('scorecards.lead')}
      items={[t('scorecards.item1'), t('scorecards.item2'), t('scorecards.item3')]}
    />
  );
}
