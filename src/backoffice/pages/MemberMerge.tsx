/**
 * On a member's page (owners only): whether the member was merged into
 * another or others into it, and the members that may be the same person (the
 * other holders of the phone, from the duplicate-phone conflicts) with a
 * "Slå sammen" that says first what a merge does. The member whose page this
 * is is kept; the other is merged into it.
 */
import { useEffect, useState } from 'react';
import type { BoMergeMember, BoMergeState } from '../../contract/backoffice/merge';
import type { BoMemberDetail } from '../../contract/backoffice/members';
import { call } from '../api';
import { Alert } from '../components/Alert';
import { Modal } from '../components/Modal';
import { useCommandForm } from '../components/useCommandForm';
import { useBo } from '../i18n';
import { Link } from '../router';
import '../merge.css';

export function MemberMerge({
  member,
  onMerged,
}: {
  member: BoMemberDetail;
  onMerged(updated: BoMemberDetail): void;
}) {
  const { t, date } = useBo();
  const [state, setState] = useState<{ memberId: string; merge: BoMergeState } | null>(null);
  const [asking, setAsking] = useState<BoMergeMember | null>(null);
  const form = useCommandForm();
  // Merging is the chain's (its owners'), as erasing is.
  const owner = member.may.erase;

  useEffect(() => {
    if (!owner) return;
    let live = true;
    call('members.mergeCandidates', { memberId: member.memberId }).then(
      (merge) => live && setState({ memberId: member.memberId, merge }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [member, owner]);

  const merge = state?.memberId === member.memberId ? state.merge : null;
  if (!merge) return null;

  const confirm = async (other: BoMergeMember) => {
    const answer = await form.run(async () => {
      await call('members.merge', {
        keepMemberId: member.memberId,
        absorbMemberId: other.memberId,
        confirm: true,
      });
      return call('members.get', { memberId: member.memberId });
    });
    if (answer) {
      setAsking(null);
      onMerged(answer);
    }
  };

  return (
    <div className="bo-merge" data-testid="member-merge">
      {merge.mergedInto && (
        <p className="bo-merge-note" data-testid="member-merged-into">
          {t('merge.mergedInto', { number: merge.mergedInto.memberNumber })}{' '}
          <Link to={`/members/${encodeURIComponent(merge.mergedInto.memberId)}`}>
            {t('merge.open', { number: merge.mergedInto.memberNumber })}
          </Link>
        </p>
      )}
      {merge.absorbed.length > 0 && (
        <p className="bo-merge-note" data-testid="member-absorbed">
          {t('merge.absorbed', { numbers: merge.absorbed.map((a) => a.memberNumber).join(', ') })}
        </p>
      )}
      {merge.candidates.map((other) => (
        <div key={other.memberId} className="bo-merge-candidate" data-testid="merge-candidate">
          <p>
            {t('merge.candidate', {
              number: other.memberNumber,
              name: other.name ?? 'none',
              enrolled: date(other.enrolledAt),
              points: other.points,
            })}{' '}
            <Link to={`/members/${encodeURIComponent(other.memberId)}`}>
              {t('merge.open', { number: other.memberNumber })}
            </Link>
          </p>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => setAsking(other)}
            data-testid="merge-start"
          >
            {t('merge.action')}
          </button>
        </div>
      ))}
      {asking && (
        <Modal
          title={t('merge.confirmTitle')}
          onClose={() => setAsking(null)}
          testId="merge-confirm"
        >
          <p>{t('merge.confirmText', { other: asking.memberNumber, kept: member.memberNumber })}</p>
          <Alert kind="error" shown={form.formError([])} />
          <div className="bo-actions">
            <button
              type="button"
              className="btn btn-primary"
              disabled={form.busy}
              onClick={() => void confirm(asking)}
              data-testid="merge-confirm-yes"
            >
              {t('merge.confirm')}
            </button>
            <button type="button" className="btn" onClick={() => setAsking(null)}>
              {t('merge.cancel')}
            </button>
          </div>
        </Modal>
      )}
    </div>
  );
}
