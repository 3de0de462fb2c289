/**
 * The last receipts, a copy of any of them ("Skriv ut kopi", when the till has
 * a printer), and for a manager: void a sale or take items back. A cashier
 * sees those disabled with the reason; the service refuses them too.
 */
import { useCallback, useEffect, useState } from 'react';
import type { SaleRecord, StaffSummary } from '../../contract/commands';
import { api } from '../api';
import { Dialog } from '../components/Dialog';
import { ReprintButton } from '../components/ReprintButton';
import { useNotices } from '../hooks/useNotices';
import { useI18n } from '../i18n';

type Mode = 'view' | 'void' | 'return';

export function ReceiptsDialog({
  staff,
  printer,
  onClose,
}: {
  staff: StaffSummary;
  /** A receipt printer is set up (copies can be printed). */
  printer: boolean;
  onClose(): void;
}) {
  const { t, money, time } = useI18n();
  const notices = useNotices();
  const [sales, setSales] = useState<SaleRecord[] | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>('view');
  const [reason, setReason] = useState('');
  const [returning, setReturning] = useState<Record<string, number>>({});
  const isManager = staff.role === 'manager';

  const load = useCallback(
    () =>
      api.call('sale.recent', { limit: 20 }).then(
        (recent) => setSales(recent),
        (error: unknown) => notices.error(error),
      ),
    [notices],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const selected = sales?.find((s) => s.saleId === selectedId) ?? null;

  const choose = (saleId: string) => {
    setSelectedId(saleId);
    setMode('view');
    setReason('');
    setReturning({});
  };

  const voidSale = async (sale: SaleRecord) => {
    try {
      await api.call('sale.void', { saleId: sale.saleId, reason });
      notices.info(t('receipts.voidDone'));
      setMode('view');
      await load();
    } catch (error) {
      notices.error(error);
    }
  };

  const returnItems = async (sale: SaleRecord) => {
    const lines = Object.entries(returning)
      .filter(([, quantity]) => quantity > 0)
      .map(([lineId, quantity]) => ({ lineId, quantity }));
    if (lines.length === 0) return;
    try {
      const result = await api.call('sale.return', { saleId: sale.saleId, lines });
      notices.info(t('receipts.returnDone', { amount: money(result.refundOre) }));
      setMode('view');
      setReturning({});
      await load();
    } catch (error) {
      notices.error(error);
    }
  };

  return (
    <Dialog title={t('receipts.title')} onClose={onClose} wide testId="receipts-dialog">
      <div className="receipts">
        <div>
          {sales && sales.length === 0 && <p className="empty">{t('receipts.empty')}</p>}
          <ul className="receipt-list" data-testid="receipt-list">
            {sales?.map((sale) => (
              <li key={sale.saleId}>
                <button
                  type="button"
                  className="btn"
                  aria-current={sale.saleId === selectedId}
                  data-testid="receipt"
                  onClick={() => choose(sale.saleId)}
                >
                  <span>
                    {time(sale.at)} · {t('receipts.number')} {sale.receiptNo}
                  </span>
                  <span>
                    {sale.voided && <span className="tag">{t('receipts.voided')}</span>}{' '}
                    {money(sale.evaluation.totalOre)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
        <div className="stack" data-testid="receipt-detail">
          {!selected && <p className="empty">{t('receipts.select')}</p>}
          {selected && (
            <>
              <h2>
                {t('receipts.number')} {selected.receiptNo} · {money(selected.evaluation.totalOre)}
              </h2>
              {selected.returnedOre > 0 && (
                <div className="member-sub">
                  {t('receipts.returned', { amount: money(selected.returnedOre) })}
                </div>
              )}
              <ul className="receipt-list">
                {selected.evaluation.lines.map((line) => (
                  <li key={line.lineId} className="offer">
                    <span className="offer-text">
                      <strong>
                        {line.quantity} × {line.name}
                      </strong>
                    </span>
                    {mode === 'return' ? (
                      <span className="qty">
                        <button
                          type="button"
                          className="btn"
                          onClick={() =>
                            setReturning((r) => ({
                              ...r,
                              [line.lineId]: Math.max(0, (r[line.lineId] ?? 0) - 1),
                            }))
                          }
                        >
                          −
                        </button>
                        <output>{returning[line.lineId] ?? 0}</output>
                        <button
                          type="button"
                          className="btn"
                          onClick={() =>
                            setReturning((r) => ({
                              ...r,
                              [line.lineId]: Math.min(line.quantity, (r[line.lineId] ?? 0) + 1),
                            }))
                          }
                        >
                          +
                        </button>
                      </span>
                    ) : (
                      <span>{money(line.paidOre)}</span>
                    )}
                  </li>
                ))}
              </ul>
              {printer && mode === 'view' && (
                <ReprintButton key={selected.saleId} saleId={selected.saleId} />
              )}
              {!isManager && (
                <div className="notice notice-warn" role="note" data-testid="manager-only">
                  {t('receipts.managerOnly')}
                </div>
              )}
              {mode === 'view' && (
                <div className="row">
                  <button
                    type="button"
                    className="btn btn-danger"
                    disabled={!isManager || selected.voided}
                    data-testid="void-sale"
                    onClick={() => setMode('void')}
                  >
                    {t('receipts.void')}
                  </button>
                  <button
                    type="button"
                    className="btn"
                    disabled={!isManager || selected.voided}
                    data-testid="return-sale"
                    onClick={() => setMode('return')}
                  >
                    {t('receipts.return')}
                  </button>
                </div>
              )}
              {mode === 'void' && (
                <form
                  noValidate
                  className="stack"
                  onSubmit={(event) => {
                    event.preventDefault();
                    void voidSale(selected);
                  }}
                >
                  <label className="field">
                    <span>{t('receipts.voidReason')}</span>
                    <input
                      className="input"
                      autoFocus
                      placeholder={t('receipts.voidReasonPlaceholder')}
                      data-testid="void-reason"
                      value={reason}
                      onChange={(event) => setReason(event.target.value)}
                    />
                  </label>
                  <div className="row">
                    <button type="submit" className="btn btn-danger" data-testid="confirm-void">
                      {t('receipts.confirmVoid')}
                    </button>
                    <button type="button" className="btn" onClick={() => setMode('view')}>
                      {t('app.cancel')}
                    </button>
                  </div>
                </form>
              )}
              {mode === 'return' && (
                <div className="row">
                  <button
                    type="button"
                    className="btn btn-primary"
                    onClick={() => void returnItems(selected)}
                  >
                    {t('receipts.confirmReturn')}
                  </button>
                  <button type="button" className="btn" onClick={() => setMode('view')}>
                    {t('app.cancel')}
                  </button>
                </div>
              )}
            </>
          )}
        </div>
      </div>
    </Dialog>
  );
}
