/**
 * A member's page (/bo/members/<id>?tab=…, each tab bookmarkable): Profil
 * (facts, balances and the profile form), Historikk, Samtykke, Poeng (a
 * manual adjustment with its reason, capped by the programme), PIN (reset),
 * Personvern (export and erasure, owners only) and Logg (who did what, when
 * and where). Every change goes through a command of
 * src/contract/backoffice/members.ts; the cloud's refusals show beside the
 * field they concern.
 */
import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type {
  BoAudit,
  BoAuditEntry,
  BoMemberDetail,
  BoMemberEntry,
} from '../../contract/backoffice/members';
import type { Shown } from '../../core/i18n';
import { TextField } from '../../ui/components/TextField';
import { call, failureText } from '../api';
import { Alert } from '../components/Alert';
import { Modal } from '../components/Modal';
import { useCommandForm } from '../components/useCommandForm';
import { useBo } from '../i18n';
import type { BoKey } from '../i18n';
import { Link, useRoute } from '../router';
import { useSession } from '../session';
import '../members.css';
import { MemberMerge } from './MemberMerge';

const TABS = ['profile', 'history', 'consent', 'points', 'pin', 'privacy', 'log'] as const;
type Tab = (typeof TABS)[number];

const FIELD_LABELS: Record<string, BoKey> = {
  firstName: 'members.field.firstName',
  lastName: 'members.field.lastName',
  email: 'members.field.email',
  birthDate: 'members.field.birthDate',
  postalCode: 'members.field.postalCode',
  gender: 'members.field.gender',
  phoneE164: 'members.field.phone',
};

/** A phone as people read it: Norway's 3-2-3 ("+47 912 34 567"), others as stored. */
export function shownPhone(phone: string): string {
  const norwegian = /^\+47(\d{3})(\d{2})(\d{3})$/.exec(phone);
  return norwegian ? `+47 ${norwegian[1]} ${norwegian[2]} ${norwegian[3]}` : phone;
}

function nameOf(member: BoMemberDetail, unnamed: string): string {
  const name = [member.profile.firstName, member.profile.lastName].filter(Boolean).join(' ');
  return name || unnamed;
}

/** An entry of the history or the log, in words. */
function useEntryWords() {
  const { t, money, say } = useBo();
  return {
    what(entry: BoMemberEntry): string {
      switch (entry.kind) {
        case 'enrolled':
          return t('members.entry.enrolled');
        case 'profile':
          return t('members.entry.profile', {
            fields: (entry.fields ?? [])
              .map((f) => (FIELD_LABELS[f] ? t(FIELD_LABELS[f]).toLocaleLowerCase() : f))
              .join(', '),
          });
        case 'consent':
          return t('members.entry.consent', {
            granted: entry.granted ? 'yes' : 'no',
            channel: entry.channel ?? 'sms',
          });
        case 'pin':
          return entry.pinCleared ? t('members.entry.pinCleared') : t('members.entry.pinSet');
        case 'erased':
          return t('members.entry.erased');
        case 'sale':
          return t('members.entry.sale', {
            amount: money(entry.totalOre ?? 0),
            receiptNo: entry.receiptNo ?? '',
          });
        case 'voided':
          return t('members.entry.voided', { reason: entry.reason ? say(entry.reason) : '' });
        case 'returned':
          return t('members.entry.returned', { amount: money(entry.totalOre ?? 0) });
        case 'points':
          return t('members.entry.points', { reason: entry.reason ? say(entry.reason) : '' });
        case 'coupon_bought':
          return t('members.entry.couponBought');
        case 'referral':
          return t('members.entry.referral');
        default:
          return t('members.entry.other');
      }
    },
    where(entry: BoMemberEntry): string {
      if (entry.backoffice) return t('members.where.backoffice');
      return entry.store ?? t('members.where.otherStore');
    },
    who(entry: BoMemberEntry): string {
      if (entry.by === null) return t('members.who.unknown');
      const name = entry.by.name ?? t('members.who.unknown');
      return entry.by.kind === 'account' ? t('members.who.account', { name }) : name;
    },
  };
}

export function EntriesTable({
  entries,
  withWho = true,
  withMember = false,
}: {
  entries: ReadonlyArray<BoMemberEntry | BoAuditEntry>;
  withWho?: boolean;
  withMember?: boolean;
}) {
  const { t, dateTime } = useBo();
  const words = useEntryWords();
  return (
    <table className="bo-table bo-entries" data-testid="member-entries">
      <thead>
        <tr>
          <th scope="col">{t('members.col.when')}</th>
          {withMember && <th scope="col">{t('members.col.member')}</th>}
          <th scope="col">{t('members.col.what')}</th>
          <th scope="col" className="bo-num">
            {t('members.col.points')}
          </th>
          <th scope="col">{t('members.col.where')}</th>
          {withWho && <th scope="col">{t('members.col.who')}</th>}
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.eventId} data-testid="member-entry">
            <td className="bo-nowrap">{dateTime(entry.at)}</td>
            {withMember && 'memberId' in entry && (
              <td className="bo-nowrap">
                <Link to={`/members/${encodeURIComponent(entry.memberId)}?tab=log`}>
                  {entry.memberNumber ?? entry.memberId}
                </Link>
              </td>
            )}
            <td>{words.what(entry)}</td>
            <td className="bo-num">
              {entry.points === undefined || entry.points === 0
                ? ''
                : entry.points > 0
                  ? `+${entry.points}`
                  : String(entry.points)}
            </td>
            <td>{words.where(entry)}</td>
            {withWho && <td>{words.who(entry)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type Update = (member: BoMemberDetail, notice: string) => void;

function ProfileTab({ member, onSaved }: { member: BoMemberDetail; onSaved: Update }) {
  const { t, money, say, date } = useBo();
  const [values, setValues] = useState({
    firstName: member.profile.firstName ?? '',
    lastName: member.profile.lastName ?? '',
    phone: member.phone ?? '',
    email: member.profile.email ?? '',
    birthDate: member.profile.birthDate ?? '',
    postalCode: member.profile.postalCode ?? '',
  });
  const form = useCommandForm();
  const set = (field: keyof typeof values) => (value: string) =>
    setValues((v) => ({ ...v, [field]: value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await form.run(() =>
      call('members.updateProfile', { memberId: member.memberId, profile: values }),
    );
    if (answer) onSaved(answer, t('members.profile.saved'));
  };
  const field = (name: keyof typeof values, label: BoKey, extra: object = {}) => (
    <TextField
      label={t(label)}
      value={values[name]}
      onChange={set(name)}
      disabled={!member.may.editProfile}
      error={form.fieldError(`profile.${name}`)}
      testId={`profile-${name}`}
      {...extra}
    />
  );
  return (
    <div className="bo-member-profile">
      <section className="bo-card bo-member-facts" data-testid="member-facts">
        {member.points.enabled && (
          <p className="bo-member-balance">
            <strong data-testid="member-balance">
              {t('members.fact.balance', { balance: member.points.balance })}
            </strong>{' '}
            {member.points.valueOre > 0 && (
              <span>· {t('members.fact.value', { amount: money(member.points.valueOre) })}</span>
            )}
            {member.points.pending > 0 && (
              <span> · {t('members.fact.pending', { pending: member.points.pending })}</span>
            )}
          </p>
        )}
        {member.tier && <p>{t('members.fact.tier', { tier: say(member.tier.name) })}</p>}
        <p>
          {t('members.fact.purchases', {
            count: member.stats.purchases,
            amount: money(member.stats.spendOre),
          })}
        </p>
        {member.punchCards.length > 0 && (
          <>
            <h3>{t('members.fact.cards')}</h3>
            <ul className="bo-plain-list">
              {member.punchCards.map((card) => (
                <li key={card.cardId} data-testid={`member-card-${card.cardId}`}>
                  {t('members.fact.card', {
                    name: say(card.name),
                    stamps: card.stamps,
                    of: card.of,
                    rewards: card.rewards,
                  })}
                </li>
              ))}
            </ul>
          </>
        )}
        <h3>{t('members.fact.coupons')}</h3>
        {member.coupons.length === 0 ? (
          <p className="bo-hint">{t('members.fact.noCoupons')}</p>
        ) : (
          <ul className="bo-plain-list">
            {member.coupons.map((coupon) => (
              <li key={coupon.couponId}>
                {t('members.fact.coupon', { name: say(coupon.name), date: date(coupon.validTo) })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <form className="bo-card bo-form bo-member-form" onSubmit={submit} noValidate>
        {!member.may.editProfile && <p className="bo-hint">{t('members.profile.readOnly')}</p>}
        <div className="bo-two">
          {field('firstName', 'members.field.firstName')}
          {field('lastName', 'members.field.lastName')}
        </div>
        <div className="bo-two">
          {field('phone', 'members.field.phone', { inputMode: 'tel' })}
          {field('email', 'members.field.email', {
            type: 'email',
            inputMode: 'email',
            autoCapitalize: 'none',
            spellCheck: false,
          })}
        </div>
        <div className="bo-two">
          {field('birthDate', 'members.field.birthDate', {
            hint: t('members.field.birthDateHint'),
          })}
          {field('postalCode', 'members.field.postalCode', { inputMode: 'numeric' })}
        </div>
        <Alert
          kind="error"
          shown={form.formError(Object.keys(values).map((k) => `profile.${k}`))}
        />
        {member.may.editProfile && (
          <div className="bo-actions">
            <button
              type="submit"
              className="btn btn-primary"
              disabled={form.busy}
              data-testid="member-save"
            >
              {t('members.profile.save')}
            </button>
          </div>
        )}
      </form>
    </div>
  );
}

function ConsentTab({ member, onSaved }: { member: BoMemberDetail; onSaved: Update }) {
  const { t } = useBo();
  const form = useCommandForm();
  const change = async (channel: 'sms' | 'email', granted: boolean) => {
    const answer = await form.run(() =>
      call('members.setConsent', { memberId: member.memberId, channel, granted }),
    );
    if (answer) onSaved(answer, t('members.consent.saved'));
  };
  const consents = member.history.filter((e) => e.kind === 'consent');
  return (
    <section className="bo-card">
      <p className="bo-lead">{t('members.consent.lead')}</p>
      <table className="bo-table" data-testid="member-consents">
        <tbody>
          {(['sms', 'email'] as const).map((channel) => {
            const given = member.consents[channel];
            return (
              <tr key={channel} data-testid={`consent-${channel}`}>
                <th scope="row">{t(`members.consent.${channel}`)}</th>
                <td>
                  <span
                    className={given ? 'bo-tag bo-tag-ok' : 'bo-tag bo-tag-off'}
                    data-testid={`consent-${channel}-state`}
                  >
                    {given ? t('members.consent.yes') : t('members.consent.no')}
                  </span>
                </td>
                <td className="bo-cell-action">
                  {given ? (
                    <button
                      type="button"
                      className="btn btn-small btn-danger-outline"
                      disabled={form.busy}
                      onClick={() => void change(channel, false)}
                      data-testid={`consent-${channel}-withdraw`}
                    >
                      {t('members.consent.withdraw')}
                    </button>
                  ) : (
                    member.may.grantConsent && (
                      <button
                        type="button"
                        className="btn btn-small"
                        disabled={form.busy}
                        onClick={() => void change(channel, true)}
                        data-testid={`consent-${channel}-grant`}
                      >
                        {t('members.consent.grant')}
                      </button>
                    )
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="bo-hint">{t('members.consent.terms', { version: member.termsVersion })}</p>
      {!member.may.grantConsent && <p className="bo-hint">{t('members.consent.ownerGrants')}</p>}
      <Alert kind="error" shown={form.formError([])} />
      {consents.length > 0 && (
        <>
          <h3>{t('members.consent.historyTitle')}</h3>
          <EntriesTable entries={consents} />
        </>
      )}
    </section>
  );
}

function PointsTab({ member, onSaved }: { member: BoMemberDetail; onSaved: Update }) {
  const { t, locale } = useBo();
  const [points, setPoints] = useState('');
  const [reason, setReason] = useState('');
  const form = useCommandForm();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const typed = points.trim().replace(/^[−–]/, '-');
    const answer = await form.run(() =>
      call('members.adjustPoints', {
        memberId: member.memberId,
        points: typed === '' || !/^[-+]?\d+$/.test(typed) ? Number.NaN : Number(typed),
        reason,
      }),
    );
    if (answer) {
      setPoints('');
      setReason('');
      onSaved(answer, t('members.points.saved'));
    }
  };
  const adjustments = member.history.filter((e) => e.kind === 'points');
  if (!member.points.enabled) return <p className="bo-card bo-empty">{t('members.points.off')}</p>;
  return (
    <section className="bo-card">
      <p className="bo-member-balance">
        <strong>{t('members.fact.balance', { balance: member.points.balance })}</strong>
      </p>
      <p className="bo-lead">
        {t('members.points.lead', {
          max: new Intl.NumberFormat(locale === 'en' ? 'en-GB' : `${locale}-NO`).format(
            member.maxAdjustment,
          ),
        })}
      </p>
      <form className="bo-form" onSubmit={submit} noValidate>
        <div className="bo-two bo-points-fields">
          <TextField
            label={t('members.points.amount')}
            value={points}
            onChange={setPoints}
            inputMode="numeric"
            error={form.fieldError('points')}
            testId="points-amount"
          />
          <TextField
            label={t('members.points.reason')}
            value={reason}
            onChange={setReason}
            hint={t('members.points.reasonHint')}
            error={form.fieldError('reason')}
            testId="points-reason"
          />
        </div>
        <Alert kind="error" shown={form.formError(['points', 'reason'])} />
        <div className="bo-actions">
          <button
            type="submit"
            className="btn btn-primary"
            disabled={form.busy}
            data-testid="points-submit"
          >
            {t('members.points.submit')}
          </button>
        </div>
      </form>
      {adjustments.length > 0 && <EntriesTable entries={adjustments} />}
    </section>
  );
}

function PinTab({ member, onSaved }: { member: BoMemberDetail; onSaved: Update }) {
  const { t } = useBo();
  const [confirming, setConfirming] = useState(false);
  const form = useCommandForm();
  const reset = async () => {
    const answer = await form.run(() => call('members.resetPin', { memberId: member.memberId }));
    if (answer) {
      setConfirming(false);
      onSaved(answer, t('members.pin.saved'));
    }
  };
  return (
    <section className="bo-card">
      <p data-testid="pin-state">
        <strong>{member.hasPin ? t('members.pin.has') : t('members.pin.none')}</strong>
      </p>
      <p className="bo-lead">{t('members.pin.lead')}</p>
      {member.hasPin && (
        <div className="bo-actions">
          <button
            type="button"
            className="btn btn-danger-outline"
            onClick={() => setConfirming(true)}
            data-testid="pin-reset"
          >
            {t('members.pin.reset')}
          </button>
        </div>
      )}
      {confirming && (
        <Modal title={t('members.pin.confirmTitle')} onClose={() => setConfirming(false)}>
          <p>{t('members.pin.confirmText', { name: nameOf(member, t('members.unnamed')) })}</p>
          <Alert kind="error" shown={form.formError([])} />
          <div className="bo-actions">
            <button
              type="button"
              className="btn btn-danger"
              disabled={form.busy}
              onClick={() => void reset()}
              data-testid="pin-reset-confirm"
            >
              {t('members.pin.reset')}
            </button>
            <button type="button" className="btn" onClick={() => setConfirming(false)}>
              {t('app.cancel')}
            </button>
          </div>
        </Modal>
      )}
    </section>
  );
}

/** The member's own page link (cloud/member-page): shown, replaced, or withdrawn. */
function PageLinkCard({ member }: { member: BoMemberDetail }) {
  const { t } = useBo();
  const [url, setUrl] = useState<string | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const form = useCommandForm();
  const memberId = member.memberId;
  useEffect(() => {
    void call('members.pageLink', { memberId, action: 'show' }).then(
      (answer) => setUrl(answer.url),
      () => setUrl(null),
    );
  }, [memberId]);
  const act = async (action: 'renew' | 'revoke') => {
    const answer = await form.run(() => call('members.pageLink', { memberId, action }));
    if (!answer) return;
    setUrl(answer.url);
    setSaid(t(action === 'renew' ? 'members.pageLink.renewed' : 'members.pageLink.revoked'));
  };
  return (
    <section className="bo-card" data-testid="page-link">
      <h2>{t('members.pageLink.title')}</h2>
      <p className="bo-lead">{t('members.pageLink.lead')}</p>
      {url ? (
        <p>
          <a href={url} target="_blank" rel="noreferrer" data-testid="page-link-url">
            {url}
          </a>
        </p>
      ) : (
        <p data-testid="page-link-none">{t('members.pageLink.none')}</p>
      )}
      <Alert kind="ok" shown={said} testId="page-link-notice" />
      <Alert kind="error" shown={form.formError([])} />
      <div className="bo-actions">
        <button
          type="button"
          className="btn"
          disabled={form.busy}
          onClick={() => void act('renew')}
          data-testid="page-link-renew"
        >
          {t('members.pageLink.renew')}
        </button>
        {url && (
          <button
            type="button"
            className="btn btn-danger-outline"
            disabled={form.busy}
            onClick={() => void act('revoke')}
            data-testid="page-link-revoke"
          >
            {t('members.pageLink.revoke')}
          </button>
        )}
      </div>
    </section>
  );
}

function PrivacyTab({ member }: { member: BoMemberDetail }) {
  const { t } = useBo();
  const { navigate } = useRoute();
  const [confirming, setConfirming] = useState(false);
  const [asked, setAsked] = useState(false);
  const [missing, setMissing] = useState(false);
  const form = useCommandForm();
  const download = async () => {
    const answer = await form.run(() => call('members.export', { memberId: member.memberId }));
    if (!answer) return;
    const blob = new Blob([JSON.stringify(answer, null, 2)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `medlem-${member.memberNumber}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  const erase = async () => {
    if (!asked) {
      setMissing(true);
      return;
    }
    const answer = await form.run(() =>
      call('members.erase', { memberId: member.memberId, confirm: true }),
    );
    if (answer) navigate('/members?erased=1');
  };
  if (!member.may.export && !member.may.erase)
    return <p className="bo-card bo-empty">{t('members.privacy.ownersOnly')}</p>;
  const name = nameOf(member, t('members.unnamed'));
  return (
    <div className="bo-member-privacy">
      <section className="bo-card">
        <h2>{t('members.privacy.exportTitle')}</h2>
        <p>{t('members.privacy.exportLead')}</p>
        <button
          type="button"
          className="btn"
          onClick={() => void download()}
          disabled={form.busy}
          data-testid="member-export"
        >
          {t('members.privacy.export')}
        </button>
      </section>
      <section className="bo-card">
        <h2>{t('members.privacy.eraseTitle')}</h2>
        <p>{t('members.privacy.eraseLead')}</p>
        <button
          type="button"
          className="btn btn-danger-outline"
          onClick={() => setConfirming(true)}
          data-testid="member-erase"
        >
          {t('members.privacy.erase')}
        </button>
      </section>
      <Alert kind="error" shown={confirming ? null : form.formError([])} />
      {confirming && (
        <Modal
          title={t('members.privacy.confirmTitle', { name })}
          onClose={() => setConfirming(false)}
        >
          <p>{t('members.privacy.eraseLead')}</p>
          <label className="bo-check">
            <input
              type="checkbox"
              checked={asked}
              onChange={(e) => {
                setAsked(e.currentTarget.checked);
                setMissing(false);
              }}
              data-testid="member-erase-asked"
            />
            <span>{t('members.privacy.confirmCheck')}</span>
          </label>
          {missing && (
            <small className="field-error" role="alert">
              {t('members.privacy.confirmNeeded')}
            </small>
          )}
          <Alert kind="error" shown={form.formError([])} />
          <div className="bo-actions">
            <button
              type="button"
              className="btn btn-danger"
              disabled={form.busy}
              onClick={() => void erase()}
              data-testid="member-erase-confirm"
            >
              {t('members.privacy.erase')}
            </button>
            <button type="button" className="btn" onClick={() => setConfirming(false)}>
              {t('app.cancel')}
            </button>
          </div>
        </Modal>
      )}
    </div>
  );
}

function LogTab({ member }: { member: BoMemberDetail }) {
  const { t } = useBo();
  const [pages, setPages] = useState<BoAudit[]>([]);
  const [problem, setProblem] = useState<Shown | null>(null);
  const load = useCallback(
    (page: number) =>
      call('audit.list', { memberId: member.memberId, page }).then(
        (answer) => setPages((p) => [...p.slice(0, page), answer]),
        (error: unknown) => setProblem(failureText(error)),
      ),
    [member.memberId],
  );
  useEffect(() => {
    void load(0);
  }, [load, member]);
  const entries = pages.flatMap((p) => p.entries);
  return (
    <section className="bo-card" data-testid="member-log">
      <p className="bo-lead">{t('members.log.lead')}</p>
      <Alert kind="error" shown={problem} />
      {pages.length > 0 && entries.length === 0 && (
        <p className="bo-empty">{t('members.log.none')}</p>
      )}
      {entries.length > 0 && <EntriesTable entries={entries} />}
      {pages.at(-1)?.more && (
        <button type="button" className="btn btn-small" onClick={() => void load(pages.length)}>
          {t('members.log.more')}
        </button>
      )}
    </section>
  );
}

export function MemberPage() {
  const { t, date } = useBo();
  const { session } = useSession();
  // The page link opens the member's data from every store: owners only.
  const owner = typeof session === 'object' && session?.account.role === 'owner';
  const { path, search, navigate } = useRoute();
  const memberId = decodeURIComponent(path.slice('/members/'.length));
  const tabParam = search.get('tab');
  const tab: Tab = (TABS as readonly string[]).includes(tabParam ?? '')
    ? (tabParam as Tab)
    : 'profile';
  // What was read, kept with the member it is of (another address shows none of it).
  const [read, setRead] = useState<{
    memberId: string;
    member: BoMemberDetail | null;
    problem: Shown | null;
  } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const current = read?.memberId === memberId ? read : null;
  const member = current?.member ?? null;
  const problem = current?.problem ?? null;
  const setMember = (updated: BoMemberDetail) =>
    setRead({ memberId: updated.memberId, member: updated, problem: null });

  useEffect(() => {
    let live = true;
    call('members.get', { memberId }).then(
      (answer) => live && setRead({ memberId, member: answer, problem: null }),
      (error: unknown) => live && setRead({ memberId, member: null, problem: failureText(error) }),
    );
    return () => {
      live = false;
    };
  }, [memberId]);

  const onSaved: Update = (updated, said) => {
    setMember(updated);
    setNotice(said);
  };
  const name = member ? nameOf(member, t('members.unnamed')) : '';

  return (
    <section className="bo-page" aria-labelledby="member-title">
      <p className="bo-back">
        <Link to="/members">← {t('members.back')}</Link>
      </p>
      <Alert kind="error" shown={problem} />
      {!member && !problem && <p aria-busy="true">{t('app.loading')}</p>}
      {member && (
        <>
          <header className="bo-page-head bo-member-head">
            <h1 id="member-title" data-testid="member-name">
              {name}
            </h1>
            <p className="bo-lead">
              <span>{t('members.fact.number', { number: member.memberNumber })}</span>
              {member.phone && <span data-testid="member-phone">{shownPhone(member.phone)}</span>}
              <span>
                {member.enrolledStore
                  ? t('members.fact.enrolledAt', {
                      date: date(member.enrolledAt),
                      store: member.enrolledStore,
                    })
                  : t('members.fact.enrolled', { date: date(member.enrolledAt) })}
              </span>
            </p>
          </header>
          <div className="bo-tabs" role="tablist" aria-label={t('members.tab.label')}>
            {TABS.map((id) => (
              <button
                key={id}
                type="button"
                role="tab"
                aria-selected={tab === id}
                className={tab === id ? 'bo-tab bo-tab-on' : 'bo-tab'}
                onClick={() => {
                  setNotice(null);
                  navigate(`/members/${encodeURIComponent(memberId)}?tab=${id}`, {
                    replace: true,
                  });
                }}
                data-testid={`member-tab-${id}`}
              >
                {t(`members.tab.${id}`)}
              </button>
            ))}
          </div>
          <MemberMerge member={member} onMerged={(m) => onSaved(m, t('merge.done'))} />
          <Alert kind="ok" shown={notice} testId="member-notice" />
          <div role="tabpanel" className="bo-tab-panel">
            {tab === 'profile' && (
              <ProfileTab key={member.history[0]?.eventId} member={member} onSaved={onSaved} />
            )}
            {tab === 'history' && (
              <section className="bo-card">
                <EntriesTable entries={member.history} withWho={false} />
              </section>
            )}
            {tab === 'consent' && <ConsentTab member={member} onSaved={onSaved} />}
            {tab === 'points' && <PointsTab member={member} onSaved={onSaved} />}
            {tab === 'pin' && <PinTab member={member} onSaved={onSaved} />}
            {tab === 'pin' && owner && member.contactVisible && <PageLinkCard member={member} />}
            {tab === 'privacy' && <PrivacyTab member={member} />}
            {tab === 'log' && <LogTab member={member} />}
          </div>
        </>
      )}
    </section>
  );
}
