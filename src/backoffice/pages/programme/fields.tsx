/**
 * The editor's fields, each bound to a path of the draft: its label, its hint
 * and its problem beside it (the core schema's words). Money is typed in
 * kroner and kept in øre; lists are typed with commas.
 */
import { createContext, useContext, useId, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { Product } from '../../../core/catalogue';
import type { Msg } from '../../../core/i18n';
import { msg } from '../../../core/i18n';
import { FieldNotes, TextField } from '../../../ui/components/TextField';
import { useBo } from '../../i18n';
import type { BoKey } from '../../i18n';
import { getAt, kronerOf, listOf, oreOf } from './draft';
import type { Draft, Path } from './draft';

export interface DraftApi {
  draft: Draft;
  set(path: Path, value: unknown): void;
  problem(path: Path): Msg | null;
  /** Problems at this path or under it (a section's count, a list item's). */
  problemsUnder(path: Path): number;
  editable: boolean;
  /** The products punch cards and free items are chosen from. */
  products: Product[];
  /** The programme in force, which the draft changes (null: none published yet). */
  published: Draft | null;
}

/** A key of the editor's own words, without `backoffice.ui.programme.`. */
export type PeKey = BoKey extends infer K
  ? K extends `programme.${infer Rest}`
    ? Rest
    : never
  : never;

/** The back office's words, with the editor's said as `t('section.points')`. */
export function usePe() {
  const bo = useBo();
  return useMemo(
    () => ({
      ...bo,
      t: (key: PeKey, values?: Record<string, string | number>) =>
        bo.t(`programme.${key}` as BoKey, values),
    }),
    [bo],
  );
}

export const DraftContext = createContext<DraftApi | null>(null);

export function useDraft(): DraftApi {
  const api = useContext(DraftContext);
  if (!api) throw new Error('a field outside the programme editor');
  return api;
}

/** A test id from a path: points.earn.pointsPerStep → f-points-earn-pointsPerStep. */
export const fieldId = (path: Path) => `f-${path.replace(/\./g, '-')}`;

interface FieldProps {
  path: Path;
  label: PeKey;
  hint?: PeKey;
  labelValues?: Record<string, string | number>;
}

export function TextInput({
  path,
  label,
  hint,
  labelValues,
  upper = false,
  rows,
  optional = false,
}: FieldProps & {
  upper?: boolean;
  /** A textarea of this many rows, across the whole grid. */
  rows?: number;
  /** Left blank, the key is taken out ("no text"). */
  optional?: boolean;
}) {
  const { t } = usePe();
  const d = useDraft();
  const value = getAt(d.draft, path);
  return (
    <TextField
      label={t(label, labelValues)}
      hint={hint ? t(hint) : null}
      value={typeof value === 'string' ? value : ''}
      onChange={(text) =>
        d.set(path, optional && text.trim() === '' ? undefined : upper ? text.toUpperCase() : text)
      }
      error={d.problem(path)}
      disabled={!d.editable}
      testId={fieldId(path)}
      rows={rows}
      spanAll={rows !== undefined}
    />
  );
}

/** A text that may be left empty (then the key is taken out: "no code"). */
export function OptionalText({ path, label, hint }: FieldProps) {
  const { t } = usePe();
  const d = useDraft();
  const value = getAt(d.draft, path);
  return (
    <TextField
      label={t(label)}
      hint={hint ? t(hint) : null}
      value={typeof value === 'string' ? value : ''}
      onChange={(text) => d.set(path, text.trim() === '' ? undefined : text.trim().toUpperCase())}
      error={d.problem(path)}
      disabled={!d.editable}
      testId={fieldId(path)}
    />
  );
}

/**
 * What is typed stays as typed while it is being typed; the draft gets the
 * value read from it (or a mark that it is no number, which the schema refuses).
 */
function useTyped(model: unknown, show: (v: unknown) => string, read: (s: string) => unknown) {
  const [typed, setTyped] = useState(() => ({ text: show(model), model }));
  const same = (a: unknown, b: unknown) =>
    Object.is(a, b) || JSON.stringify(a) === JSON.stringify(b);
  // A change from elsewhere (a template, a roll-back) shows; one's own typing is kept.
  const text = same(typed.model, model) || same(read(typed.text), model) ? typed.text : show(model);
  const setText = (next: string) => setTyped({ text: next, model: read(next) });
  return [text, setText] as const;
}

const numberShown = (v: unknown) =>
  typeof v === 'number' && Number.isFinite(v) ? String(v).replace('.', ',') : '';

function numberRead(typed: string, empty: unknown): unknown {
  const text = typed.trim().replace(',', '.');
  if (text === '') return empty;
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
}

/**
 * A number. `empty` is what an empty field means: `null` (never, no limit),
 * `undefined` (the key taken out) or NaN (the field must be filled).
 */
export function NumberInput({
  path,
  label,
  hint,
  labelValues,
  empty = Number.NaN,
}: FieldProps & { empty?: null | undefined | number }) {
  const { t } = usePe();
  const d = useDraft();
  const model = getAt(d.draft, path);
  const [text, setText] = useTyped(model, numberShown, (s) => numberRead(s, empty));
  return (
    <TextField
      label={t(label, labelValues)}
      hint={hint ? t(hint) : null}
      value={text}
      inputMode="decimal"
      onChange={(typed) => {
        setText(typed);
        d.set(path, numberRead(typed, empty));
      }}
      error={d.problem(path)}
      disabled={!d.editable}
      testId={fieldId(path)}
    />
  );
}

/** Kroner in the field, øre in the draft. */
export function MoneyInput({
  path,
  label,
  hint,
  empty = Number.NaN,
}: FieldProps & { empty?: null | number }) {
  const { t } = usePe();
  const d = useDraft();
  const model = getAt(d.draft, path);
  const read = (s: string): unknown => (s.trim() === '' ? empty : (oreOf(s) ?? Number.NaN));
  const [text, setText] = useTyped(model, kronerOf, read);
  const notMoney = text.trim() !== '' && oreOf(text) === null;
  return (
    <TextField
      label={t(label)}
      hint={hint ? t(hint) : null}
      value={text}
      inputMode="decimal"
      onChange={(typed) => {
        setText(typed);
        d.set(path, read(typed));
      }}
      error={notMoney ? msg('backoffice.ui.programme.error.money') : d.problem(path)}
      disabled={!d.editable}
      testId={fieldId(path)}
    />
  );
}

/** Words separated by commas, kept as a list. */
export function ListInput({ path, label, hint = 'common.listHint' }: FieldProps) {
  const { t } = usePe();
  const d = useDraft();
  const model = getAt(d.draft, path);
  const show = (v: unknown) => (Array.isArray(v) ? v.join(', ') : '');
  const [text, setText] = useTyped(model, show, listOf);
  return (
    <TextField
      label={t(label)}
      hint={t(hint)}
      value={text}
      onChange={(typed) => {
        setText(typed);
        d.set(path, listOf(typed));
      }}
      error={d.problem(path) ?? firstUnder(d, path)}
      disabled={!d.editable}
      testId={fieldId(path)}
    />
  );
}

function firstUnder(d: DraftApi, path: Path): Msg | null {
  for (let i = 0; i < 50; i += 1) {
    const p = d.problem(`${path}.${i}`);
    if (p) return p;
  }
  return null;
}

export function Toggle({
  path,
  label,
  on,
  off,
}: {
  path: Path;
  label: PeKey;
  /** What the draft gets when it is switched on (a part with its defaults). */
  on: () => unknown;
  /** …and off (null: the part is not used). */
  off?: unknown;
}) {
  const { t } = usePe();
  const d = useDraft();
  const value = getAt(d.draft, path);
  const checked = value !== null && value !== undefined && value !== false;
  return (
    <label className="pe-toggle">
      <input
        type="checkbox"
        checked={checked}
        disabled={!d.editable}
        data-testid={fieldId(path)}
        onChange={(event) => d.set(path, event.target.checked ? on() : (off ?? null))}
      />
      <span>{t(label)}</span>
    </label>
  );
}

export function Checkbox({ path, label }: { path: Path; label: PeKey }) {
  const { t } = usePe();
  const d = useDraft();
  return (
    <label className="pe-toggle">
      <input
        type="checkbox"
        checked={getAt(d.draft, path) === true}
        disabled={!d.editable}
        data-testid={fieldId(path)}
        onChange={(event) => d.set(path, event.target.checked)}
      />
      <span>{t(label)}</span>
    </label>
  );
}

export interface Choice {
  value: string;
  label: PeKey;
  /** What the draft gets at `path` when it is chosen. */
  make(): unknown;
}

/** One of a few kinds; choosing one puts that kind's defaults at `path`. */
export function ChoiceInput({
  path,
  kindPath,
  label,
  choices,
}: {
  /** Where the chosen kind's object goes. */
  path: Path;
  /** Where its kind is read (path.kind by default). */
  kindPath?: Path;
  label: PeKey;
  choices: Choice[];
}) {
  const { t } = usePe();
  const d = useDraft();
  const id = useId();
  const current = String(getAt(d.draft, kindPath ?? `${path}.kind`) ?? '');
  return (
    <div className="field">
      <label htmlFor={id}>
        <span>{t(label)}</span>
      </label>
      <select
        id={id}
        className="input"
        value={current}
        disabled={!d.editable}
        data-testid={fieldId(kindPath ?? `${path}.kind`)}
        onChange={(event) => {
          const choice = choices.find((c) => c.value === event.target.value);
          if (choice) d.set(path, choice.make());
        }}
      >
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {t(c.label)}
          </option>
        ))}
      </select>
      <FieldNotes lockedBy={null} error={d.problem(path)} testId={fieldId(path)} />
    </div>
  );
}

/** Products chosen from the catalogue (their SKUs kept at `path`). */
export function ProductPicker({ path, label, hint }: FieldProps) {
  const { t, say, money } = usePe();
  const d = useDraft();
  const [filter, setFilter] = useState('');
  const chosen = new Set((getAt(d.draft, path) as string[] | undefined) ?? []);
  const known = new Set(d.products.map((p) => p.sku));
  const words = filter.trim().toLowerCase();
  const shown = d.products.filter(
    (p) => !words || `${p.name} ${p.category} ${p.sku}`.toLowerCase().includes(words),
  );
  const toggle = (sku: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(sku);
    else next.delete(sku);
    d.set(path, [...next]);
  };
  const error = d.problem(path) ?? firstUnder(d, path);
  return (
    <fieldset className="pe-picker" data-testid={fieldId(path)}>
      <legend>{t(label)}</legend>
      {hint && <small className="member-sub">{t(hint)}</small>}
      {d.products.length > 8 && (
        <input
          className="input pe-picker-filter"
          placeholder={t('punch.filter')}
          aria-label={t('punch.filter')}
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
      )}
      <ul>
        {shown.map((p) => (
          <li key={p.sku}>
            <label>
              <input
                type="checkbox"
                checked={chosen.has(p.sku)}
                disabled={!d.editable}
                data-testid={`${fieldId(path)}-${p.sku}`}
                onChange={(event) => toggle(p.sku, event.target.checked)}
              />
              <span>
                {p.name}{' '}
                <small>
                  ({p.category}, {money(p.priceOre)})
                </small>
              </span>
            </label>
          </li>
        ))}
        {/* Chosen before, gone from the list now: shown so it can be taken out. */}
        {[...chosen]
          .filter((sku) => !known.has(sku))
          .map((sku) => (
            <li key={sku}>
              <label>
                <input
                  type="checkbox"
                  checked
                  disabled={!d.editable}
                  onChange={() => toggle(sku, false)}
                />
                <span>{sku}</span>
              </label>
            </li>
          ))}
      </ul>
      {error && (
        <small className="field-error" role="alert">
          {say(error)}
        </small>
      )}
    </fieldset>
  );
}

/** A part of a section (a level, a card, a campaign) with its remove button. */
export function Item({
  title,
  path,
  onRemove,
  children,
}: {
  title: string;
  path: Path;
  onRemove?: () => void;
  children: ReactNode;
}) {
  const { t } = usePe();
  const d = useDraft();
  return (
    <div className="pe-item" data-testid={fieldId(path)}>
      <div className="pe-item-head">
        <h4>{title}</h4>
        {onRemove && d.editable && (
          <button type="button" className="btn btn-small btn-danger-outline" onClick={onRemove}>
            {t('common.remove')}
          </button>
        )}
      </div>
      <div className="pe-grid">{children}</div>
    </div>
  );
}
