import { isAdmin } from '../../api/auth-api';
import { useCurrentUser } from '../../auth/auth-provider';
import { PageLayout } from '../../components/page-layout';
import { PlaceholderPage } from '../../components/placeholder-page';
import { useT } from '../../i18n/i18n-provider';

export function AdminPage() {
  const t = useT();
  const user = useCurrentUser();
  if (!isAdmin(user)) {
    return (
      <PageLayout title={t('admin.title')}>
        <p className="panel">{t('admin.forbidden')}</p>
      </PageLayout>
    );
  }
  return (
    <PlaceholderPage
      title={t('admin.title')}
      lead={t('admin.lead')}
      items={[t('admin.item1'), t('admin.item2'), t('admin.item3')]}
    />
  );
}
