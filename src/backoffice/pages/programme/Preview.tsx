/**
 * The preview: a basket of the chain's products (or a sample), for a new
 * member or a real one, worked out by the till's own engine (src/core/basket)
 * against the draft as it stands: "Denne kurven ville gitt …".
 */
import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import type { BoPreviewMember } from '../../../contract/backoffice/programme';
import type { Product } from '../../../core/catalogue';
import type { Programme } from '../../../core/programme';
import { call, failureText } from '../../api';
import { Alert } from '../../components/Alert';
import type { Shown } from '../../../core/i18n';
import { evaluatePreview, newMemberLedger } from './evaluate';
import type { PreviewLine } from './evaluate';
import { usePe } from './fields';

export function Preview({
  programme,
  products,
}: {
  /** The draft as the tills would read it; null while a field is wrong. */
  programme: Programme | null;
  products: readonly Product[];
}) {
  const { t, say, money } = usePe();
  const [lines, setLines] = useState<PreviewLine[]>([]);
  const [sku, setSku] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [query, setQuery] = useState('');
  const [member, setMember] = useState<BoPreviewMember | null>(null);
  const [lookup, setLookup] = useState<Shown | string | null>(null);
  const [couponIds, setCouponIds] = useState<string[]>([]);
  const [rewardIds, setRewardIds] = useState<string[]>([]);
  const [spend, setSpend] = useState('');
  const [tierOnce, setTierOnce] = useState(false);
  // The clock the basket is worked out at: moved on with each change (a coupon issued a moment ago counts).
  const [now, setNow] = useState(() => Date.now());

  const chosenSku = products.some((p) => p.sku === sku) ? sku : (products[0]?.sku ?? '');
  const result = useMemo(() => {
    if (!programme) return null;
    const ledger = member?.ledger ?? newMemberLedger(now, programme.termsVersion);
    const points = /^\d{1,7}$/.test(spend.trim()) ? Number(spend.trim()) : 0;
    return evaluatePreview({
      programme,
      products,
      lines,
      ledger,
      couponIds,
      rewardIds,
      pointsToRedeem: points,
      useTierOnce: tierOnce,
      now,
    });
  }, [programme, products, lines, member, couponIds, rewardIds, spend, tierOnce, now]);

  const add = (event: FormEvent) => {
    event.preventDefault();
    const n = Number(quantity);
    if (!chosenSku || !Number.isInteger(n) || n < 1 || n > 999) return;
    setNow(Date.now());
    setLines((old) => {
      const at = old.findIndex((l) => l.sku === chosenSku);
      if (at < 0) return [...old, { sku: chosenSku, quantity: n }];
      return old.map((l, i) => (i === at ? { ...l, quantity: l.quantity + n } : l));
    });
  };

  const sample = () => {
    const some = products.slice(0, 3);
    setLines(some.map((p, i) => ({ sku: p.sku, quantity: i === 0 ? 2 : 1 })));
  };

  const find = async (event: FormEvent) => {
    event.preventDefault();
    if (!query.trim()) return;
    setLookup(null);
    try {
      const found = await call('programme.previewMember', { query });
      setNow(Date.now());
      setMember(found);
      setCouponIds([]);
      setRewardIds([]);
      if (!found) setLookup(t('preview.notFound'));
    } catch (error) {
      setLookup(failureText(error));
    }
  };

  const toggle = (list: string[], set: (l: string[]) => void, id: string, on: boolean) =>
    set(on ? [...list, id] : list.filter((x) => x !== id));

  const nameOf = (s: string) => products.find((p) => p.sku === s)?.name ?? s;
  const effects = result?.evaluation.effects ?? null;

  return (
    <section className="bo-card pe-preview" id="pe-preview" data-testid="pe-preview">
      <h2>{t('section.preview')}</h2>
      <p className="bo-hint">{t('preview.lead')}</p>

      <form className="pe-preview-add" onSubmit={add}>
        <label className="field">
          <span>{t('preview.product')}</span>
          <select
            className="input"
            value={chosenSku}
            onChange={(event) => setSku(event.target.value)}
            data-testid="preview-product"
          >
            {products.map((p) => (
              <option key={p.sku} value={p.sku}>
                {p.name} ({money(p.priceOre)})
              </option>
            ))}
          </select>
        </label>
        <label className="field pe-qty">
          <span>{t('preview.quantity')}</span>
          <input
            className="input"
            inputMode="numeric"
            value={quantity}
            onChange={(event) => setQuantity(event.target.value)}
            data-testid="preview-quantity"
          />
        </label>
        <button type="submit" className="btn" data-testid="preview-add">
          {t('preview.add')}
        </button>
      </form>
      <div className="pe-row">
        <button
          type="button"
          className="btn btn-small"
          onClick={sample}
          data-testid="preview-sample"
        >
          {t('preview.sample')}
        </button>
        {lines.length > 0 && (
          <button type="button" className="btn btn-small btn-ghost" onClick={() => setLines([])}>
            {t('preview.clear')}
          </button>
        )}
      </div>
      {lines.length === 0 ? (
        <p className="bo-empty">{t('preview.empty')}</p>
      ) : (
        <ul className="pe-basket" data-testid="preview-basket">
          {lines.map((l) => (
            <li key={l.sku}>
              <span>
                {l.quantity} × {nameOf(l.sku)}
              </span>
              <button
                type="button"
                className="btn btn-small btn-ghost"
                onClick={() => setLines((old) => old.filter((x) => x.sku !== l.sku))}
              >
                {t('common.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}

      <div className="pe-result" data-testid="preview-result" aria-live="polite">
        {!result ? (
          <p className="field-error">{t('preview.fixFirst')}</p>
        ) : (
          <>
            <h3>{t('preview.result')}</h3>
            <p className="pe-points" data-testid="preview-points">
              {t('preview.points', { points: effects?.pointsEarned ?? 0 })}
            </p>
            <ul className="pe-earned" data-testid="preview-earned">
              {result.evaluation.earnedSummary.length === 0 ? (
                <li>{t('preview.nothingEarned')}</li>
              ) : (
                result.evaluation.earnedSummary.map((s, i) => <li key={i}>{say(s)}</li>)
              )}
            </ul>
            {result.evaluation.benefits.length > 0 && (
              <ul className="pe-benefits" data-testid="preview-benefits">
                {result.evaluation.benefits.map((b) => (
                  <li key={b.id}>
                    <span>{say(b.reason)}</span>
                    <strong>−{money(b.amountOre)}</strong>
                  </li>
                ))}
              </ul>
            )}
            {result.evaluation.rejected.map((r) => (
              <p key={r.ref} className="bo-hint">
                {t('preview.rejected', { reason: say(r.reason) })}
              </p>
            ))}
            <dl className="pe-totals">
              <dt>{t('preview.before')}</dt>
              <dd>{money(result.evaluation.listOre)}</dd>
              <dt>{t('preview.discount')}</dt>
              <dd>{money(result.evaluation.discountOre)}</dd>
              <dt>{t('preview.total')}</dt>
              <dd data-testid="preview-total">{money(result.evaluation.totalOre)}</dd>
            </dl>
          </>
        )}
      </div>

      <h3>{t('preview.member')}</h3>
      <form className="pe-preview-add" onSubmit={(event) => void find(event)}>
        <label className="field">
          <span>{t('preview.realMember')}</span>
          <input
            className="input"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            data-testid="preview-member-query"
          />
        </label>
        <button type="submit" className="btn" data-testid="preview-member-find">
          {t('preview.find')}
        </button>
      </form>
      <Alert kind="info" shown={lookup} testId="preview-member-problem" />
      <p className="pe-member" data-testid="preview-member">
        {member
          ? t('preview.found', { name: member.name || '–', number: member.memberNumber })
          : t('preview.newMember')}
        {member && (
          <button type="button" className="btn btn-small btn-ghost" onClick={() => setMember(null)}>
            {t('preview.backToNew')}
          </button>
        )}
      </p>
      {result && (
        <div className="pe-choices">
          {result.view.coupons.map((c) => (
            <label key={c.couponId} className="pe-toggle">
              <input
                type="checkbox"
                checked={couponIds.includes(c.couponId)}
                onChange={(event) =>
                  toggle(couponIds, setCouponIds, c.couponId, event.target.checked)
                }
                data-testid="preview-coupon"
              />
              <span>{t('preview.useCoupon', { name: say(c.template.name) })}</span>
            </label>
          ))}
          {result.view.tier?.oncePerPeriodAvailable && (
            <label className="pe-toggle">
              <input
                type="checkbox"
                checked={tierOnce}
                onChange={(event) => setTierOnce(event.target.checked)}
              />
              <span>{t('preview.useTierOnce', { name: say(result.view.tier.name) })}</span>
            </label>
          )}
          {result.view.points.balance > 0 && (
            <label className="field">
              <span>{t('preview.spendPoints', { balance: result.view.points.balance })}</span>
              <input
                className="input"
                inputMode="numeric"
                value={spend}
                onChange={(event) => setSpend(event.target.value)}
                data-testid="preview-spend-points"
              />
            </label>
          )}
          {result.view.punchCards.flatMap((card) =>
            card.rewardsAvailable.map((r) => (
              <label key={r.rewardId} className="pe-toggle">
                <input
                  type="checkbox"
                  checked={rewardIds.includes(r.rewardId)}
                  onChange={(event) =>
                    toggle(rewardIds, setRewardIds, r.rewardId, event.target.checked)
                  }
                />
                <span>{t('preview.useReward', { name: say(card.name) })}</span>
              </label>
            )),
          )}
        </div>
      )}
    </section>
  );
}
