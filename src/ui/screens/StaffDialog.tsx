/**
 * Ansatte, a manager's screen: everyone who can log in at the chain's tills
 * (and this till's own demo staff, marked), each with their role, whether they
 * may log in, and their last log-in. A manager adds a cashier or a manager
 * (name, role, PIN twice), changes a name or role, sets a new PIN (twice), and
 * disables or enables someone (asked first). What the service refuses (a PIN
 * someone else has, the last manager, their own account) is said at its field.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CSSProperties } from 'react';
import type { StaffDetail, StaffSummary } from '../../contract/commands';
import type { Shown } from '../../core/i18n';
import { api } from '../api';
import { Dialog } from '../components/Dialog';
import { FieldNotes, TextField } from '../components/TextField';
import { problemAt, problemElsewhere, problemOf } from '../errors';
import { focusFirstInvalid, personFormProblems } from '../person-form';
import type { Problems } from '../errors';
import { useNotices } from '../hooks/useNotices';
import { uiText, useI18n } from '../i18n';
import { Choice } from './devices/parts';

type Role = StaffDetail['role'];

interface StaffDialogProps {
  /** The manager logged in. */
  staff: StaffSummary;
  onClose(): void;
}

/** Who is being edited: nobody yet, someone new, or someone in the list. */
type Editing = { kind: 'none' } | { kind: 'new' } | { kind: 'edit'; staffId: string };

/** The fields a form's problem may name; anything else is said under the form. */
const FIELDS = ['name', 'role', 'pin', 'pinAgain', 'active'] as const;

export function StaffDialog({ staff, onClose }: StaffDialogProps) {
  const { t } = useI18n();
  const notices = useNotices();
  const [list, setList] = useState<StaffDetail[] | null>(null);
  const [terminalId, setTerminalId] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const [done, setDone] = useState<Shown | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const focusRow = useRef<string | null>(null);

  const load = useCallback(
    () =>
      api.call('staff.list', {}).then(
        (answer) => setList(answer),
        (error: unknown) => notices.error(error),
      ),
    [notices],
  );
  useEffect(() => {
    void load();
    api.call('status.get', {}).then(
      (status) => setTerminalId(status.terminalId),
      () => undefined,
    );
  }, [load]);

  const saved = (detail: StaffDetail, said: Shown) => {
    setList((current) => {
      const others = (current ?? []).filter((s) => s.staffId !== detail.staffId);
      return [...others, detail];
    });
    setEditing({ kind: 'edit', staffId: detail.staffId });
    setDone(said);
    void load();
    focusRow.current = detail.staffId;
  };
  // The form's field or button may be gone (someone new is now someone to change):
  // the focus goes to their line in the list, inside the dialog, where a keyboard finds it.
  useEffect(() => {
    const staffId = focusRow.current;
    if (staffId === null) return;
    focusRow.current = null;
    if (listRef.current?.closest('[role=dialog]')?.contains(document.activeElement)) return;
    listRef.current?.querySelector<HTMLElement>(`[data-testid="staff-row-${staffId}"]`)?.focus();
  });

  const selected =
    editing.kind === 'edit' ? (list?.find((s) => s.staffId === editing.staffId) ?? null) : null;
  const sorted = [...(list ?? [])].sort(
    (a, b) =>
      Number(b.active) - Number(a.active) || a.name.localeCompare(b.name, 'nb', { numeric: true }),
  );

  return (
    <Dialog title={t('staff.title')} onClose={onClose} wide testId="staff-dialog">
      <div className="devices">
        <section className="stack">
          <button
            type="button"
            className="btn btn-primary"
            data-autofocus
            data-testid="staff-add"
            aria-pressed={editing.kind === 'new'}
            onClick={() => {
              setDone(null);
              setEditing({ kind: 'new' });
            }}
          >
            {t('staff.add')}
          </button>
          {list === null ? (
            <p role="status">{t('staff.loading')}</p>
          ) : (
            <ul
              ref={listRef}
              className="receipt-list"
              aria-label={t('staff.listLabel')}
              data-testid="staff-list"
            >
              {sorted.map((s) => (
                <li key={s.staffId}>
                  <StaffRow
                    person={s}
                    me={s.staffId === staff.staffId}
                    terminalId={terminalId}
                    current={editing.kind === 'edit' && editing.staffId === s.staffId}
                    onPick={() => {
                      setDone(null);
                      setEditing({ kind: 'edit', staffId: s.staffId });
                    }}
                  />
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="stack" data-testid="staff-editor">
          {editing.kind === 'new' && <StaffForm key="new" person={null} onSaved={saved} />}
          {selected && (
            <StaffForm
              key={selected.staffId}
              person={selected}
              me={selected.staffId === staff.staffId}
              onSaved={saved}
            />
          )}
          {editing.kind === 'none' && <p className="empty">{t('staff.choose')}</p>}
          {done && <DoneLine said={done} />}
        </section>
      </div>
    </Dialog>
  );
}

function DoneLine({ said }: { said: Shown }) {
  const { say } = useI18n();
  return (
    <p className="notice notice-info" role="status" data-testid="staff-done">
      {say(said)}
    </p>
  );
}

/** "Sist logget inn i dag 09:12 · denne kassen", or "Aldri logget inn". */
function useLastLogin(): (person: StaffDetail, terminalId: string | null) => string {
  const { t, date, time } = useI18n();
  return (person, terminalId) => {
    if (person.lastLoginAt === null) return t('staff.never');
    const at = new Date(person.lastLoginAt);
    const today = new Date();
    const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
    const sameDay = (a: Date, b: Date) =>
      a.getFullYear() === b.getFullYear() &&
      a.getMonth() === b.getMonth() &&
      a.getDate() === b.getDate();
    const day = sameDay(at, today) ? 'today' : sameDay(at, yesterday) ? 'yesterday' : 'other';
    const when = t('staff.lastLogin', {
      day,
      date: date(person.lastLoginAt),
      time: time(person.lastLoginAt),
    });
    if (person.lastLoginTerminalId === null) return when;
    const where = t('staff.where', {
      where: person.lastLoginTerminalId === terminalId ? 'this' : 'other',
    });
    return `${when} · ${where}`;
  };
}

/** A line of the list reads left to right, its marks at the right (styles.css has no list of people yet). */
const ROW = {
  button: {
    flexDirection: 'column',
    alignItems: 'stretch',
    textAlign: 'left',
    gap: 2,
    padding: '8px 14px',
    fontWeight: 500,
  },
  line: { display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', gap: 6 },
  marks: { display: 'flex', flexWrap: 'wrap', gap: 6 },
  pill: { padding: '0 10px', fontSize: '0.8rem' },
} as const satisfies Record<string, CSSProperties>;

function StaffRow({
  person,
  me,
  terminalId,
  current,
  onPick,
}: {
  person: StaffDetail;
  me: boolean;
  terminalId: string | null;
  current: boolean;
  onPick(): void;
}) {
  const { t } = useI18n();
  const lastLogin = useLastLogin();
  return (
    <button
      type="button"
      className="btn"
      style={ROW.button}
      aria-current={current}
      data-testid={`staff-row-${person.staffId}`}
      data-staff-name={person.name}
      onClick={onPick}
    >
      <span style={ROW.line}>
        <strong>
          {person.name} {me && <small>{t('staff.you')}</small>}
        </strong>
        <span style={ROW.marks}>
          {!person.active && (
            <span className="state-pill state-bad" style={ROW.pill} data-testid="staff-disabled">
              {t('staff.state', { active: 'no' })}
            </span>
          )}
          {!person.chainWide && (
            <span className="state-pill" style={ROW.pill} data-testid="staff-local">
              {t('staff.localOnly')}
            </span>
          )}
        </span>
      </span>
      <small>
        {t(`role.${person.role}`)} · {t('staff.state', { active: person.active ? 'yes' : 'no' })}
      </small>
      <small data-testid="staff-last-login">{lastLogin(person, terminalId)}</small>
    </button>
  );
}

/** Add someone (person null) or change them: name, role, a PIN; then disable or enable. */
function StaffForm({
  person,
  me = false,
  onSaved,
}: {
  person: StaffDetail | null;
  /** The manager's own account: disabling it is not offered (the service would refuse). */
  me?: boolean;
  onSaved(detail: StaffDetail, said: Shown): void;
}) {
  const { t, say } = useI18n();
  const [name, setName] = useState(person?.name ?? '');
  const [role, setRole] = useState<Role>(person?.role ?? 'cashier');
  const [pin, setPin] = useState('');
  const [pinAgain, setPinAgain] = useState('');
  /** A new person's PIN fields are open; someone's new PIN is asked for. */
  const [pinOpen, setPinOpen] = useState(person === null);
  const pinRef = useRef<HTMLDivElement>(null);
  const [problem, setProblem] = useState<Problems>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const answerRef = useRef<HTMLButtonElement>(null);
  // Sett ny PIN-kode: the PIN is typed next.
  useEffect(() => {
    if (pinOpen && person !== null) pinRef.current?.querySelector('input')?.focus();
  }, [pinOpen, person]);
  // Legg til ansatt, by keyboard or touch: the name is typed next.
  useEffect(() => {
    if (person === null) formRef.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, [person]);
  // By keyboard too: the question takes the focus (on its safe answer), and gives it back.
  useEffect(() => {
    if (confirming) answerRef.current?.focus();
  }, [confirming]);

  const send = async (
    input: { name: string; role: Role; pin?: string; active: boolean },
    said: (detail: StaffDetail) => Shown,
  ) => {
    setBusy(true);
    setProblem(null);
    try {
      const detail = await api.call('staff.save', {
        ...(person ? { staffId: person.staffId } : {}),
        ...input,
      });
      setPin('');
      setPinAgain('');
      setConfirming(false);
      if (person) setPinOpen(false);
      onSaved(detail, said(detail));
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };

  const submit = () => {
    if (busy) return;
    const found = personFormProblems({
      name,
      pin,
      pinAgain,
      pinNeeded: person === null,
      nameMissing: uiText('staff.nameMissing'),
    });
    if (found.length > 0) {
      setProblem(found);
      focusFirstInvalid(formRef.current);
      return;
    }
    void send(
      {
        name: name.trim(),
        role,
        ...(pin === '' ? {} : { pin }),
        active: person?.active ?? true,
      },
      (detail) => uiText(person ? 'staff.saved' : 'staff.added', { name: detail.name }),
    );
  };

  /** Disable or enable as the person is stored, whatever the form holds unsaved. */
  const toggle = () => {
    if (!person) return;
    void send({ name: person.name, role: person.role, active: !person.active }, (detail) =>
      uiText(detail.active ? 'staff.enabledDone' : 'staff.disabledDone', { name: detail.name }),
    );
  };
  const cancel = () => {
    setConfirming(false);
    requestAnimationFrame(() => toggleRef.current?.focus());
  };

  const scope = person?.chainWide === false ? 'local' : 'chain';
  const elsewhere = problemElsewhere(problem, FIELDS);
  return (
    <>
      <form
        noValidate
        ref={formRef}
        className="stack"
        data-testid="staff-form"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <h3 className="subhead">
          {person ? t('staff.editTitle', { name: person.name }) : t('staff.newTitle')}
        </h3>
        {person && !person.chainWide && (
          <p className="member-sub" data-testid="staff-local-hint">
            {t('staff.localHint')}
          </p>
        )}
        <TextField
          label={t('staff.name')}
          value={name}
          onChange={setName}
          maxLength={80}
          autoCapitalize="words"
          spellCheck={false}
          autofocus={person === null}
          disabled={busy}
          error={problemAt(problem, 'name')}
          testId="staff-name"
        />
        <Choice<Role>
          label={t('staff.role')}
          value={role}
          options={[
            { value: 'cashier', label: t('staff.roleCashier') },
            { value: 'manager', label: t('staff.roleManager'), hint: t('staff.roleHint') },
          ]}
          onChange={setRole}
          disabled={busy}
          testId="staff-role"
        >
          <FieldNotes lockedBy={null} error={problemAt(problem, 'role')} testId="staff-role" />
        </Choice>
        {person && (
          <button
            type="button"
            className="btn"
            aria-expanded={pinOpen}
            disabled={busy}
            data-testid="staff-set-pin"
            onClick={() => {
              setPin('');
              setPinAgain('');
              setPinOpen(!pinOpen);
            }}
          >
            {pinOpen ? t('staff.keepPin') : t('staff.setPin')}
          </button>
        )}
        {pinOpen && (
          <div className="stack" ref={pinRef}>
            <TextField
              label={person ? t('staff.newPin') : t('staff.pin')}
              value={pin}
              onChange={(value) => setPin(value.replace(/\D/g, ''))}
              type="password"
              inputMode="numeric"
              inputClass="input-pin"
              maxLength={8}
              disabled={busy}
              error={problemAt(problem, 'pin')}
              testId="staff-pin"
            />
            <TextField
              label={t('staff.pinAgain')}
              value={pinAgain}
              onChange={(value) => setPinAgain(value.replace(/\D/g, ''))}
              type="password"
              inputMode="numeric"
              inputClass="input-pin"
              maxLength={8}
              disabled={busy}
              error={problemAt(problem, 'pinAgain')}
              hint={person ? t('staff.newPinHint') : t('staff.pinHint')}
              testId="staff-pin-again"
            />
          </div>
        )}
        {elsewhere && (
          <div className="notice notice-error" role="alert" data-testid="staff-error">
            {say(elsewhere)}
          </div>
        )}
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="staff-save">
          {person ? t('staff.save') : t('staff.create')}
        </button>
      </form>

      {person && (
        <div className="stack" data-testid="staff-access">
          <h3 className="subhead">{t('staff.access')}</h3>
          {me ? (
            <p className="member-sub" data-testid="staff-own-access">
              {t('staff.ownAccess')}
            </p>
          ) : !confirming ? (
            <button
              type="button"
              className={person.active ? 'btn btn-danger' : 'btn'}
              disabled={busy}
              ref={toggleRef}
              data-testid="staff-toggle"
              onClick={() => setConfirming(true)}
            >
              {person.active ? t('staff.disable') : t('staff.enable')}
            </button>
          ) : (
            <div
              className={person.active ? 'notice notice-error stack' : 'notice notice-warn stack'}
              role="alertdialog"
              aria-label={person.active ? t('staff.disable') : t('staff.enable')}
              data-testid="staff-toggle-confirm"
            >
              <p>
                {person.active
                  ? t('staff.disableWarn', { name: person.name, scope })
                  : t('staff.enableWarn', { name: person.name, scope })}
              </p>
              <div className="row">
                <button
                  type="button"
                  className={person.active ? 'btn btn-danger' : 'btn btn-primary'}
                  disabled={busy}
                  data-testid="staff-toggle-yes"
                  onClick={toggle}
                >
                  {person.active ? t('staff.disableConfirm') : t('staff.enableConfirm')}
                </button>
                <button type="button" className="btn" ref={answerRef} onClick={cancel}>
                  {t('app.cancel')}
                </button>
              </div>
            </div>
          )}
          <FieldNotes lockedBy={null} error={problemAt(problem, 'active')} testId="staff-active" />
        </div>
      )}
    </>
  );
}
