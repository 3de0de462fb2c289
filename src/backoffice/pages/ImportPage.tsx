/**
 * "Import og eksport" (/import; issue 17 point 5): members in from another
 * system's CSV — upload (in parts), map the columns, a dry run that lists
 * every row not taken and why, then the import with its progress — and the
 * members out as a CSV file for Excel. Importing is the owners'; a store
 * manager sees the export only.
 */
import { useSession } from '../session';
import { useBo } from '../i18n';
import { Exporter } from './import/Exporter';
import { Importer } from './import/Importer';
import './import/import.css';

export function ImportPage() {
  const { t } = useBo();
  const { session } = useSession();
  const owner = typeof session === 'object' && session?.account.role === 'owner';
  return (
    <div className="bo-page im-page">
      <div className="bo-page-head">
        <h1>{t('nav.import')}</h1>
      </div>
      {owner ? <Importer /> : <p className="bo-hint">{t('import.ownersOnly')}</p>}
      <Exporter />
    </div>
  );
}
