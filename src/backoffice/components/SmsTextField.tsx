/**
 * An SMS text as a campaign or an automation takes it: the text, and under
 * it its length, the parts it is sent as (with the opt-out the sender
 * appends) and anything the page adds (its price).
 */
import type { ReactNode } from 'react';
import type { SmsParts } from '../../core/messaging/sms-parts';
import { SMS_OPT_OUT } from '../../core/messaging/sms-parts';
import { useBo } from '../i18n';

export function SmsTextField(props: {
  value: string;
  onChange(value: string): void;
  parts: SmsParts;
  rows: number;
  testId: string;
  partsTestId: string;
  /** Said after the parts, on the same line. */
  after?: ReactNode;
}) {
  const { t } = useBo();
  return (
    <label className="field">
      <span>{t('campaigns.form.smsText')}</span>
      <textarea
        className="input"
        rows={props.rows}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        maxLength={900}
        required
        data-testid={props.testId}
      />
      <small className="bo-hint" data-testid={props.partsTestId}>
        {t('campaigns.form.smsParts', {
          chars: props.value.length,
          parts: props.parts.parts,
          optOut: SMS_OPT_OUT,
          ucs: props.parts.encoding === 'ucs2' ? 'yes' : 'no',
        })}
        {props.after}
      </small>
    </label>
  );
}
