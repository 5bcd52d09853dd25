import { Link } from 'react-router';
import { PageLayout } from '../../components/page-layout';
import { useT } from '../../i18n/i18n-provider';

export function NotFoundPage() {
  const t = useT();
  return (
    <PageLayout title={t('notFound.title')}>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/scorecards">{t('notFound.back')}</Link>
      </p>
    </PageLayout>
  );
}
