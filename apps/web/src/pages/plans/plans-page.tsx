import { PlaceholderPage } from '../../components/placeholder-page';
import { useT } from '../../i18n/i18n-provider';

export function PlansPage() {
  const t = useT();
  return (
    <PlaceholderPage
      title={t('plans.title')}
      lead={t('plans.lead')}
      items={[t('plans.item1'), t('plans.item2'), t('plans.item3')]}
    >
      <section className="panel plans-report" aria-labelledby="plans-report-heading">
        <h2 id="plans-report-heading" className="section-title">
          {t('plans.reportTitle')}
        </h2>
        <p>{t('plans.reportBody')}</p>
      </section>
    </PlaceholderPage>
  );
}
