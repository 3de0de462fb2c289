/**
 * Publishing the draft: to every store or chosen ones, at once or from a
 * date, with a note for the history. The cloud checks the stores and the day
 * (in the programme's time zone) and answers beside the field at fault.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { BoProgrammeVersion } from '../../../contract/backoffice/programme';
import type { BoStoreRef } from '../../../contract/backoffice/types';
import type { Programme } from '../../../core/programme';
import { isoDate, localDateOf } from '../../../core/time';
import { TextField } from '../../../ui/components/TextField';
import { call } from '../../api';
import { Alert } from '../../components/Alert';
import { Modal } from '../../components/Modal';
import { useCommandForm } from '../../components/useCommandForm';
import { usePe } from './fields';

/** Two radio buttons for one yes-or-no choice, the first one's answer `true`. */
function EitherOr({
  name,
  first,
  onChange,
  labels,
  testIds,
}: {
  name: string;
  first: boolean;
  onChange(first: boolean): void;
  labels: [string, string];
  testIds: [string, string];
}) {
  return (
    <>
      {[true, false].map((value, i) => (
        <label key={String(value)} className="bo-choice">
          <input
            type="radio"
            name={name}
            checked={first === value}
            onChange={() => onChange(value)}
            data-testid={testIds[i]}
          />
          <span>{labels[i]}</span>
        </label>
      ))}
    </>
  );
}

export function PublishDialog({
  programme,
  number,
  stores,
  onClose,
  onPublished,
}: {
  programme: Programme;
  number: number;
  /** The chain's stores (an owner reaches them all). */
  stores: BoStoreRef[];
  onClose(): void;
  onPublished(version: BoProgrammeVersion): void;
}) {
  const { t } = usePe();
  const form = useCommandForm();
  const [everyStore, setEveryStore] = useState(true);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [atOnce, setAtOnce] = useState(true);
  const [from, setFrom] = useState('');
  const [note, setNote] = useState('');
  // Today in the programme's time zone, as the cloud judges a past day; read once as the dialog opens.
  const [firstDay] = useState(() => isoDate(localDateOf(Date.now(), programme.timeZone)));

  const toggle = (storeId: string) => {
    form.clear();
    setChosen((before) => {
      const next = new Set(before);
      if (next.has(storeId)) next.delete(storeId);
      else next.add(storeId);
      return next;
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const version = await form.run(() =>
      call('programme.publish', {
        programme,
        ...(note.trim() ? { note: note.trim() } : {}),
        // An empty choice is sent as it is: the cloud says what is missing beside the list.
        ...(everyStore ? {} : { stores: [...chosen] }),
        ...(atOnce ? {} : { from }),
      }),
    );
    if (version) onPublished(version);
  };

  const storesError = form.fieldError('stores');
  const fromError = form.fieldError('from');
  return (
    <Modal title={t('publish.confirmTitle')} onClose={onClose} testId="pe-publish-dialog">
      <form className="bo-form" onSubmit={(e) => void submit(e)} noValidate>
        <p>{t('publish.confirm', { number })}</p>
        <fieldset className="bo-choices" data-testid="pe-publish-where">
          <legend>{t('publish.where')}</legend>
          <EitherOr
            name="pe-where"
            first={everyStore}
            onChange={setEveryStore}
            labels={[t('publish.allStores'), t('publish.chosenStores')]}
            testIds={['pe-publish-all', 'pe-publish-chosen']}
          />
          {!everyStore && (
            <div className="pe-publish-stores" role="group" aria-label={t('publish.chosenStores')}>
              {stores.map((s) => (
                <label key={s.storeId} className="bo-check">
                  <input
                    type="checkbox"
                    checked={chosen.has(s.storeId)}
                    onChange={() => toggle(s.storeId)}
                    data-testid={`pe-publish-store-${s.storeId}`}
                  />
                  <span>{s.name}</span>
                </label>
              ))}
            </div>
          )}
          <Alert kind="error" shown={storesError} testId="pe-publish-stores-error" />
        </fieldset>
        <fieldset className="bo-choices" data-testid="pe-publish-when">
          <legend>{t('publish.when')}</legend>
          <EitherOr
            name="pe-when"
            first={atOnce}
            onChange={setAtOnce}
            labels={[t('publish.now'), t('publish.fromDate')]}
            testIds={['pe-publish-now', 'pe-publish-later']}
          />
          {!atOnce && (
            <TextField
              label={t('publish.date')}
              hint={t('publish.dateHint')}
              type="date"
              min={firstDay}
              value={from}
              onChange={(value) => {
                form.clear();
                setFrom(value);
              }}
              error={fromError}
              testId="pe-publish-date"
            />
          )}
        </fieldset>
        <TextField
          label={t('publish.note')}
          hint={t('publish.noteHint')}
          value={note}
          onChange={setNote}
          maxLength={200}
          error={form.fieldError('note')}
          testId="pe-publish-note"
        />
        <Alert kind="error" shown={form.formError(['stores', 'from', 'note'])} />
        <div className="bo-actions">
          <button
            type="submit"
            className="btn btn-primary"
            disabled={form.busy}
            data-testid="pe-publish-confirm"
          >
            {t('publish.button', { number })}
          </button>
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
