/** What became of one print job (a receipt copy, the test page), in that job's own words. */
import type { PrintJobStatus } from '../hooks/usePrintJob';
import { useI18n } from '../i18n';
import type { UiKey } from '../i18n';

/** The job's words for each state; `waiting` and `failed` take the printer's `{reason}`. */
export type PrintJobWords = Record<'sending' | 'printed' | 'waiting' | 'failed', UiKey>;

export function PrintJobNotice({
  status,
  words,
  testId,
}: {
  status: PrintJobStatus;
  words: PrintJobWords;
  testId: string;
}) {
  const { t, say } = useI18n();
  if (status.kind === 'idle') return null;
  const bad = status.kind === 'refused' || status.kind === 'failed';
  const tone = bad ? 'error' : status.kind === 'waiting' ? 'warn' : 'info';
  const message =
    status.kind === 'refused'
      ? say(status.reason)
      : status.kind === 'waiting' || status.kind === 'failed'
        ? t(words[status.kind], { reason: say(status.reason) })
        : t(words[status.kind]);
  return (
    <div
      className={`notice notice-${tone}`}
      role={bad ? 'alert' : 'status'}
      data-testid={testId}
      data-state={status.kind}
    >
      <span>{message}</span>
    </div>
  );
}
