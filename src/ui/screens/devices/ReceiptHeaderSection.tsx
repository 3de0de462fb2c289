/**
 * What every receipt says about the store: name (empty = the programme's
 * name), address, organisation number, phone, footer lines, how the member's
 * card is printed, and the receipt's language.
 */
import { useEffect, useState } from 'react';
import { LOCALES } from '../../../core/i18n';
import type { ReceiptHeader } from '../../../contract/devices';
import { api } from '../../api';
import { problemAt, problemElsewhere } from '../../errors';
import { useSaveCommand } from '../../hooks/useSaveCommand';
import { useI18n } from '../../i18n';
import { FieldNotes, TextField } from '../../components/TextField';
import { Choice, SaveFooter } from './parts';

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

/** The header's fields as the service names them (a problem at any of them is shown there). */
const FIELDS = [
  'storeName',
  'addressLines',
  'orgNumber',
  'phone',
  'footerLines',
  'memberCode',
  'locale',
] satisfies (keyof ReceiptHeader)[];

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
  const { t, say } = useI18n();
  const [form, setForm] = useState<Form | null>(null);
  const { busy, problem, done, save, fail } = useSaveCommand();

  useEffect(() => {
    let alive = true;
    api.call('receiptHeader.get', {}).then(
      (header) => alive && setForm(formOf(header)),
      (error: unknown) => alive && fail(error),
    );
    return () => {
      alive = false;
    };
  }, [fail]);

  const saveForm = (current: Form) =>
    void save(async () => setForm(formOf(await api.call('receiptHeader.save', headerOf(current)))));
  const edit = (field: keyof Form) => (value: string) =>
    setForm((current) => current && { ...current, [field]: value });

  return (
    <section
      className="panel stack span-all"
      aria-labelledby="devices-header"
      data-testid="header-section"
    >
      <h2 id="devices-header">{t('devices.header')}</h2>
      {form && (
        <form
          noValidate
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            saveForm(form);
          }}
        >
          <div className="form-grid">
            <TextField
              label={t('devices.storeName')}
              disabled={!canEdit}
              placeholder={t('devices.storeNameHint', { name: programmeName ?? '' })}
              testId="header-store-name"
              value={form.storeName}
              onChange={edit('storeName')}
              error={problemAt(problem, 'storeName')}
            />
            <TextField
              label={t('devices.orgNumber')}
              disabled={!canEdit}
              placeholder={t('devices.orgNumberHint')}
              testId="header-org-number"
              value={form.orgNumber}
              onChange={edit('orgNumber')}
              error={problemAt(problem, 'orgNumber')}
            />
            <TextField
              label={t('devices.address')}
              rows={3}
              disabled={!canEdit}
              testId="header-address"
              value={form.address}
              onChange={edit('address')}
              error={problemAt(problem, 'addressLines')}
            />
            <TextField
              label={t('devices.footer')}
              rows={3}
              disabled={!canEdit}
              testId="header-footer"
              value={form.footer}
              onChange={edit('footer')}
              error={problemAt(problem, 'footerLines')}
            />
            <TextField
              label={t('devices.phone')}
              inputMode="tel"
              disabled={!canEdit}
              testId="header-phone"
              value={form.phone}
              onChange={edit('phone')}
              error={problemAt(problem, 'phone')}
            />
            <Choice<ReceiptHeader['locale']>
              label={t('devices.receiptLanguage')}
              value={form.locale}
              options={LOCALES.map((locale) => ({
                value: locale,
                label: t(`lang.name.${locale}`),
              }))}
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
          <SaveFooter
            problem={problemElsewhere(problem, FIELDS)}
            done={done}
            disabled={!canEdit || busy}
            saveLabel={t('devices.saveHeader')}
            testId="header"
          />
        </form>
      )}
      {!form && problem && (
        <div className="notice notice-error" role="alert">
          {say(problem.text)}
        </div>
      )}
    </section>
  );
}
