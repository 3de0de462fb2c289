/** A message of the page: an error (role alert) or a confirmation (role status). */
import type { Shown } from '../../core/i18n';
import { useBo } from '../i18n';

export function Alert({
  kind,
  shown,
  testId,
}: {
  kind: 'error' | 'info' | 'ok';
  shown: Shown | string | null;
  testId?: string;
}) {
  const { say } = useBo();
  if (shown === null) return null;
  return (
    <p
      className={`bo-alert bo-alert-${kind}`}
      role={kind === 'error' ? 'alert' : 'status'}
      data-testid={testId}
    >
      {typeof shown === 'string' ? shown : say(shown)}
    </p>
  );
}
