/**
 * What every receipt says about the store: name (empty = the programme's
 * name), address, organisation number, phone, footer lines, how the member's
 * card is printed, and the receipt's language.
 */
import { useEffect, useState } from 'react';
import type { ReceiptHeader } from '../../../service/devices/types';
import { api } from '../../api';
import { problemAt, problemOf } from '../../errors';
import type { Problem } from '../../errors';
import { useI18n } from '../../i18n';
import { Choice, FieldNotes } from './parts';

interface Form {
  storeName: string;
  address: string;
  orgNumber: string;
  phone: string;
  footer: string;
  memberCode: ReceiptHeader['memberCode'];
  locale: ReceiptHeader['locale'];
}

function formOf(header: ReceiptHeader): Form {
  return {
    storeName: header.storeName ?? '',
    address: header.addressLines.join('\n'),
    orgNumber: header.orgNumber,
    phone: header.phone ?? '',
    footer: header.footerLines.join('\n'),
    memberCode: header.memberCode,
    locale: header.locale,
  };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

function headerOf(form: Form): ReceiptHeader {
  return {
    storeName: form.storeName.trim() === '' ? null : form.storeName.trim(),
    addressLines: lines(form.address),
    orgNumber: form.orgNumber.trim(),
    phone: form.phone.trim() === '' ? null : form.phone.trim(),
    footerLines: lines(form.footer),
    memberCode: form.memberCode,
    locale: form.locale,
  };
}

export function ReceiptHeaderSection({
  canEdit,
  programmeName,
}: {
  canEdit: boolean;
  programmeName: string | null;
}) {
  const { t, pick } = useI18n();
  const [form, setForm] = useState<Form | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let alive = true;
    api.call('receiptHeader.get', {}).then(
      (header) => alive && setForm(formOf(header)),
      (error: unknown) => alive && setProblem(problemOf(error)),
    );
    return () => {
      alive = false;
    };
  }, []);

  const save = async (current: Form) => {
    setBusy(true);
    setProblem(null);
    setDone(false);
    try {
      setForm(formOf(await api.call('receiptHeader.save', headerOf(current))));
      setDone(true);
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };

  const edit = (field: keyof Form) => (event: { target: { value: string } }) =>
    setForm((current) => current && { ...current, [field]: event.target.value });
  const generalProblem =
    problem !== null &&
    ![
      'storeName',
      'addressLines',
      'orgNumber',
      'phone',
      'footerLines',
      'memberCode',
      'locale',
    ].some((field) => problemAt(problem, field) !== null);

  return (
    <section
      className="panel stack span-all"
      aria-labelledby="devices-header"
      data-testid="header-section"
    >
      <h2 id="devices-header">{t('devices.header')}</h2>
      {form && (
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            void save(form);
          }}
        >
          <div className="form-grid">
            <label className="field">
              <span>{t('devices.storeName')}</span>
              <input
                className="input"
                autoComplete="off"
                disabled={!canEdit}
                placeholder={t('devices.storeNameHint', { name: programmeName ?? '' })}
                aria-invalid={problemAt(problem, 'storeName') !== null}
                data-testid="header-store-name"
                value={form.storeName}
                onChange={edit('storeName')}
              />
              <FieldNotes
                lockedBy={null}
                error={problemAt(problem, 'storeName')}
                testId="header-store-name"
              />
            </label>
            <label className="field">
              <span>{t('devices.orgNumber')}</span>
              <input
                className="input"
                autoComplete="off"
                disabled={!canEdit}
                placeholder={t('devices.orgNumberHint')}
                aria-invalid={problemAt(problem, 'orgNumber') !== null}
                data-testid="header-org-number"
                value={form.orgNumber}
                onChange={edit('orgNumber')}
              />
              <FieldNotes
                lockedBy={null}
                error={problemAt(problem, 'orgNumber')}
                testId="header-org-number"
              />
            </label>
            <label className="field">
              <span>{t('devices.address')}</span>
              <textarea
                className="input textarea"
                rows={3}
                disabled={!canEdit}
                aria-invalid={problemAt(problem, 'addressLines') !== null}
                data-testid="header-address"
                value={form.address}
                onChange={edit('address')}
              />
              <FieldNotes
                lockedBy={null}
                error={problemAt(problem, 'addressLines')}
                testId="header-address"
              />
            </label>
            <label className="field">
              <span>{t('devices.footer')}</span>
              <textarea
                className="input textarea"
                rows={3}
                disabled={!canEdit}
                aria-invalid={problemAt(problem, 'footerLines') !== null}
                data-testid="header-footer"
                value={form.footer}
                onChange={edit('footer')}
              />
              <FieldNotes
                lockedBy={null}
                error={problemAt(problem, 'footerLines')}
                testId="header-footer"
              />
            </label>
            <label className="field">
              <span>{t('devices.phone')}</span>
              <input
                className="input"
                inputMode="tel"
                autoComplete="off"
                disabled={!canEdit}
                aria-invalid={problemAt(problem, 'phone') !== null}
                data-testid="header-phone"
                value={form.phone}
                onChange={edit('phone')}
              />
              <FieldNotes
                lockedBy={null}
                error={problemAt(problem, 'phone')}
                testId="header-phone"
              />
            </label>
            <Choice<ReceiptHeader['locale']>
              label={t('devices.receiptLanguage')}
              value={form.locale}
              options={[
                { value: 'nb', label: 'Norsk' },
                { value: 'en', label: 'English' },
              ]}
              onChange={(locale) => setForm({ ...form, locale })}
              disabled={!canEdit}
              testId="header-locale"
            >
              <FieldNotes
                lockedBy={null}
                error={problemAt(problem, 'locale')}
                testId="header-locale"
              />
            </Choice>
            <div className="span-all">
              <Choice<ReceiptHeader['memberCode']>
                label={t('devices.memberCode')}
                value={form.memberCode}
                options={(['barcode', 'qr', 'both', 'none'] as const).map((value) => ({
                  value,
                  label: t(`devices.memberCode.${value}`),
                }))}
                onChange={(memberCode) => setForm({ ...form, memberCode })}
                disabled={!canEdit}
                testId="header-member-code"
              >
                <FieldNotes
                  lockedBy={null}
                  error={problemAt(problem, 'memberCode')}
                  testId="header-member-code"
                />
              </Choice>
            </div>
          </div>
          {generalProblem && (
            <div className="notice notice-error" role="alert" data-testid="header-error">
              {pick(problem.text)}
            </div>
          )}
          {done && (
            <div className="notice notice-info" role="status" data-testid="header-saved">
              {t('devices.saved')}
            </div>
          )}
          <div className="row">
            <button
              type="submit"
              className="btn btn-primary"
              disabled={!canEdit || busy}
              data-testid="header-save"
            >
              {t('devices.saveHeader')}
            </button>
          </div>
        </form>
      )}
      {!form && problem && (
        <div className="notice notice-error" role="alert">
          {pick(problem.text)}
        </div>
      )}
    </section>
  );
}
