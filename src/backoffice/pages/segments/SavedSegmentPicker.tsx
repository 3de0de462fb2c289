/**
 * In the programme editor, where a coupon or bonus campaign takes a segment:
 * a saved segment to copy in. The rule itself is copied into the programme
 * (a till evaluates it offline from the member's ledger, and knows nothing of
 * saved segments), so a segment changed later is chosen again here.
 */
import { useEffect, useState } from 'react';
import type { BoSegmentSummary } from '../../../contract/backoffice/segments';
import type { SegmentRule } from '../../../core/programme';
import { SEGMENT_FIELDS } from '../../../core/programme';
import { call, failureText } from '../../api';
import { Alert } from '../../components/Alert';
import { useBo } from '../../i18n';
import type { Shown } from '../../../core/i18n';

/** What the editor's own fields show of a segment; anything else it holds is said in a note. */
const SHOWN_FIELDS = new Set([
  'tiers',
  'minAge',
  'maxAge',
  'genders',
  'postalCodePrefixes',
  'memberIds',
]);

/** Whether the rule holds conditions the programme editor's fields do not show. */
export function holdsMore(rule: SegmentRule | undefined): boolean {
  if (!rule) return false;
  return Object.entries(rule).some(
    ([field, value]) =>
      SEGMENT_FIELDS.has(field) &&
      !SHOWN_FIELDS.has(field) &&
      value !== undefined &&
      !(Array.isArray(value) && value.length === 0),
  );
}

export function SavedSegmentPicker({
  onPick,
  disabled,
  testId,
}: {
  onPick(rule: SegmentRule): void;
  disabled: boolean;
  testId: string;
}) {
  const { t } = useBo();
  const [segments, setSegments] = useState<BoSegmentSummary[]>([]);
  const [problem, setProblem] = useState<Shown | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    call('segment.list', {}).then(
      (answer) => live && setSegments(answer),
      (error: unknown) => live && setProblem(failureText(error)),
    );
    return () => {
      live = false;
    };
  }, []);
  if (segments.length === 0 && problem === null) return null;
  const pick = async (id: string) => {
    setCopied(null);
    try {
      const segment = await call('segment.get', { id });
      onPick(segment.rule);
      setCopied(t('segments.copied', { name: segment.name }));
    } catch (error) {
      setProblem(failureText(error));
    }
  };
  return (
    <div className="span-all pe-saved-segment">
      <label className="field">
        <span>{t('segments.useSaved')}</span>
        <select
          className="input"
          value=""
          disabled={disabled}
          onChange={(event) => event.target.value && void pick(event.target.value)}
          data-testid={testId}
        >
          <option value="">{t('segments.useSavedNone')}</option>
          {segments.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        <small className="member-sub">{t('segments.useSavedHint')}</small>
      </label>
      <Alert kind="error" shown={problem} />
      <Alert kind="ok" shown={copied} />
    </div>
  );
}
