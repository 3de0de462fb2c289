/**
 * The programme's parts, one section each: every rule of src/core/programme.ts
 * with its label, its hint and its problem beside it.
 */
import type { ReactNode } from 'react';
import { DEFAULTS, getAt, newCoupon } from './draft';
import type { Path } from './draft';
import {
  Checkbox,
  ChoiceInput,
  Item,
  ListInput,
  MoneyInput,
  NumberInput,
  OptionalText,
  ProductPicker,
  TextInput,
  Toggle,
  useDraft,
  usePe,
} from './fields';
import type { DraftApi, PeKey } from './fields';
import type { SegmentRule } from '../../../core/programme';
import { useBo } from '../../i18n';
import { holdsMore, SavedSegmentPicker } from '../segments/SavedSegmentPicker';

export const SECTIONS = [
  {
    id: 'general',
    title: 'section.general',
    paths: ['name', 'termsVersion', 'termsText', 'memberNumberPrefix'],
  },
  { id: 'points', title: 'section.points', paths: ['points'] },
  { id: 'tiers', title: 'section.tiers', paths: ['tiers'] },
  { id: 'punchCards', title: 'section.punchCards', paths: ['punchCards'] },
  {
    id: 'coupons',
    title: 'section.coupons',
    paths: ['spendCoupons', 'welcome', 'birthday', 'pointsOffers'],
  },
  { id: 'campaigns', title: 'section.campaigns', paths: ['campaigns', 'bonusCampaigns'] },
  { id: 'referral', title: 'section.referral', paths: ['referral'] },
  { id: 'cashback', title: 'section.cashback', paths: ['cashback'] },
  { id: 'memberPrices', title: 'section.memberPrices', paths: [] },
  { id: 'stacking', title: 'section.stacking', paths: ['stacking', 'nonDiscountableCategories'] },
  { id: 'verify', title: 'section.verify', paths: ['verifyRedemptionAboveOre'] },
] as const satisfies ReadonlyArray<{ id: string; title: PeKey; paths: readonly string[] }>;

export type SectionId = (typeof SECTIONS)[number]['id'];

function Section({ id, children }: { id: SectionId; children: ReactNode }) {
  const { t, say } = usePe();
  const d = useDraft();
  const section = SECTIONS.find((s) => s.id === id)!;
  // A problem of the part as a whole (tier thresholds out of order): said at the section's head.
  const own = section.paths.map((p) => d.problem(p)).find((p) => p !== null) ?? null;
  return (
    <section className="bo-card pe-section" id={`pe-${id}`} data-testid={`pe-section-${id}`}>
      <h2>{t(section.title)}</h2>
      {own && (
        <p className="field-error" role="alert">
          {t('section.problems', { text: say(own) })}
        </p>
      )}
      {children}
    </section>
  );
}

function useList(path: Path) {
  const d = useDraft();
  const items = (getAt(d.draft, path) as unknown[] | null | undefined) ?? [];
  return {
    items,
    add: (item: unknown) => d.set(path, [...items, item]),
    remove: (index: number) =>
      d.set(
        path,
        items.filter((_, i) => i !== index),
      ),
  };
}

function AddButton({ label, onClick }: { label: PeKey; onClick(): void }) {
  const { t } = usePe();
  const d = useDraft();
  if (!d.editable) return null;
  return (
    <button type="button" className="btn btn-small pe-add" onClick={onClick}>
      + {t(label)}
    </button>
  );
}

function Names({ path }: { path: Path }) {
  return (
    <>
      <TextInput path={`${path}.nb`} label="common.nameNb" />
      <TextInput path={`${path}.en`} label="common.nameEn" />
    </>
  );
}

function CouponEditor({ path }: { path: Path }) {
  const { t } = usePe();
  const d = useDraft();
  const kind = getAt(d.draft, `${path}.benefit.kind`);
  return (
    <fieldset className="pe-sub span-all">
      <legend>{t('coupon.title')}</legend>
      <div className="pe-grid">
        <Names path={`${path}.name`} />
        <ChoiceInput
          path={`${path}.benefit`}
          label="coupon.kind"
          choices={[
            {
              value: 'percent',
              label: 'coupon.percent',
              make: () => ({ kind: 'percent', percent: 10 }),
            },
            {
              value: 'amount',
              label: 'coupon.amount',
              make: () => ({ kind: 'amount', amountOre: 5000 }),
            },
            {
              value: 'free_item',
              label: 'coupon.freeItem',
              make: () => ({ kind: 'free_item', scope: { skus: [], categories: [] } }),
            },
          ]}
        />
        {kind === 'percent' && (
          <NumberInput path={`${path}.benefit.percent`} label="coupon.percentValue" />
        )}
        {kind === 'amount' && (
          <MoneyInput path={`${path}.benefit.amountOre`} label="coupon.amountValue" />
        )}
        <MoneyInput
          path={`${path}.minBasketOre`}
          label="coupon.minBasket"
          hint="coupon.minBasketHint"
        />
        <NumberInput path={`${path}.validDays`} label="coupon.validDays" />
        {kind === 'free_item' && (
          <div className="span-all">
            <ProductPicker path={`${path}.benefit.scope.skus`} label="coupon.freeProducts" />
          </div>
        )}
      </div>
    </fieldset>
  );
}

function SegmentEditor({ path }: { path: Path }) {
  const { t } = usePe();
  const bo = useBo();
  const d = useDraft();
  const on = getAt(d.draft, path) !== undefined;
  const genders = (getAt(d.draft, `${path}.genders`) as string[] | undefined) ?? [];
  return (
    <div className="span-all pe-segment">
      <Toggle path={path} label="segment.on" on={DEFAULTS.segment} off={undefined} />
      {d.editable && (
        <SavedSegmentPicker
          onPick={(rule) => d.set(path, rule)}
          disabled={!d.editable}
          testId={`pe-saved-segment-${path}`}
        />
      )}
      {on && holdsMore(getAt(d.draft, path) as SegmentRule) && (
        <p className="bo-hint span-all">{bo.t('segments.moreCriteria')}</p>
      )}
      {on && (
        <div className="pe-grid">
          <ListInput path={`${path}.tiers`} label="segment.tiers" />
          <NumberInput path={`${path}.minAge`} label="segment.minAge" empty={undefined} />
          <NumberInput path={`${path}.maxAge`} label="segment.maxAge" empty={undefined} />
          <ListInput path={`${path}.postalCodePrefixes`} label="segment.postal" />
          <fieldset className="pe-inline">
            <legend>{t('segment.genders')}</legend>
            {(['female', 'male', 'other'] as const).map((g) => (
              <label key={g} className="pe-toggle">
                <input
                  type="checkbox"
                  checked={genders.includes(g)}
                  disabled={!d.editable}
                  onChange={(event) =>
                    d.set(
                      `${path}.genders`,
                      event.target.checked ? [...genders, g] : genders.filter((x) => x !== g),
                    )
                  }
                />
                <span>{t(`segment.${g}`)}</span>
              </label>
            ))}
          </fieldset>
        </div>
      )}
    </div>
  );
}

/**
 * Customers accepted the terms of a version: new words under the old number
 * would be taken as accepted by members who never saw them, so it is said.
 */
function termsChangedUnderSameVersion(draft: DraftApi['draft'], published: DraftApi['published']) {
  if (!published) return false;
  const text = (d: typeof draft) => getAt(d, 'termsText') ?? '';
  return (
    text(draft) !== text(published) &&
    getAt(draft, 'termsVersion') === getAt(published, 'termsVersion')
  );
}

function GeneralSection() {
  const { t } = usePe();
  const d = useDraft();
  return (
    <Section id="general">
      <div className="pe-grid">
        <TextInput path="name" label="general.name" />
        <TextInput path="termsVersion" label="general.terms" hint="general.termsHint" />
        <TextInput path="memberNumberPrefix" label="general.prefix" hint="general.prefixHint" />
        <TextInput
          path="termsText"
          label="general.termsText"
          hint="general.termsTextHint"
          rows={8}
          optional
        />
        {termsChangedUnderSameVersion(d.draft, d.published) && (
          <p
            className="notice notice-warn span-all"
            role="status"
            data-testid="pe-terms-new-version"
          >
            {t('general.termsNewVersion')}
          </p>
        )}
      </div>
    </Section>
  );
}

function PointsSection() {
  const d = useDraft();
  const on = getAt(d.draft, 'points') !== null && getAt(d.draft, 'points') !== undefined;
  const mode = getAt(d.draft, 'points.earn.mode');
  return (
    <Section id="points">
      <Toggle path="points" label="points.on" on={DEFAULTS.points} />
      {on && (
        <div className="pe-grid">
          <ChoiceInput
            path="points.earn"
            kindPath="points.earn.mode"
            label="points.mode"
            choices={[
              {
                value: 'per_amount',
                label: 'points.perAmount',
                make: () => ({ mode: 'per_amount', orePerStep: 1000, pointsPerStep: 1 }),
              },
              {
                value: 'per_purchase',
                label: 'points.perPurchase',
                make: () => ({ mode: 'per_purchase', points: 10 }),
              },
            ]}
          />
          {mode === 'per_amount' && (
            <>
              <MoneyInput
                path="points.earn.orePerStep"
                label="points.orePerStep"
                hint="points.orePerStepHint"
              />
              <NumberInput path="points.earn.pointsPerStep" label="points.pointsPerStep" />
            </>
          )}
          {mode === 'per_purchase' && (
            <NumberInput path="points.earn.points" label="points.points" />
          )}
          <NumberInput
            path="points.lifetimeMonths"
            label="points.lifetime"
            hint="points.lifetimeHint"
            empty={null}
          />
          <NumberInput
            path="points.pendingDays"
            label="points.pendingDays"
            hint="points.pendingDaysHint"
          />
          <MoneyInput
            path="points.redeemValueOre"
            label="points.redeemValue"
            hint="points.redeemValueHint"
          />
          <NumberInput
            path="points.maxManualAdjustment"
            label="points.maxAdjustment"
            hint="common.emptyNoLimit"
            empty={undefined}
          />
          <ListInput path="points.excludedCategories" label="points.excluded" />
        </div>
      )}
      {on && <PointsActions />}
    </Section>
  );
}

function PointsActions() {
  const { t } = usePe();
  const actions = useList('points.actions');
  return (
    <>
      <h3>{t('points.actions')}</h3>
      <p className="bo-hint">{t('points.actionsHint')}</p>
      {actions.items.map((_, i) => {
        const p = `points.actions.${i}`;
        return (
          <Item
            key={i}
            title={t('points.action', { n: i + 1 })}
            path={p}
            onRemove={() => actions.remove(i)}
          >
            <TextInput path={`${p}.id`} label="common.shortName" hint="common.shortNameHint" />
            <Names path={`${p}.name`} />
            <NumberInput path={`${p}.points`} label="points.actionPoints" />
          </Item>
        );
      })}
      <AddButton
        label="points.addAction"
        onClick={() => actions.add(DEFAULTS.action(actions.items))}
      />
    </>
  );
}

function TiersSection() {
  const { t } = usePe();
  const d = useDraft();
  const on = getAt(d.draft, 'tiers') !== null && getAt(d.draft, 'tiers') !== undefined;
  const levels = useList('tiers.levels');
  const q = getAt(d.draft, 'tiers.qualification') as { kind?: string; years?: number } | undefined;
  const period = q?.kind === 'rolling' ? `rolling${q.years}` : 'calendar';
  return (
    <Section id="tiers">
      <Toggle path="tiers" label="tiers.on" on={DEFAULTS.tiers} />
      {on && (
        <>
          <div className="pe-grid">
            <div className="field">
              <label htmlFor="pe-tier-period">
                <span>{t('tiers.period')}</span>
              </label>
              <select
                id="pe-tier-period"
                className="input"
                value={period}
                disabled={!d.editable}
                data-testid="f-tiers-qualification"
                onChange={(event) => {
                  const v = event.target.value;
                  d.set(
                    'tiers.qualification',
                    v === 'calendar'
                      ? { kind: 'calendar_year' }
                      : { kind: 'rolling', years: Number(v.slice(-1)) },
                  );
                }}
              >
                <option value="rolling1">{t('tiers.rolling1')}</option>
                <option value="rolling2">{t('tiers.rolling2')}</option>
                <option value="rolling3">{t('tiers.rolling3')}</option>
                <option value="calendar">{t('tiers.calendar')}</option>
              </select>
            </div>
          </div>
          {levels.items.map((_, i) => {
            const p = `tiers.levels.${i}`;
            const kind = getAt(d.draft, `${p}.benefit.kind`);
            return (
              <Item
                key={i}
                title={t('tiers.level', { n: i + 1 })}
                path={p}
                onRemove={levels.items.length > 1 ? () => levels.remove(i) : undefined}
              >
                <TextInput path={`${p}.id`} label="common.shortName" hint="common.shortNameHint" />
                <Names path={`${p}.name`} />
                <NumberInput path={`${p}.threshold`} label="tiers.threshold" />
                <ChoiceInput
                  path={`${p}.benefit`}
                  label="tiers.benefit"
                  choices={[
                    { value: 'none', label: 'tiers.none', make: () => ({ kind: 'none' }) },
                    {
                      value: 'percent_every_purchase',
                      label: 'tiers.percentEvery',
                      make: () => ({ kind: 'percent_every_purchase', percent: 5 }),
                    },
                    {
                      value: 'percent_once_per_period',
                      label: 'tiers.percentOnce',
                      make: () => ({ kind: 'percent_once_per_period', percent: 10 }),
                    },
                    {
                      value: 'coupons_per_period',
                      label: 'tiers.coupons',
                      make: () => ({ kind: 'coupons_per_period', count: 1, coupon: newCoupon() }),
                    },
                  ]}
                />
                {(kind === 'percent_every_purchase' || kind === 'percent_once_per_period') && (
                  <NumberInput path={`${p}.benefit.percent`} label="tiers.percent" />
                )}
                {kind === 'coupons_per_period' && (
                  <>
                    <NumberInput path={`${p}.benefit.count`} label="tiers.count" />
                    <CouponEditor path={`${p}.benefit.coupon`} />
                  </>
                )}
              </Item>
            );
          })}
          <AddButton
            label="tiers.add"
            onClick={() => levels.add(DEFAULTS.tierLevel(levels.items))}
          />
        </>
      )}
    </Section>
  );
}

function PunchCardsSection({ fromTemplate }: { fromTemplate: boolean }) {
  const { t } = usePe();
  const d = useDraft();
  const cards = useList('punchCards');
  return (
    <Section id="punchCards">
      {fromTemplate && <p className="bo-hint">{t('punch.fromTemplate')}</p>}
      {cards.items.map((_, i) => {
        const p = `punchCards.${i}`;
        return (
          <Item
            key={i}
            title={t('punch.card', { n: i + 1 })}
            path={p}
            onRemove={() => cards.remove(i)}
          >
            <TextInput path={`${p}.id`} label="common.shortName" hint="common.shortNameHint" />
            <Names path={`${p}.name`} />
            <NumberInput path={`${p}.stamps`} label="punch.stamps" />
            <NumberInput
              path={`${p}.capPerPurchase`}
              label="punch.cap"
              hint="common.emptyNoLimit"
              empty={undefined}
            />
            <ChoiceInput
              path={`${p}.reward`}
              label="punch.reward"
              choices={[
                {
                  value: 'free_item',
                  label: 'punch.freeItem',
                  make: () => ({ kind: 'free_item' }),
                },
                {
                  value: 'amount_off',
                  label: 'punch.amountOff',
                  make: () => ({ kind: 'amount_off', amountOre: 5000 }),
                },
              ]}
            />
            {getAt(d.draft, `${p}.reward.kind`) === 'amount_off' && (
              <MoneyInput path={`${p}.reward.amountOre`} label="punch.amount" />
            )}
            <ListInput path={`${p}.qualifying.categories`} label="punch.categories" />
            <div className="span-all">
              <ProductPicker
                path={`${p}.qualifying.skus`}
                label="punch.products"
                hint="punch.productsHint"
              />
            </div>
          </Item>
        );
      })}
      <AddButton label="punch.add" onClick={() => cards.add(DEFAULTS.punchCard(cards.items))} />
    </Section>
  );
}

function CouponsSection() {
  const { t } = usePe();
  const d = useDraft();
  const spend = useList('spendCoupons');
  const offers = useList('pointsOffers');
  const has = (path: Path) => getAt(d.draft, path) !== null && getAt(d.draft, path) !== undefined;
  return (
    <Section id="coupons">
      <h3>{t('spend.title')}</h3>
      {spend.items.map((_, i) => {
        const p = `spendCoupons.${i}`;
        return (
          <Item
            key={i}
            title={t('spend.rule', { n: i + 1 })}
            path={p}
            onRemove={() => spend.remove(i)}
          >
            <TextInput path={`${p}.id`} label="common.shortName" hint="common.shortNameHint" />
            <MoneyInput path={`${p}.everyOre`} label="spend.every" />
            <CouponEditor path={`${p}.coupon`} />
          </Item>
        );
      })}
      <AddButton label="spend.add" onClick={() => spend.add(DEFAULTS.spendCoupon(spend.items))} />

      <h3>{t('welcome.on')}</h3>
      <Toggle path="welcome" label="welcome.on" on={DEFAULTS.welcome} />
      {has('welcome') && (
        <div className="pe-grid">
          <Checkbox path="welcome.enabled" label="common.on" />
          <CouponEditor path="welcome.coupon" />
        </div>
      )}

      <h3>{t('birthday.on')}</h3>
      <Toggle path="birthday" label="birthday.on" on={DEFAULTS.birthday} />
      {has('birthday') && (
        <div className="pe-grid">
          <Checkbox path="birthday.enabled" label="common.on" />
          <NumberInput path="birthday.issueDaysBefore" label="birthday.before" />
          <NumberInput path="birthday.validDaysAfter" label="birthday.after" />
          <CouponEditor path="birthday.coupon" />
        </div>
      )}

      <h3>{t('offers.title')}</h3>
      {offers.items.map((_, i) => {
        const p = `pointsOffers.${i}`;
        return (
          <Item
            key={i}
            title={t('offers.offer', { n: i + 1 })}
            path={p}
            onRemove={() => offers.remove(i)}
          >
            <TextInput path={`${p}.id`} label="common.shortName" hint="common.shortNameHint" />
            <NumberInput path={`${p}.costPoints`} label="offers.cost" />
            <CouponEditor path={`${p}.coupon`} />
          </Item>
        );
      })}
      <AddButton
        label="offers.add"
        onClick={() => offers.add(DEFAULTS.pointsOffer(offers.items))}
      />
    </Section>
  );
}

const today = () => new Date().toISOString().slice(0, 10);

function CampaignsSection() {
  const { t } = usePe();
  const campaigns = useList('campaigns');
  const bonus = useList('bonusCampaigns');
  return (
    <Section id="campaigns">
      <h3>{t('campaigns.coupon')}</h3>
      {campaigns.items.map((_, i) => {
        const p = `campaigns.${i}`;
        return (
          <Item
            key={i}
            title={t('campaigns.campaign', { n: i + 1 })}
            path={p}
            onRemove={() => campaigns.remove(i)}
          >
            <TextInput path={`${p}.id`} label="common.shortName" hint="common.shortNameHint" />
            <TextInput path={`${p}.validFrom`} label="campaigns.from" hint="common.dateHint" />
            <TextInput path={`${p}.validTo`} label="campaigns.to" hint="common.dateHint" />
            <OptionalText path={`${p}.code`} label="campaigns.code" hint="campaigns.codeHint" />
            <NumberInput path={`${p}.usesPerMember`} label="campaigns.uses" />
            <CouponEditor path={`${p}.coupon`} />
            <SegmentEditor path={`${p}.segment`} />
          </Item>
        );
      })}
      <AddButton
        label="campaigns.add"
        onClick={() => campaigns.add(DEFAULTS.campaign(campaigns.items, today()))}
      />

      <h3>{t('campaigns.bonus')}</h3>
      {bonus.items.map((_, i) => {
        const p = `bonusCampaigns.${i}`;
        return (
          <Item
            key={i}
            title={t('campaigns.bonusCampaign', { n: i + 1 })}
            path={p}
            onRemove={() => bonus.remove(i)}
          >
            <TextInput path={`${p}.id`} label="common.shortName" hint="common.shortNameHint" />
            <Names path={`${p}.name`} />
            <NumberInput
              path={`${p}.multiplier`}
              label="campaigns.multiplier"
              hint="campaigns.multiplierHint"
            />
            <TextInput path={`${p}.validFrom`} label="campaigns.from" hint="common.dateHint" />
            <TextInput path={`${p}.validTo`} label="campaigns.to" hint="common.dateHint" />
            <ListInput
              path={`${p}.categories`}
              label="campaigns.categories"
              hint="common.emptyAll"
            />
            <ListInput path={`${p}.tiers`} label="campaigns.tiers" hint="common.emptyAll" />
            <SegmentEditor path={`${p}.segment`} />
          </Item>
        );
      })}
      <AddButton
        label="campaigns.addBonus"
        onClick={() => bonus.add(DEFAULTS.bonusCampaign(bonus.items, today()))}
      />
    </Section>
  );
}

function ReferralSection() {
  const d = useDraft();
  const on = getAt(d.draft, 'referral') !== null && getAt(d.draft, 'referral') !== undefined;
  const kind = getAt(d.draft, 'referral.reward.kind');
  return (
    <Section id="referral">
      <Toggle path="referral" label="referral.on" on={DEFAULTS.referral} />
      {on && (
        <div className="pe-grid">
          <Checkbox path="referral.enabled" label="common.on" />
          <ChoiceInput
            path="referral.reward"
            label="referral.reward"
            choices={[
              {
                value: 'points',
                label: 'referral.points',
                make: () => ({ kind: 'points', points: 100 }),
              },
              {
                value: 'coupon',
                label: 'referral.coupon',
                make: () => ({ kind: 'coupon', coupon: newCoupon() }),
              },
            ]}
          />
          {kind === 'points' && (
            <NumberInput path="referral.reward.points" label="referral.points" />
          )}
          <NumberInput path="referral.monthlyCap" label="referral.cap" />
          {kind === 'coupon' && <CouponEditor path="referral.reward.coupon" />}
        </div>
      )}
    </Section>
  );
}

function CashbackSection() {
  const d = useDraft();
  const on = getAt(d.draft, 'cashback') !== null && getAt(d.draft, 'cashback') !== undefined;
  return (
    <Section id="cashback">
      <Toggle path="cashback" label="cashback.on" on={DEFAULTS.cashback} />
      {on && (
        <div className="pe-grid">
          <Checkbox path="cashback.enabled" label="common.on" />
          <NumberInput path="cashback.percent" label="cashback.percent" />
          <ListInput path="cashback.excludedCategories" label="cashback.excluded" />
        </div>
      )}
    </Section>
  );
}

function MemberPricesSection() {
  const { t, money } = usePe();
  const d = useDraft();
  const priced = d.products.filter((p) => p.memberPriceOre !== undefined);
  return (
    <Section id="memberPrices">
      <p className="bo-hint">{t('memberPrices.lead')}</p>
      {priced.length === 0 ? (
        <p className="bo-empty">{t('memberPrices.none')}</p>
      ) : (
        <table className="bo-table" data-testid="pe-member-prices">
          <thead>
            <tr>
              <th scope="col">{t('memberPrices.product')}</th>
              <th scope="col">{t('memberPrices.price')}</th>
              <th scope="col">{t('memberPrices.member')}</th>
            </tr>
          </thead>
          <tbody>
            {priced.map((p) => (
              <tr key={p.sku}>
                <th scope="row">{p.name}</th>
                <td>{money(p.priceOre)}</td>
                <td>{money(p.memberPriceOre!)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

function StackingSection() {
  return (
    <Section id="stacking">
      <div className="pe-grid">
        <NumberInput
          path="stacking.maxCouponsPerBasket"
          label="stacking.maxCoupons"
          hint="stacking.maxCouponsHint"
        />
        <ListInput
          path="nonDiscountableCategories"
          label="stacking.nonDiscountable"
          hint="stacking.nonDiscountableHint"
        />
        <div className="span-all">
          <Checkbox path="stacking.tierDiscountWithCoupon" label="stacking.tierWithCoupon" />
        </div>
      </div>
    </Section>
  );
}

function VerifySection() {
  const d = useDraft();
  const on = getAt(d.draft, 'verifyRedemptionAboveOre') !== null;
  return (
    <Section id="verify">
      <Toggle path="verifyRedemptionAboveOre" label="verify.on" on={() => 20_000} off={null} />
      {on && (
        <div className="pe-grid">
          <MoneyInput path="verifyRedemptionAboveOre" label="verify.limit" hint="verify.hint" />
        </div>
      )}
    </Section>
  );
}

export function ProgrammeSections({ fromTemplate }: { fromTemplate: boolean }) {
  return (
    <>
      <GeneralSection />
      <PointsSection />
      <TiersSection />
      <PunchCardsSection fromTemplate={fromTemplate} />
      <CouponsSection />
      <CampaignsSection />
      <ReferralSection />
      <CashbackSection />
      <MemberPricesSection />
      <StackingSection />
      <VerifySection />
    </>
  );
}
