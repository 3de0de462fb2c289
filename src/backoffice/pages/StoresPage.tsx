/**
 * "Butikker og kasser": each store the account reaches, its store code (typed
 * at a till to pair it), its tills (when paired, when last seen, active or
 * revoked) with a confirmed revoke, and its staff (from the tills' staff
 * events: role, state, last log-in there). An owner invites a store manager
 * for a store here and is given the one-time link to pass on, adds a store
 * (its new code shown to type at its first till) and renames one. The staff
 * of a store are added and changed here too (name, role, a new PIN typed
 * twice, disabled after a confirmation): each save reaches the chain's tills.
 */
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { BoInvitation, BoStaffMember, BoStore, BoTerminal } from '../../contract/backoffice';
import type { BoInput } from '../../contract/backoffice/commands';
import type { Shown } from '../../core/i18n';
import { TextField } from '../../ui/components/TextField';
import { call, failureText } from '../api';
import { Alert } from '../components/Alert';
import { Modal } from '../components/Modal';
import { useCommandForm } from '../components/useCommandForm';
import { useBo } from '../i18n';
import { useSession } from '../session';
import '../stores.css';

const MINUTE = 60_000;

function useLastSeen(): (at: number | null) => string {
  const { t, dateTime } = useBo();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return (at) => {
    if (at === null) return t('tills.neverSeen');
    const ago = Math.max(0, now - at);
    if (ago < MINUTE) return t('tills.justNow');
    if (ago < 60 * MINUTE) return t('tills.minutesAgo', { minutes: Math.floor(ago / MINUTE) });
    if (ago < 24 * 60 * MINUTE)
      return t('tills.hoursAgo', { hours: Math.floor(ago / (60 * MINUTE)) });
    return dateTime(at);
  };
}

function TillsTable({ store, onRevoke }: { store: BoStore; onRevoke(terminal: BoTerminal): void }) {
  const { t, dateTime } = useBo();
  const lastSeen = useLastSeen();
  if (store.terminals.length === 0)
    return <p className="bo-empty">{t('tills.none', { code: store.storeCode })}</p>;
  return (
    <table className="bo-table" data-testid={`tills-${store.storeId}`}>
      <thead>
        <tr>
          <th scope="col">{t('tills.name')}</th>
          <th scope="col">{t('tills.pairedAt')}</th>
          <th scope="col">{t('tills.lastSeen')}</th>
          <th scope="col">{t('tills.state')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('tills.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {store.terminals.map((terminal) => (
          <tr key={terminal.terminalId} data-testid="till-row">
            <th scope="row">{terminal.name}</th>
            <td>{dateTime(terminal.pairedAt)}</td>
            <td>{lastSeen(terminal.lastSeenAt)}</td>
            <td>
              <span
                className={terminal.active ? 'bo-tag bo-tag-ok' : 'bo-tag bo-tag-off'}
                data-testid="till-state"
              >
                {terminal.active ? t('tills.active') : t('tills.revoked')}
              </span>
            </td>
            <td className="bo-cell-action">
              {terminal.active && (
                <button
                  type="button"
                  className="btn btn-small btn-danger-outline"
                  onClick={() => onRevoke(terminal)}
                  data-testid="till-revoke"
                >
                  {t('tills.revoke')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function StaffTable({
  storeId,
  staff,
  onEdit,
  onToggle,
}: {
  storeId: string;
  staff: BoStaffMember[];
  onEdit(member: BoStaffMember): void;
  onToggle(member: BoStaffMember): void;
}) {
  const { t, dateTime } = useBo();
  const here = staff.filter((s) => s.stores.some((x) => x.storeId === storeId));
  if (here.length === 0) return <p className="bo-empty">{t('staff.none')}</p>;
  return (
    <table className="bo-table" data-testid={`staff-${storeId}`}>
      <thead>
        <tr>
          <th scope="col">{t('staff.name')}</th>
          <th scope="col">{t('staff.role')}</th>
          <th scope="col">{t('staff.state')}</th>
          <th scope="col">{t('staff.lastLogin')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('staffEdit.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {here.map((member) => {
          const lastLogin = member.stores.find((x) => x.storeId === storeId)?.lastLoginAt ?? null;
          return (
            <tr key={member.staffId} data-testid="staff-row">
              <th scope="row">{member.name}</th>
              <td>{member.role === 'manager' ? t('staff.manager') : t('staff.cashier')}</td>
              <td>
                <span className={member.active ? 'bo-tag bo-tag-ok' : 'bo-tag bo-tag-off'}>
                  {member.active ? t('staff.active') : t('staff.disabled')}
                </span>
              </td>
              <td>{lastLogin === null ? t('staff.neverHere') : dateTime(lastLogin)}</td>
              <td className="bo-cell-action bo-staff-actions">
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={() => onEdit(member)}
                  data-testid="staff-edit"
                >
                  {t('staffEdit.edit')}
                </button>
                <button
                  type="button"
                  className={member.active ? 'btn btn-small btn-danger-outline' : 'btn btn-small'}
                  onClick={() => onToggle(member)}
                  data-testid="staff-toggle"
                >
                  {member.active ? t('staffEdit.disable') : t('staffEdit.enable')}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Adds a staff member to a store, or changes one (a new PIN only when typed, twice). */
function StaffDialog({
  store,
  member,
  onClose,
  onSaved,
}: {
  store: BoStore;
  member: BoStaffMember | null;
  onClose(): void;
  onSaved(saved: BoStaffMember): void;
}) {
  const { t, say } = useBo();
  const [name, setName] = useState(member?.name ?? '');
  const [role, setRole] = useState<'cashier' | 'manager'>(member?.role ?? 'cashier');
  const [pin, setPin] = useState('');
  const [pinAgain, setPinAgain] = useState('');
  const form = useCommandForm();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input: BoInput<'staff.save'> = {
      ...(member ? { staffId: member.staffId, active: member.active } : { storeId: store.storeId }),
      name,
      role,
      ...(pin === '' && pinAgain === '' ? {} : { pin, pinAgain }),
    };
    const saved = await form.run(() => call('staff.save', input));
    if (saved) onSaved(saved);
  };

  const roleError = form.fieldError('role');
  return (
    <Modal
      title={
        member
          ? t('staffEdit.titleEdit', { name: member.name })
          : t('staffEdit.titleNew', { store: store.name })
      }
      onClose={onClose}
      testId="staff-dialog"
    >
      <form className="bo-form" onSubmit={submit} noValidate>
        <TextField
          label={t('field.name')}
          value={name}
          onChange={setName}
          autofocus
          error={form.fieldError('name')}
          testId="staff-name"
        />
        <label className="field">
          <span>{t('staff.role')}</span>
          <select
            className="input"
            value={role}
            onChange={(e) => setRole(e.target.value === 'manager' ? 'manager' : 'cashier')}
            aria-invalid={roleError !== null}
            data-testid="staff-role"
          >
            <option value="cashier">{t('staff.cashier')}</option>
            <option value="manager">{t('staff.manager')}</option>
          </select>
          {roleError && (
            <small className="field-error" role="alert">
              {say(roleError)}
            </small>
          )}
        </label>
        <div className="bo-pin-pair">
          <TextField
            label={member ? t('staffEdit.newPin') : t('staffEdit.pin')}
            value={pin}
            onChange={setPin}
            type="password"
            inputMode="numeric"
            maxLength={8}
            hint={member ? t('staffEdit.keepPin') : t('staffEdit.pinHint')}
            error={form.fieldError('pin')}
            testId="staff-pin"
          />
          <TextField
            label={t('staffEdit.pinAgain')}
            value={pinAgain}
            onChange={setPinAgain}
            type="password"
            inputMode="numeric"
            maxLength={8}
            error={form.fieldError('pinAgain')}
            testId="staff-pin-again"
          />
        </div>
        <Alert kind="error" shown={form.formError(['name', 'role', 'pin', 'pinAgain'])} />
        <div className="bo-actions">
          <button
            type="submit"
            className="btn btn-primary"
            disabled={form.busy}
            data-testid="staff-submit"
          >
            {t('staffEdit.save')}
          </button>
          <button type="button" className="btn" onClick={onClose}>
            {t('app.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** Disabling is asked first: they can no longer log in at the tills. */
function DisableDialog({
  member,
  onClose,
  onSaved,
}: {
  member: BoStaffMember;
  onClose(): void;
  onSaved(saved: BoStaffMember): void;
}) {
  const { t } = useBo();
  const form = useCommandForm();
  const disable = async () => {
    const saved = await form.run(() =>
      call('staff.save', {
        staffId: member.staffId,
        name: member.name,
        role: member.role,
        active: false,
      }),
    );
    if (saved) onSaved(saved);
  };
  return (
    <Modal
      title={t('staffEdit.disableTitle', { name: member.name })}
      onClose={onClose}
      testId="staff-disable-dialog"
    >
      <p>{t('staffEdit.disableText', { name: member.name })}</p>
      <Alert kind="error" shown={form.formError([])} />
      <div className="bo-actions">
        <button
          type="button"
          className="btn btn-danger"
          onClick={() => void disable()}
          disabled={form.busy}
          data-testid="staff-disable-confirm"
        >
          {t('staffEdit.disable')}
        </button>
        <button type="button" className="btn" onClick={onClose} data-autofocus>
          {t('app.cancel')}
        </button>
      </div>
    </Modal>
  );
}

/** An owner adds a store: its code is shown, to type at its first till. */
function AddStoreDialog({ onClose, onAdded }: { onClose(): void; onAdded(): void }) {
  const { t } = useBo();
  const [name, setName] = useState('');
  const [added, setAdded] = useState<BoStore | null>(null);
  const [copied, setCopied] = useState(false);
  const form = useCommandForm();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const store = await form.run(() => call('stores.add', { name }));
    if (store) {
      setAdded(store);
      onAdded();
    }
  };
  const copy = async () => {
    if (!added) return;
    try {
      await navigator.clipboard.writeText(added.storeCode);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <Modal title={t('storeAdd.title')} onClose={onClose} testId="store-add-dialog">
      {added ? (
        <div className="bo-form">
          <Alert kind="ok" shown={t('storeAdd.made', { store: added.name })} />
          <p className="bo-new-code">
            {t('storeAdd.code')}{' '}
            <strong className="bo-code-value" data-testid="store-add-code">
              {added.storeCode}
            </strong>
          </p>
          <p className="bo-hint">{t('storeAdd.codeHint')}</p>
          <div className="bo-actions">
            <button type="button" className="btn btn-primary" onClick={() => void copy()}>
              {copied ? t('storeAdd.copied') : t('storeAdd.copy')}
            </button>
            <button type="button" className="btn" onClick={onClose} data-testid="store-add-done">
              {t('app.done')}
            </button>
          </div>
        </div>
      ) : (
        <form className="bo-form" onSubmit={submit} noValidate>
          <TextField
            label={t('storeAdd.name')}
            value={name}
            onChange={setName}
            autofocus
            error={form.fieldError('name')}
            testId="store-add-name"
          />
          <Alert kind="error" shown={form.formError(['name'])} />
          <div className="bo-actions">
            <button
              type="submit"
              className="btn btn-primary"
              disabled={form.busy}
              data-testid="store-add-submit"
            >
              {t('storeAdd.submit')}
            </button>
            <button type="button" className="btn" onClick={onClose}>
              {t('app.cancel')}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}

function RenameDialog({
  store,
  onClose,
  onRenamed,
}: {
  store: BoStore;
  onClose(): void;
  onRenamed(renamed: BoStore): void;
}) {
  const { t } = useBo();
  const [name, setName] = useState(store.name);
  const form = useCommandForm();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const renamed = await form.run(() => call('stores.rename', { storeId: store.storeId, name }));
    if (renamed) onRenamed(renamed);
  };
  return (
    <Modal
      title={t('storeRename.title', { store: store.name })}
      onClose={onClose}
      testId="store-rename-dialog"
    >
      <form className="bo-form" onSubmit={submit} noValidate>
        <TextField
          label={t('storeAdd.name')}
          value={name}
          onChange={setName}
          autofocus
          hint={t('storeRename.hint')}
          error={form.fieldError('name')}
          testId="store-rename-name"
        />
        <Alert kind="error" shown={form.formError(['name'])} />
        <div className="bo-actions">
          <button
            type="submit"
            className="btn btn-primary"
            disabled={form.busy}
            data-testid="store-rename-submit"
          >
            {t('storeRename.submit')}
          </button>
          <button type="button" className="btn" onClick={onClose}>
            {t('app.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

function RevokeDialog({
  store,
  terminal,
  onClose,
  onRevoked,
}: {
  store: BoStore;
  terminal: BoTerminal;
  onClose(): void;
  onRevoked(): void;
}) {
  const { t } = useBo();
  const form = useCommandForm();
  const revoke = async () => {
    if (await form.run(() => call('terminals.revoke', { terminalId: terminal.terminalId })))
      onRevoked();
  };
  return (
    <Modal
      title={t('revoke.title', { till: terminal.name })}
      onClose={onClose}
      testId="revoke-dialog"
    >
      <p>{t('revoke.text', { till: terminal.name, store: store.name })}</p>
      <p>{t('revoke.again', { code: store.storeCode })}</p>
      <Alert kind="error" shown={form.formError([])} />
      <div className="bo-actions">
        <button
          type="button"
          className="btn btn-danger"
          onClick={() => void revoke()}
          disabled={form.busy}
          data-testid="revoke-confirm"
        >
          {t('revoke.confirm')}
        </button>
        <button type="button" className="btn" onClick={onClose} data-autofocus>
          {t('app.cancel')}
        </button>
      </div>
    </Modal>
  );
}

function InviteDialog({ store, onClose }: { store: BoStore; onClose(): void }) {
  const { t, dateTime } = useBo();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [invitation, setInvitation] = useState<BoInvitation | null>(null);
  const [copied, setCopied] = useState(false);
  const form = useCommandForm();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await form.run(() =>
      call('account.invite', { name, email, role: 'store_manager', storeIds: [store.storeId] }),
    );
    if (answer) setInvitation(answer);
  };
  const copy = async () => {
    if (!invitation) return;
    try {
      await navigator.clipboard.writeText(invitation.link);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <Modal
      title={t('invite.title', { store: store.name })}
      onClose={onClose}
      testId="invite-dialog"
    >
      {invitation ? (
        <div className="bo-form">
          <Alert
            kind="ok"
            shown={t('invite.made', { name: name.trim(), email: invitation.email })}
          />
          <label className="field">
            <span>{t('invite.link')}</span>
            <input
              className="input input-link"
              readOnly
              value={invitation.link}
              onFocus={(e) => e.currentTarget.select()}
              data-testid="invite-link"
            />
            <small className="member-sub">
              {t('invite.linkHint', { until: dateTime(invitation.expiresAt) })}
            </small>
          </label>
          <div className="bo-actions">
            <button type="button" className="btn btn-primary" onClick={() => void copy()}>
              {copied ? t('invite.copied') : t('invite.copy')}
            </button>
            <button type="button" className="btn" onClick={onClose} data-testid="invite-done">
              {t('app.done')}
            </button>
          </div>
        </div>
      ) : (
        <form className="bo-form" onSubmit={submit} noValidate>
          <p>{t('invite.intro', { store: store.name })}</p>
          <TextField
            label={t('field.name')}
            value={name}
            onChange={setName}
            autofocus
            error={form.fieldError('name')}
            testId="invite-name"
          />
          <TextField
            label={t('field.email')}
            value={email}
            onChange={setEmail}
            type="email"
            inputMode="email"
            autoCapitalize="none"
            spellCheck={false}
            error={form.fieldError('email')}
            testId="invite-email"
          />
          <Alert kind="error" shown={form.formError(['name', 'email'])} />
          <div className="bo-actions">
            <button
              type="submit"
              className="btn btn-primary"
              disabled={form.busy}
              data-testid="invite-submit"
            >
              {t('invite.submit')}
            </button>
            <button type="button" className="btn" onClick={onClose}>
              {t('app.cancel')}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}

export function StoresPage() {
  const { t } = useBo();
  const { session } = useSession();
  const isOwner = session !== null && session !== 'checking' && session.account.role === 'owner';
  const [stores, setStores] = useState<BoStore[] | null>(null);
  const [staff, setStaff] = useState<BoStaffMember[]>([]);
  const [problem, setProblem] = useState<Shown | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<{ store: BoStore; terminal: BoTerminal } | null>(null);
  const [inviting, setInviting] = useState<BoStore | null>(null);
  const [adding, setAdding] = useState(false);
  const [renaming, setRenaming] = useState<BoStore | null>(null);
  const [editing, setEditing] = useState<{ store: BoStore; member: BoStaffMember | null } | null>(
    null,
  );
  const [disabling, setDisabling] = useState<BoStaffMember | null>(null);

  /** Counted up to read the stores again (after a revoke, a new store, a staff change). */
  const [reads, setReads] = useState(0);
  const reread = () => setReads((n) => n + 1);
  const staffSaved = (saved: BoStaffMember, said: string) => {
    setNotice(said);
    setEditing(null);
    setDisabling(null);
    reread();
    return saved;
  };
  const enable = async (member: BoStaffMember) => {
    try {
      const saved = await call('staff.save', {
        staffId: member.staffId,
        name: member.name,
        role: member.role,
        active: true,
      });
      staffSaved(saved, t('staffEdit.enabledDone', { name: saved.name }));
      setProblem(null);
    } catch (error) {
      setProblem(failureText(error));
    }
  };

  useEffect(() => {
    let live = true;
    Promise.all([call('stores.list', {}), call('staff.list', {})]).then(
      ([listed, people]) => {
        if (!live) return;
        setStores(listed);
        setStaff(people);
        setProblem(null);
      },
      (error: unknown) => live && setProblem(failureText(error)),
    );
    return () => {
      live = false;
    };
  }, [reads]);

  return (
    <section className="bo-page" aria-labelledby="stores-title">
      <header className="bo-page-head">
        <h1 id="stores-title">{t('stores.title')}</h1>
        <p className="bo-lead">{isOwner ? t('stores.leadOwner') : t('stores.leadManager')}</p>
        {isOwner && (
          <button
            type="button"
            className="btn btn-primary bo-store-add"
            onClick={() => setAdding(true)}
            data-testid="store-add"
          >
            {t('storeAdd.open')}
          </button>
        )}
      </header>
      <Alert kind="error" shown={problem} />
      <Alert kind="ok" shown={notice} testId="stores-notice" />
      {stores === null && !problem && <p aria-busy="true">{t('app.loading')}</p>}
      {stores?.length === 0 && <p className="bo-empty">{t('stores.none')}</p>}
      <div className="bo-stores">
        {stores?.map((store) => (
          <article
            key={store.storeId}
            className="bo-card bo-store"
            data-testid="store-card"
            aria-labelledby={`store-${store.storeId}`}
          >
            <header className="bo-store-head">
              <div>
                <h2 id={`store-${store.storeId}`}>{store.name}</h2>
                <p className="bo-code">
                  {t('stores.code')}{' '}
                  <strong className="bo-code-value" data-testid="store-code">
                    {store.storeCode}
                  </strong>
                </p>
                <p className="bo-hint">{t('stores.codeHint')}</p>
              </div>
              {isOwner && (
                <div className="bo-store-buttons">
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={() => setRenaming(store)}
                    data-testid="store-rename"
                  >
                    {t('storeRename.open')}
                  </button>
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={() => setInviting(store)}
                    data-testid="store-invite"
                  >
                    {t('invite.open')}
                  </button>
                </div>
              )}
            </header>
            <h3>{t('tills.title')}</h3>
            <TillsTable store={store} onRevoke={(terminal) => setRevoking({ store, terminal })} />
            <div className="bo-staff-head">
              <h3>{t('staff.title')}</h3>
              <button
                type="button"
                className="btn btn-small"
                onClick={() => setEditing({ store, member: null })}
                data-testid="staff-add"
              >
                {t('staffEdit.add')}
              </button>
            </div>
            <StaffTable
              storeId={store.storeId}
              staff={staff}
              onEdit={(member) => setEditing({ store, member })}
              onToggle={(member) => (member.active ? setDisabling(member) : void enable(member))}
            />
          </article>
        ))}
      </div>
      {revoking && (
        <RevokeDialog
          store={revoking.store}
          terminal={revoking.terminal}
          onClose={() => setRevoking(null)}
          onRevoked={() => {
            setNotice(t('revoke.done', { till: revoking.terminal.name }));
            setRevoking(null);
            setReads((n) => n + 1);
          }}
        />
      )}
      {inviting && <InviteDialog store={inviting} onClose={() => setInviting(null)} />}
      {adding && <AddStoreDialog onClose={() => setAdding(false)} onAdded={reread} />}
      {renaming && (
        <RenameDialog
          store={renaming}
          onClose={() => setRenaming(null)}
          onRenamed={(renamed) => {
            setNotice(t('storeRename.done', { store: renamed.name }));
            setRenaming(null);
            reread();
          }}
        />
      )}
      {editing && (
        <StaffDialog
          store={editing.store}
          member={editing.member}
          onClose={() => setEditing(null)}
          onSaved={(saved) => staffSaved(saved, t('staffEdit.saved', { name: saved.name }))}
        />
      )}
      {disabling && (
        <DisableDialog
          member={disabling}
          onClose={() => setDisabling(null)}
          onSaved={(saved) => staffSaved(saved, t('staffEdit.disabledDone', { name: saved.name }))}
        />
      )}
    </section>
  );
}
