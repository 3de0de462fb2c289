/**
 * Conflicts, for the manager: what two offline tills both did (a coupon used
 * twice, points spent twice, two members with one phone), each in plain words
 * with the member, who opens in the member panel when this till has them.
 * The words are the service's (src/sync/conflicts.ts), rendered as they come.
 * Nothing here changes data; it explains.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Shown } from '../../../core/i18n';
import type { CommandOutputs } from '../../../contract/commands';
import type { ConflictMember } from '../../../contract/sync';
import { api } from '../../api';
import { errorText } from '../../errors';
import type { SyncStatus } from '../../hooks/useSync';
import { useNow } from '../../hooks/useSync';
import { useI18n } from '../../i18n';
import { clockOrDay } from './sync-text';

type Conflicts = CommandOutputs['sync.conflicts'];

type LoadState =
  { kind: 'loading' } | { kind: 'loaded'; data: Conflicts } | { kind: 'failed'; text: Shown };

export function ConflictsPanel({
  status,
  reload,
  onOpenMember,
}: {
  status: SyncStatus;
  /** Changes when the conflicts should be read again (a sync just ran). */
  reload: number;
  onOpenMember(memberId: string): void;
}) {
  const { t, say, date, time } = useI18n();
  const now = useNow();
  const [asked, setAsked] = useState(0);
  const refresh = useCallback(() => setAsked((n) => n + 1), []);
  // What the list is read for: again after a sync, a tap on "Oppdater", a change of connection.
  const key = `${reload}/${asked}/${status.state}`;
  const [read, setRead] = useState<{ key: string; result: LoadState } | null>(null);

  useEffect(() => {
    let alive = true;
    api.call('sync.conflicts', {}).then(
      (data) => alive && setRead({ key, result: { kind: 'loaded', data } }),
      (error: unknown) =>
        alive && setRead({ key, result: { kind: 'failed', text: errorText(error) } }),
    );
    return () => {
      alive = false;
    };
  }, [key]);

  // While a new read is under way, the last answer stays on screen.
  const state: LoadState = read?.result ?? { kind: 'loading' };
  const reading = read === null || read.key !== key;

  const conflicts = state.kind === 'loaded' ? state.data : null;
  const count = conflicts ? conflicts.cloud.conflicts.length + conflicts.local.length : 0;

  return (
    <section className="panel stack" aria-labelledby="sync-conflicts" data-testid="conflicts">
      <div className="row spread">
        <h2 id="sync-conflicts">
          {t('conflicts.title')}
          {conflicts && count > 0 && ` (${count})`}
        </h2>
        <button
          type="button"
          className="btn btn-small"
          data-testid="conflicts-refresh"
          onClick={refresh}
        >
          {t('conflicts.refresh')}
        </button>
      </div>
      <p className="member-sub">{t('conflicts.intro')}</p>
      {reading && (
        <p className="member-sub" role="status" data-testid="conflicts-loading">
          {t('conflicts.loading')}
        </p>
      )}
      {state.kind === 'failed' && (
        <div className="notice notice-error" role="alert" data-testid="conflicts-error">
          <span>{say(state.text)}</span>
        </div>
      )}
      {conflicts && !conflicts.cloud.available && conflicts.cloud.reason && (
        <div className="notice notice-warn" role="note" data-testid="conflicts-cloud-unavailable">
          <span>{t('conflicts.cloudUnavailable', { reason: say(conflicts.cloud.reason) })}</span>
        </div>
      )}
      {conflicts && count === 0 && (
        <p className="empty" data-testid="conflicts-none">
          {t('conflicts.none')}
        </p>
      )}
      {conflicts && count > 0 && (
        <ul className="conflicts" data-testid="conflict-list">
          {conflicts.cloud.conflicts.map((conflict) => (
            <li
              key={`${conflict.member.memberId}-${JSON.stringify(conflict.flag)}`}
              className="conflict"
              data-testid="conflict"
              data-kind={conflict.flag.kind}
            >
              <strong data-testid="conflict-text">{say(conflict.text)}</strong>
              <small>{say(conflict.hint)}</small>
              <small className="member-sub">
                {t('conflicts.seen', {
                  when: clockOrDay(conflict.firstSeenAt, now, { time, date }),
                })}
              </small>
              <div className="row">
                <MemberButton member={conflict.member} onOpen={onOpenMember} />
              </div>
            </li>
          ))}
          {conflicts.local.map((conflict) => (
            <li
              key={`${conflict.kind}-${conflict.value}`}
              className="conflict"
              data-testid="conflict"
              data-kind={conflict.kind}
            >
              <strong data-testid="conflict-text">{say(conflict.text)}</strong>
              <small>{say(conflict.hint)}</small>
              <div className="row">
                {conflict.members.map((member) => (
                  <MemberButton key={member.memberId} member={member} onOpen={onOpenMember} />
                ))}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The member a conflict is about: opens in the member panel when this till has them. */
function MemberButton({
  member,
  onOpen,
}: {
  member: ConflictMember;
  onOpen(memberId: string): void;
}) {
  const { t, say } = useI18n();
  const here = member.memberNumber !== null;
  if (!here)
    return (
      <small className="member-sub" data-testid="conflict-member-missing">
        {t('conflicts.memberMissing')}
      </small>
    );
  const name = say(member.name);
  return (
    <button
      type="button"
      className="btn btn-small"
      data-testid="conflict-member"
      aria-label={t('conflicts.openMemberLabel', { name, number: member.memberNumber ?? '' })}
      onClick={() => onOpen(member.memberId)}
    >
      <span className="choice-lines">
        <span>{t('conflicts.openMember', { name })}</span>
        <small>{t('member.number', { number: member.memberNumber ?? '' })}</small>
      </span>
    </button>
  );
}
