/**
 * The front screen of the till: scan field, quick keys and basket; the
 * Kundeklubb button or the member panel; totals, payment and "Fullfør salg".
 * Scanning a member card anywhere attaches the member.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Product } from '../../core/catalogue';
import type { Programme } from '../../core/programme';
import type {
  CommandOutputs,
  MemberDetail,
  MemberSummary,
  SaleRecord,
  ScanResult,
  StaffSummary,
} from '../../contract/commands';
import { api } from '../api';
import { BasketLines } from '../components/BasketLines';
import { MemberPanel } from '../components/MemberPanel';
import { PaymentPicker } from '../components/PaymentPicker';
import { ProductEntry, takeQuantityPrefix } from '../components/ProductEntry';
import { QuickKeys } from '../components/QuickKeys';
import { TopBar } from '../components/TopBar';
import { Totals } from '../components/Totals';
import { useHidScanner } from '../devices/hid-wedge';
import { usePublishDisplay } from '../display/usePublishDisplay';
import { errorText } from '../errors';
import { glanceOfDetail, glanceOfSummary, useBasket } from '../hooks/useBasket';
import { useDevices } from '../hooks/useDevices';
import { NoticesOutlet, useNotices } from '../hooks/useNotices';
import { useShortcuts } from '../hooks/useShortcuts';
import { useJoinRequest } from '../hooks/useJoinRequest';
import type { Joined } from '../hooks/useJoinRequest';
import { useSync } from '../hooks/useSync';
import type { TillStatus } from '../hooks/useTillStatus';
import { useI18n } from '../i18n';
import { EnrolDialog } from './EnrolDialog';
import { JoinDialog } from './JoinDialog';
import { MemberCareDialog } from './MemberCareDialog';
import { MemberLookupDialog } from './MemberLookupDialog';
import { PrintQueueDialog } from './PrintQueueDialog';
import { ReceiptsDialog } from './ReceiptsDialog';
import { DayReportDialog } from './DayReportDialog';
import { SaleCompleteDialog } from './SaleCompleteDialog';
import { StaffDialog } from './StaffDialog';
import { DevicesDialog } from './devices/DevicesDialog';
import { SyncDialog } from './sync-screen/SyncDialog';

type OpenDialog =
  | { kind: 'club' }
  | { kind: 'enrol'; phone: string }
  | { kind: 'join' }
  | { kind: 'receipts' }
  | { kind: 'devices' }
  | { kind: 'printQueue' }
  | { kind: 'sync' }
  | { kind: 'done'; sale: SaleRecord; member: MemberDetail | null }
  | { kind: 'care' }
  | { kind: 'staff' }
  | { kind: 'dayReport' }
  | null;

interface CheckoutScreenProps {
  staff: StaffSummary;
  status: TillStatus;
  onLogout(): void;
}

export function CheckoutScreen({ staff, status, onLogout }: CheckoutScreenProps) {
  const { t, say } = useI18n();
  const notices = useNotices();
  const basket = useBasket();
  const devices = useDevices();
  const sync = useSync();
  const { state, evaluation, evaluationError, dispatch } = basket;
  const [products, setProducts] = useState<Product[]>([]);
  const [programme, setProgramme] = useState<Programme | null>(null);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [busy, setBusy] = useState(false);
  const scanField = useRef<HTMLInputElement>(null);
  const catalogue = useMemo(() => new Map(products.map((p) => [p.sku, p])), [products]);
  const memberId = state.member?.glance.memberId ?? null;
  // A small screen shows the member or the quick keys (styles.css): the member first, the
  // keys once asked for, until the next member.
  const [keysFor, setKeysFor] = useState<string | null>(null);
  const memberOpen = memberId !== null && keysFor !== memberId;
  const hasPrinter = devices.printer !== null && devices.printer.state !== 'off';
  // The customer display (second screen): what the customer may see, published as it changes.
  usePublishDisplay({
    state,
    evaluation,
    evaluationError,
    catalogue,
    storeName: status.storeName,
    done: dialog?.kind === 'done' ? dialog : null,
  });

  const loadCatalogue = useCallback(
    () => api.call('catalogue.get', {}).then(setProducts, (error: unknown) => notices.error(error)),
    [notices],
  );
  const loadProgramme = useCallback(
    () =>
      api.call('programme.get', {}).then(setProgramme, (error: unknown) => notices.error(error)),
    [notices],
  );
  useEffect(() => {
    void loadCatalogue();
    void loadProgramme();
  }, [loadCatalogue, loadProgramme]);

  const closeMemberDialogs = useCallback(
    () =>
      setDialog((open) =>
        open?.kind === 'club' || open?.kind === 'enrol' || open?.kind === 'join' ? null : open,
      ),
    [],
  );

  /** A member whose full view is already here (enrolment). */
  const attachMember = useCallback(
    (detail: MemberDetail, verification: string | null, selectCouponIds: string[] = []) => {
      dispatch({
        type: 'attach',
        glance: glanceOfDetail(detail),
        detail,
        verification,
        selectCouponIds,
      });
      closeMemberDialogs();
    },
    [dispatch, closeMemberDialogs],
  );

  /**
   * A member found by a scan (serial, HID, camera) or a lookup: the summary the
   * service answered is on screen at once; the full view follows. `verification`
   * is the service's (card/QR), or null (phone).
   */
  const showMember = useCallback(
    (summary: MemberSummary, verification: string | null) => {
      dispatch({
        type: 'attach',
        glance: glanceOfSummary(summary),
        detail: null,
        verification,
        selectCouponIds: [],
      });
      closeMemberDialogs();
      api.call('member.get', { memberId: summary.memberId }).then(
        (detail) => dispatch({ type: 'refreshMember', detail }),
        (error: unknown) => notices.error(error),
      );
    },
    [dispatch, closeMemberDialogs, notices],
  );

  /** A member named in a conflict on the sync screen, shown in the member panel. */
  const openMember = useCallback(
    (id: string) => {
      setDialog(null);
      api.call('member.get', { memberId: id }).then(
        (detail) => attachMember(detail, null),
        (error: unknown) => notices.error(error),
      );
    },
    [attachMember, notices],
  );

  const applyScan = useCallback(
    (result: ScanResult, quantity = 1) => {
      switch (result.kind) {
        case 'product':
          dispatch({ type: 'add', sku: result.product.sku, quantity });
          return;
        case 'member': {
          showMember(result.member, result.verification?.token ?? null);
          notices.info(
            t('checkout.memberScanned', {
              name: result.member.firstName ?? result.member.memberNumber,
            }),
          );
          return;
        }
        case 'coupon':
          if (!memberId) return notices.warn(t('checkout.couponNeedsMember'));
          // Campaign coupons have a deterministic id per member (docs/architecture.md).
          dispatch({
            type: 'toggleCoupon',
            couponId: `C-${result.campaignId}-${memberId}`,
            on: true,
          });
          return notices.info(t('checkout.couponAdded'));
        case 'rejected':
          return notices.warn(result.reason);
      }
    },
    [showMember, dispatch, memberId, notices, t],
  );

  /** Every scanned or typed code the till's own page reads (HID, camera, the scan field). */
  const onCode = useCallback(
    async (code: string, quantity = 1): Promise<ScanResult | null> => {
      try {
        const result = await api.call('scan.classify', { code });
        applyScan(result, quantity);
        return result;
      } catch (error) {
        notices.error(error);
        return null;
      }
    },
    [applyScan, notices],
  );

  // Keep a member shown after a data change fresh (e.g. stamps from another till).
  const refreshMember = useCallback(async () => {
    if (!memberId) return;
    dispatch({ type: 'refreshMember', detail: await api.call('member.get', { memberId }) });
  }, [dispatch, memberId]);

  /**
   * Where a scan lands, whatever has the focus: on "Salget er fullført" it starts
   * the next sale with that member or item; in the Kundeklubb dialog (or on the
   * till) it is used; in any other dialog it is refused with a line, never typed
   * into a field or pressing a button.
   */
  const dialogNow = useRef(dialog);
  useEffect(() => {
    dialogNow.current = dialog;
  });
  const scanGoesOn = useCallback((): boolean => {
    const open = dialogNow.current;
    if (open === null || open.kind === 'club') return true;
    if (open.kind === 'done') {
      dispatch({ type: 'reset' });
      setDialog(null);
      return true;
    }
    notices.warn(t('checkout.scanInDialog'));
    return false;
  }, [dispatch, notices, t]);

  // The serial scanner reports through the service, to every window: a member card
  // is read again in this window's session, which gets the verification.
  useEffect(
    () =>
      api.onNotification((n) => {
        if (n.type === 'scan' && !scanGoesOn()) return;
        if (n.type === 'scan' && n.result.kind === 'member') void onCode(n.code);
        else if (n.type === 'scan') applyScan(n.result);
        else if (n.type === 'data' && n.what === 'catalogue') void loadCatalogue();
        else if (n.type === 'data' && n.what === 'programme') void loadProgramme();
        else if (n.type === 'data' && n.what === 'members')
          void refreshMember().catch(() => undefined);
        else if (n.type === 'print' && n.state === 'failed' && n.detail) notices.warn(n.detail);
      }),
    [applyScan, onCode, loadCatalogue, loadProgramme, notices, refreshMember, scanGoesOn],
  );

  const complete = async () => {
    if (busy || state.lines.length === 0 || dialog) return;
    setBusy(true);
    try {
      const sale = await basket.commit();
      const member = sale.memberId
        ? await api.call('member.get', { memberId: sale.memberId })
        : null;
      setDialog({ kind: 'done', sale, member });
    } catch (error) {
      notices.error(error);
      void refreshMember().catch(() => undefined);
    } finally {
      setBusy(false);
    }
  };

  const nextCustomer = () => {
    dispatch({ type: 'reset' });
    setDialog(null);
    setTimeout(() => scanField.current?.focus(), 0);
  };

  const enrolled = (result: CommandOutputs['member.enrol']) => {
    const { member, created } = result;
    // The welcome coupon lands on the open basket: "join now and save today".
    const welcome = created
      ? member.coupons.filter((c) => c.source === 'welcome').map((c) => c.couponId)
      : [];
    // Someone enrolling at the counter is present; a number that was already a member is not proof.
    attachMember(member, result.verification?.token ?? null, welcome);
    notices.info(created ? t('enrol.welcome') : t('enrol.alreadyMember'));
    setTimeout(() => scanField.current?.focus(), 0);
  };

  /**
   * The customer joined on their own phone (useJoinRequest): onto the sale that was open
   * when the code was made, unless it was completed or given another member since; then
   * the member is only said to be found.
   */
  const basketNow = useRef(state);
  useEffect(() => {
    basketNow.current = state;
  });
  const joinedOnPhone = useCallback(
    ({ status, basketKey }: Joined) => {
      const { member, created } = status;
      const basket = basketNow.current;
      const name = member.profile.firstName ?? t('member.unnamed');
      const attached = basket.member?.glance.memberId ?? null;
      // A completed sale still shows its basket until the next customer: that is no open sale.
      const saleOver = dialogNow.current?.kind === 'done';
      if (
        saleOver ||
        basket.idempotencyKey !== basketKey ||
        (attached !== null && attached !== member.memberId)
      ) {
        setDialog((open) => (open?.kind === 'join' ? null : open));
        notices.info(t('join.joinedFound', { name, number: member.memberNumber }));
        return;
      }
      const welcome = created
        ? member.coupons.filter((c) => c.source === 'welcome').map((c) => c.couponId)
        : [];
      attachMember(member, status.verification?.token ?? null, welcome);
      notices.info(created ? t('join.joined', { name }) : t('join.existing'));
    },
    [attachMember, notices, t],
  );
  const join = useJoinRequest(joinedOnPhone);
  const openJoin = () => {
    setDialog({ kind: 'join' });
    // A code still waiting for this sale is shown again rather than replaced.
    if (join.waitingFor !== state.idempotencyKey) void join.start(state.idempotencyKey);
  };

  const logout = async () => {
    await api.call('session.logout', {}).catch(() => undefined);
    onLogout();
  };

  const isManager = staff.role === 'manager';
  useShortcuts(
    {
      F2: () => setDialog({ kind: 'club' }),
      F3: () => scanField.current?.focus(),
      F4: () => void complete(),
      F6: () => setDialog({ kind: 'enrol', phone: '' }),
      F7: () => setDialog({ kind: 'receipts' }),
      F8: () => setDialog({ kind: 'devices' }),
      F9: () => setDialog({ kind: 'sync' }),
      F10: () => state.member?.detail && setDialog({ kind: 'care' }),
      // Ansatte: a manager's only.
      ...(isManager ? { F11: () => setDialog({ kind: 'staff' }) } : {}),
    },
    dialog === null,
  );
  // A keyboard-wedge scanner anywhere on the till, caught before the focused control:
  // in the scan field, on a button, in the Kundeklubb field (a card scanned there
  // attaches the member at once), on "Salget er fullført", in any dialog.
  useHidScanner((code) => {
    // "6*" typed before the scan: six of the scanned item.
    if (scanGoesOn()) void onCode(code, takeQuantityPrefix(scanField.current));
  });

  return (
    <div className="till">
      <TopBar
        staff={staff}
        status={status}
        devices={devices}
        sync={sync.status}
        onSync={() => setDialog({ kind: 'sync' })}
        onDevices={() => setDialog({ kind: 'devices' })}
        onPrintQueue={() => setDialog({ kind: 'printQueue' })}
        onReceipts={() => setDialog({ kind: 'receipts' })}
        {...(isManager
          ? {
              onStaff: () => setDialog({ kind: 'staff' }),
              onDayReport: () => setDialog({ kind: 'dayReport' }),
            }
          : {})}
        onLogout={() => void logout()}
      />
      <main className={memberOpen ? 'checkout member-open' : 'checkout'}>
        <div className="column column-sale">
          <ProductEntry
            ref={scanField}
            onCode={onCode}
            onPick={(product, quantity) => dispatch({ type: 'add', sku: product.sku, quantity })}
          />
          <QuickKeys
            products={products}
            onPick={(product) => dispatch({ type: 'add', sku: product.sku, quantity: 1 })}
          />
          <BasketLines
            lines={state.lines}
            canClear={state.lines.length > 0 || state.member !== null}
            onClear={nextCustomer}
            evaluation={evaluation}
            catalogue={catalogue}
            onQuantity={(lineId, quantity) => dispatch({ type: 'setQuantity', lineId, quantity })}
          />
        </div>
        <div className="column column-member">
          {state.member && (
            <div className="side-tabs" role="group" aria-label={t('layout.sideTabs')}>
              <button
                type="button"
                className="btn"
                aria-pressed={memberOpen}
                data-testid="member-tab"
                onClick={() => setKeysFor(null)}
              >
                {t('layout.memberTab', {
                  name: state.member.glance.firstName ?? t('member.unnamed'),
                })}
              </button>
              <button
                type="button"
                className="btn"
                aria-pressed={!memberOpen}
                data-testid="keys-tab"
                onClick={() => setKeysFor(memberId)}
              >
                {t('checkout.quickKeys')}
              </button>
            </div>
          )}
          {state.member ? (
            <MemberPanel
              member={state.member}
              onPin={(pin) => void basket.verifyPin(pin).catch((error) => notices.error(error))}
              onCare={() => setDialog({ kind: 'care' })}
              selections={state.selections}
              evaluation={evaluation}
              programme={programme}
              dispatch={dispatch}
            />
          ) : (
            <>
              <button
                type="button"
                className="btn btn-primary btn-big club-button"
                data-testid="club-button"
                onClick={() => setDialog({ kind: 'club' })}
              >
                {t('club.button')} <span className="kbd">F2</span>
              </button>
              <button
                type="button"
                className="btn btn-big enrol-front"
                data-testid="enrol-front"
                onClick={() => setDialog({ kind: 'enrol', phone: '' })}
              >
                {t('club.enrolInstead')} <span className="kbd">F6</span>
              </button>
              <p className="club-hint">{t('club.ask')}</p>
            </>
          )}
        </div>
        <div className="column column-pay">
          <Totals evaluation={state.lines.length > 0 || state.member ? evaluation : null} />
          {evaluationError !== null && (
            <div className="notice notice-error" role="alert" data-testid="evaluation-error">
              {say(errorText(evaluationError))}
            </div>
          )}
          <PaymentPicker
            value={state.paymentMethod}
            onChange={(method) => dispatch({ type: 'setPayment', method })}
          />
          <button
            type="button"
            className="btn btn-primary btn-big"
            data-testid="complete-sale"
            disabled={busy || state.lines.length === 0}
            onClick={() => void complete()}
          >
            {t('checkout.complete')} <span className="kbd">F4</span>
          </button>
        </div>
      </main>
      <div className="status-strip" data-testid="status-strip">
        {/* While a dialog is open, its foot shows the messages. */}
        {dialog === null ? (
          <NoticesOutlet fallback={<span className="shortcut-hint">{t('shortcut.hint')}</span>} />
        ) : (
          <span className="shortcut-hint">{t('shortcut.hint')}</span>
        )}
      </div>

      {dialog?.kind === 'club' && (
        <MemberLookupDialog
          onFound={showMember}
          onScan={onCode}
          onEnrol={(phone) => setDialog({ kind: 'enrol', phone })}
          onJoin={openJoin}
          onClose={() => setDialog(null)}
          canSearchByName={staff.role === 'manager'}
        />
      )}
      {dialog?.kind === 'enrol' && (
        <EnrolDialog
          initialPhone={dialog.phone}
          onEnrolled={enrolled}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'join' && (
        <JoinDialog
          phase={join.phase}
          onAgain={() => void join.start(state.idempotencyKey)}
          onEnrolHere={() => {
            join.stop();
            setDialog({ kind: 'enrol', phone: '' });
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'receipts' && (
        <ReceiptsDialog staff={staff} printer={hasPrinter} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'devices' && (
        <DevicesDialog
          staff={staff}
          devices={devices}
          programmeName={status.storeName}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'sync' && (
        <SyncDialog
          staff={staff}
          sync={sync}
          programme={programme}
          onOpenMember={openMember}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'care' && state.member?.detail && (
        <MemberCareDialog
          staff={staff}
          member={state.member.detail}
          verification={state.member.verification}
          programme={programme}
          onPin={basket.verifyPinOrThrow}
          onChanged={(detail) => dispatch({ type: 'refreshMember', detail })}
          onErased={() => {
            setDialog(null);
            dispatch({ type: 'detach' });
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'staff' && <StaffDialog staff={staff} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'dayReport' && (
        <DayReportDialog printer={hasPrinter} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'printQueue' && (
        <PrintQueueDialog devices={devices} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'done' && (
        <SaleCompleteDialog
          sale={dialog.sale}
          member={dialog.member}
          printer={hasPrinter}
          onNext={nextCustomer}
        />
      )}
    </div>
  );
}
