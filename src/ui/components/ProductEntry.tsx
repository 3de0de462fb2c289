/**
 * The scan field: a scanner or the cashier types a barcode, a member card or a
 * coupon code and presses Enter; typed words search the catalogue as you go.
 * "12*" before a code or a word takes twelve of it (antall × vare).
 */
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { Product } from '../../core/catalogue';
import { api } from '../api';
import { parseEntry } from '../entry';
import { useI18n } from '../i18n';

interface ProductEntryProps {
  /** A code was entered; resolves to the product matches to offer when it was not a code. */
  onCode(code: string, quantity: number): Promise<unknown>;
  onPick(product: Product, quantity: number): void;
}

const SEARCH_DELAY_MS = 150;

/** "6*" (or "6 x", "6×") with nothing after it yet: a quantity waiting for its item. */
const BARE_PREFIX = /^(\d{1,3})\s*[*xX×]\s*$/;

/**
 * The quantity waiting in the scan field for a scanned item (a scan is caught
 * before the field sees it), taken out of the field: 6 after "6*", else 1.
 */
export function takeQuantityPrefix(field: HTMLInputElement | null): number {
  const bare = field ? BARE_PREFIX.exec(field.value) : null;
  const quantity = bare ? Number(bare[1]) : 0;
  if (!field || quantity < 1) return 1;
  // Cleared as typing would clear it, so the field's own state follows.
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(field, '');
  field.dispatchEvent(new Event('input', { bubbles: true }));
  return quantity;
}

export const ProductEntry = forwardRef<HTMLInputElement, ProductEntryProps>(function ProductEntry(
  { onCode, onPick },
  ref,
) {
  const { t, money } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const results = useRef<HTMLDivElement>(null);
  useImperativeHandle(ref, () => input.current!, []);
  const [value, setValue] = useState('');
  /** The catalogue's matches and the words they are for (never shown for other words). */
  const [matches, setMatches] = useState<{ query: string; found: Product[] } | null>(null);
  const { quantity, text: query } = parseEntry(value);
  const waiting = BARE_PREFIX.exec(value);
  /** The quantity the next item gets, shown beside the field while it is typed. */
  const shownQuantity = waiting ? Number(waiting[1]) : quantity;
  const isWords = /[^\d\s]/.test(query) && query.length >= 2;

  useEffect(() => {
    if (!isWords) return;
    let alive = true;
    const timer = setTimeout(() => {
      api.call('product.search', { query, limit: 8 }).then(
        (found) => alive && setMatches({ query, found }),
        () => alive && setMatches({ query, found: [] }),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [query, isWords]);

  const shown = isWords && matches?.query === query ? matches.found : null;

  const pick = (product: Product) => {
    onPick(product, quantity);
    setValue('');
    setMatches(null);
    input.current?.focus();
  };

  const matchButtons = () => [...(results.current?.querySelectorAll('button') ?? [])];

  /** Arrow keys walk the matches; Escape goes back to the text. */
  const walkMatches = (event: KeyboardEvent<HTMLDivElement>) => {
    const buttons = matchButtons();
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[event.key];
    if (step !== undefined && at >= 0) {
      event.preventDefault();
      buttons[(at + step + buttons.length) % buttons.length]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      input.current?.focus();
    }
  };

  const submit = async () => {
    if (query === '') return;
    if (isWords && shown && shown.length === 1) return pick(shown[0]!);
    // Several matches and no code (a campaign's coupon code is words too): the first match
    // takes the focus and the text stays.
    if (isWords && shown && shown.length > 1) {
      const scanned = await api.call('scan.classify', { code: query }).catch(() => null);
      if (scanned?.kind === 'rejected') return matchButtons()[0]?.focus();
    }
    setValue('');
    setMatches(null);
    await onCode(query, quantity);
  };

  return (
    <div className="panel">
      <div className="scan-row">
        <input
          ref={input}
          aria-label={t('checkout.scanLabel')}
          className="input input-big"
          value={value}
          autoComplete="off"
          spellCheck={false}
          placeholder={t('checkout.scanPlaceholder')}
          data-testid="scan-input"
          autoFocus
          onChange={(event) => setValue(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              void submit();
            }
          }}
        />
        {shownQuantity > 1 && (
          <span className="qty-prefix" role="status" data-testid="qty-prefix">
            {t('checkout.quantityNext', { count: shownQuantity })}
          </span>
        )}
        <button type="button" className="btn" onClick={() => void submit()}>
          {t('checkout.add')}
        </button>
      </div>
      {shown && (
        <div
          ref={results}
          className="search-results"
          aria-label={t('checkout.searchResults')}
          role="group"
          onKeyDown={walkMatches}
        >
          {shown.length === 0 && (
            <span className="empty">{t('checkout.noResults', { query })}</span>
          )}
          {shown.map((product) => (
            <button key={product.sku} type="button" className="btn" onClick={() => pick(product)}>
              {product.name} · {money(product.priceOre)}
            </button>
          ))}
        </div>
      )}
    </div>
  );
});
