/** An address under /bo/ that is no page of the back office. */
import { useBo } from '../i18n';
import { Link } from '../router';

export function NotFoundPage() {
  const { t } = useBo();
  return (
    <section className="bo-page">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <p>
        <Link to="/stores">{t('notFound.back')}</Link>
      </p>
    </section>
  );
}
