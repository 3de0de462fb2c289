/**
 * "Dagens tall" (a manager's): today's sales, members' share, coupons and
 * rewards used and enrolments per staff member at this till's store, from the
 * till's own data (offline too), and "Skriv ut" on the receipt printer.
 */
import { useCallback, useEffect, useState } from 'react';
import type { DayReport } from '../../core/day-report';
import { msg } from '../../core/i18n';
import type { MessageKey } from '../../core/messages';
import { api } from '../api';
import { Dialog } from '../components/Dialog';
import { PrintJobNotice } from '../components/PrintJobNotice';
import type { PrintJobWords } from '../components/PrintJobNotice';
import { errorText } from '../errors';
import { usePrintJob } from '../hooks/usePrintJob';
import { useI18n } from '../i18n';

const PRINT_WORDS: PrintJobWords = {
  sending: 'dayReport.printSending',
  printed: 'dayReport.printPrinted',
  waiting: 'dayReport.printWaiting',
  failed: 'dayReport.printFailed',
};

export function DayReportDialog({
  printer,
  onClose,
}: {
  /** A receipt printer is set up ("Skriv ut" is offered). */
  printer: boolean;
  onClose(): void;
}) {
  const { t, say, money, locale } = useI18n();
  const [report, setReport] = useState<DayReport | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const print = usePrintJob();

  const load = useCallback(
    () =>
      api.call('report.today', {}).then(
        (answer) => {
          setReport(answer);
          setProblem(null);
        },
        (error: unknown) => setProblem(say(errorText(error))),
      ),
    [say],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const w = (key: MessageKey, params?: Parameters<typeof msg>[1]) => say(msg(key, params));
  const share = (value: number | null) =>
    value === null ? w('dayReport.noShare') : w('dayReport.share', { share: { percent: value } });
  const day = (iso: string) => {
    if (locale !== 'nb') return iso;
    const [y, m, d] = iso.split('-');
    return `${d}.${m}.${y}`;
  };

  return (
    <Dialog title={w('dayReport.title')} onClose={onClose} wide testId="day-report">
      {problem && (
        <div className="notice notice-error" role="alert" data-testid="day-report-error">
          {problem}
        </div>
      )}
      {!report && !problem && <p className="empty">{t('dayReport.loading')}</p>}
      {report && (
        <div className="stack">
          <p className="member-sub" data-testid="day-report-day">
            {report.storeName} · {w('dayReport.day', { date: day(report.date) })}
          </p>
          <div className="row">
            {printer ? (
              <button
                type="button"
                className="btn btn-primary"
                data-testid="day-report-print"
                disabled={print.busy}
                onClick={() => void print.send(() => api.call('report.printToday', {}))}
              >
                {t('dayReport.print')}
              </button>
            ) : (
              <span className="member-sub">{t('dayReport.noPrinter')}</span>
            )}
            <button
              type="button"
              className="btn"
              data-testid="day-report-refresh"
              onClick={() => void load()}
            >
              {t('dayReport.refresh')}
            </button>
          </div>
          <PrintJobNotice status={print.status} words={PRINT_WORDS} testId="day-report-status" />
          <div className="sync-grid">
            <section className="panel stack" aria-labelledby="day-report-sales">
              <h3 className="subhead" id="day-report-sales">
                {w('dayReport.sales')}
              </h3>
              <dl className="facts" data-testid="day-report-sales">
                <dt>{w('dayReport.receipts')}</dt>
                <dd data-testid="day-report-receipts">{report.totals.sales}</dd>
                <dt>{w('dayReport.salesAmount')}</dt>
                <dd data-testid="day-report-amount">{money(report.totals.salesOre)}</dd>
                <dt>{w('dayReport.returns', { count: report.totals.returns })}</dt>
                <dd>{money(-report.totals.returnedOre)}</dd>
                <dt>{w('dayReport.net')}</dt>
                <dd data-testid="day-report-net">{money(report.netOre)}</dd>
                <dt>{w('dayReport.voided', { count: report.totals.voided })}</dt>
                <dd>{money(report.totals.voidedOre)}</dd>
              </dl>
            </section>
            <section className="panel stack" aria-labelledby="day-report-members">
              <h3 className="subhead" id="day-report-members">
                {w('dayReport.members')}
              </h3>
              <dl className="facts" data-testid="day-report-club">
                <dt>{w('dayReport.memberSales')}</dt>
                <dd>{report.totals.memberSales}</dd>
                <dt>{w('dayReport.memberReceipts')}</dt>
                <dd data-testid="day-report-share-receipts">
                  {share(report.memberShare.receipts)}
                </dd>
                <dt>{w('dayReport.memberAmount')}</dt>
                <dd data-testid="day-report-share-amount">{share(report.memberShare.amount)}</dd>
                <dt>{w('dayReport.coupons')}</dt>
                <dd data-testid="day-report-coupons">{report.totals.couponsUsed}</dd>
                <dt>{w('dayReport.rewards')}</dt>
                <dd data-testid="day-report-rewards">{report.totals.rewardsUsed}</dd>
                <dt>{w('dayReport.pointsRedeemed')}</dt>
                <dd>{report.totals.pointsRedeemed}</dd>
                <dt>{w('dayReport.enrolments')}</dt>
                <dd data-testid="day-report-enrolments">{report.totals.enrolments}</dd>
              </dl>
            </section>
          </div>
          <section className="panel stack" aria-labelledby="day-report-staff">
            <h3 className="subhead" id="day-report-staff">
              {w('dayReport.byStaff')}
            </h3>
            {report.staff.some((s) => s.enrolments > 0) ? (
              <dl className="facts" data-testid="day-report-by-staff">
                {report.staff
                  .filter((s) => s.enrolments > 0)
                  .map((s) => (
                    <div key={s.staffId ?? ''} style={{ display: 'contents' }}>
                      <dt>{s.staffId === null ? w('dayReport.noStaff') : (s.name ?? s.staffId)}</dt>
                      <dd data-testid="day-report-staff-enrolments">{s.enrolments}</dd>
                    </div>
                  ))}
              </dl>
            ) : (
              <p className="empty">{w('dayReport.noEnrolments')}</p>
            )}
          </section>
          <p className="member-sub">{w('dayReport.source')}</p>
        </div>
      )}
    </Dialog>
  );
}
