/**
 * The open sale: lines, the attached member and what the cashier chose to use.
 * Every change is re-evaluated by the service (the engine decides prices and
 * benefits; the screen only shows them). Stale answers are dropped.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { api, CommandError } from '../api';
import { errorText } from '../errors';
import type {
  CommandInput,
  MemberDetail,
  MemberSummary,
  SaleRecord,
} from '../../contract/commands';
import type { BasketSelections, Evaluation } from '../../core/basket-types';
import type { PaymentMethod } from '../../core/events';
import type { Shown, Text } from '../../core/i18n';

export interface BasketLineState {
  lineId: string;
  sku: string;
  quantity: number;
}

/**
 * What the till shows of a member the moment it knows who they are: a scan or
 * a lookup answers this much (the service's MemberSummary), so the name is on
 * screen without waiting for the full view.
 */
export interface MemberGlance {
  memberId: string;
  memberNumber: string;
  firstName: string | null;
  tierName: Text | null;
  pointsBalance: number;
}

export function glanceOfSummary(summary: MemberSummary): MemberGlance {
  return {
    memberId: summary.memberId,
    memberNumber: summary.memberNumber,
    firstName: summary.firstName,
    tierName: summary.tierName,
    pointsBalance: summary.pointsBalance,
  };
}

export function glanceOfDetail(detail: MemberDetail): MemberGlance {
  return {
    memberId: detail.memberId,
    memberNumber: detail.memberNumber,
    firstName: detail.profile.firstName ?? null,
    tierName: detail.tier?.name ?? null,
    pointsBalance: detail.points.balance,
  };
}

export interface AttachedMember {
  glance: MemberGlance;
  /** The full view (member.get); null while it is on its way. */
  detail: MemberDetail | null;
  /**
   * The service's verification for this member (given for a card/QR scan, a
   * right member PIN, an enrolment now), sent back with the basket; null when
   * found by phone alone. The till cannot claim it: only the service's token counts.
   */
  verification: string | null;
  /** Why the service refused the last PIN typed for this member, or null. */
  pinRejected: Shown | null;
}

export interface BasketState {
  lines: BasketLineState[];
  member: AttachedMember | null;
  selections: BasketSelections;
  paymentMethod: PaymentMethod;
  /** One key per sale attempt: a retried "Fullfør salg" never records the sale twice. */
  idempotencyKey: string;
}

const NO_SELECTIONS: BasketSelections = {
  couponIds: [],
  rewardIds: [],
  pointsToRedeem: 0,
  cashbackToRedeemOre: 0,
  useTierOnce: false,
};

const MAX_QUANTITY = 999;

type Action =
  | { type: 'add'; sku: string; quantity: number }
  | { type: 'setQuantity'; lineId: string; quantity: number }
  | {
      type: 'attach';
      glance: MemberGlance;
      /** Given when already known (enrolment); otherwise loaded after and set by refreshMember. */
      detail: MemberDetail | null;
      verification: string | null;
      selectCouponIds: string[];
    }
  | { type: 'refreshMember'; detail: MemberDetail }
  | { type: 'detach' }
  | { type: 'toggleCoupon'; couponId: string; on?: boolean }
  | { type: 'toggleReward'; rewardId: string }
  | { type: 'setPoints'; points: number }
  | { type: 'setCashback'; ore: number }
  | { type: 'setTierOnce'; on: boolean }
  | { type: 'verified'; memberId: string; verification: string }
  | { type: 'pinRejected'; reason: Shown }
  | { type: 'setPayment'; method: PaymentMethod }
  | { type: 'reset' };

function freshBasket(): BasketState {
  return {
    lines: [],
    member: null,
    selections: NO_SELECTIONS,
    paymentMethod: 'card',
    idempotencyKey: crypto.randomUUID(),
  };
}

function toggle(list: string[], id: string, on?: boolean): string[] {
  const has = list.includes(id);
  const want = on ?? !has;
  if (want === has) return list;
  return want ? [...list, id] : list.filter((x) => x !== id);
}

function reducer(state: BasketState, action: Action): BasketState {
  switch (action.type) {
    case 'add': {
      const existing = state.lines.find((l) => l.sku === action.sku);
      const lines = existing
        ? state.lines.map((l) =>
            l === existing
              ? { ...l, quantity: Math.min(MAX_QUANTITY, l.quantity + action.quantity) }
              : l,
          )
        : [
            ...state.lines,
            { lineId: crypto.randomUUID(), sku: action.sku, quantity: action.quantity },
          ];
      return { ...state, lines };
    }
    case 'setQuantity':
      return {
        ...state,
        lines:
          action.quantity <= 0
            ? state.lines.filter((l) => l.lineId !== action.lineId)
            : state.lines.map((l) =>
                l.lineId === action.lineId
                  ? { ...l, quantity: Math.min(MAX_QUANTITY, action.quantity) }
                  : l,
              ),
      };
    case 'attach': {
      const sameMember = state.member?.glance.memberId === action.glance.memberId;
      const base = sameMember ? state.selections : NO_SELECTIONS;
      return {
        ...state,
        member: {
          glance: action.glance,
          // The same member scanned again keeps what is shown until the fresh view comes.
          detail: action.detail ?? (sameMember ? state.member!.detail : null),
          // A later card scan upgrades a phone lookup; it never downgrades.
          verification: action.verification ?? (sameMember ? state.member!.verification : null),
          pinRejected: null,
        },
        selections: {
          ...base,
          couponIds: action.selectCouponIds.reduce(
            (ids, id) => toggle(ids, id, true),
            base.couponIds,
          ),
        },
      };
    }
    case 'refreshMember':
      // A view that arrives after the member left (or another was scanned) is dropped.
      return state.member && state.member.glance.memberId === action.detail.memberId
        ? {
            ...state,
            member: {
              ...state.member,
              glance: glanceOfDetail(action.detail),
              detail: action.detail,
            },
          }
        : state;
    case 'detach':
      return { ...state, member: null, selections: NO_SELECTIONS };
    case 'toggleCoupon':
      return {
        ...state,
        selections: {
          ...state.selections,
          couponIds: toggle(state.selections.couponIds, action.couponId, action.on),
        },
      };
    case 'toggleReward':
      return {
        ...state,
        selections: {
          ...state.selections,
          rewardIds: toggle(state.selections.rewardIds, action.rewardId),
        },
      };
    case 'setPoints':
      return {
        ...state,
        selections: { ...state.selections, pointsToRedeem: Math.max(0, action.points) },
      };
    case 'setCashback':
      return {
        ...state,
        selections: { ...state.selections, cashbackToRedeemOre: Math.max(0, action.ore) },
      };
    case 'setTierOnce':
      return { ...state, selections: { ...state.selections, useTierOnce: action.on } };
    case 'verified':
      // A PIN answer that arrives after the member left (or another came) is dropped.
      return state.member?.glance.memberId === action.memberId
        ? {
            ...state,
            member: { ...state.member, verification: action.verification, pinRejected: null },
          }
        : state;
    case 'pinRejected':
      return state.member
        ? { ...state, member: { ...state.member, pinRejected: action.reason } }
        : state;
    case 'setPayment':
      return { ...state, paymentMethod: action.method };
    case 'reset':
      return freshBasket();
  }
}

function basketInput(state: BasketState): CommandInput<'basket.evaluate'> {
  return {
    lines: state.lines.map(({ lineId, sku, quantity }) => ({ lineId, sku, quantity })),
    memberId: state.member?.glance.memberId ?? null,
    ...(state.member?.verification ? { verification: state.member.verification } : {}),
    selections: state.selections,
  };
}

export interface Basket {
  state: BasketState;
  evaluation: Evaluation | null;
  evaluationError: unknown;
  dispatch: (action: Action) => void;
  /** Record the sale; the caller shows the receipt. */
  commit(): Promise<SaleRecord & { duplicate: boolean }>;
  /** The member typed their PIN: the service's verification, or the reason it refused. */
  verifyPin(pin: string): Promise<void>;
  /** As verifyPin, but a refusal is thrown (member care says it by its own field). */
  verifyPinOrThrow(pin: string): Promise<void>;
}

export function useBasket(): Basket {
  const [state, dispatch] = useReducer(reducer, undefined, freshBasket);
  const [result, setResult] = useState<{
    basket: string;
    evaluation: Evaluation | null;
    error: unknown;
  }>({
    basket: '',
    evaluation: null,
    error: null,
  });
  const sequence = useRef(0);
  const input = useMemo(() => basketInput(state), [state]);
  const inputKey = JSON.stringify(input);
  const empty = state.lines.length === 0 && state.member === null;
  const basketId = state.idempotencyKey;

  useEffect(() => {
    const mine = ++sequence.current;
    if (empty) return;
    const request = JSON.parse(inputKey) as CommandInput<'basket.evaluate'>;
    api.call('basket.evaluate', request).then(
      (evaluation) =>
        mine === sequence.current && setResult({ basket: basketId, evaluation, error: null }),
      (error: unknown) => {
        if (mine !== sequence.current) return;
        setResult((last) => ({
          basket: basketId,
          evaluation: last.basket === basketId ? last.evaluation : null,
          error,
        }));
      },
    );
  }, [inputKey, empty, basketId]);

  // Until its first answer, a new basket shows nothing rather than the last sale's figures.
  const current = !empty && result.basket === basketId;
  const evaluation = current ? result.evaluation : null;
  const evaluationError = current ? result.error : null;

  const commit = useCallback(
    () =>
      api.call('sale.commit', {
        ...input,
        idempotencyKey: state.idempotencyKey,
        paymentMethod: state.paymentMethod,
      }),
    [input, state.idempotencyKey, state.paymentMethod],
  );

  const memberId = state.member?.glance.memberId ?? null;
  const verifyPin = useCallback(
    async (pin: string) => {
      if (memberId === null) return;
      try {
        const { verification } = await api.call('member.verifyPin', { memberId, memberPin: pin });
        dispatch({ type: 'verified', memberId, verification: verification.token });
      } catch (error) {
        // Wrong, locked, or the member has none: said next to the PIN field.
        if (error instanceof CommandError && error.field === 'memberPin') {
          dispatch({ type: 'pinRejected', reason: errorText(error) });
          return;
        }
        throw error;
      }
    },
    [memberId],
  );

  const verifyPinOrThrow = useCallback(
    async (pin: string) => {
      if (memberId === null) return;
      const { verification } = await api.call('member.verifyPin', { memberId, memberPin: pin });
      dispatch({ type: 'verified', memberId, verification: verification.token });
    },
    [memberId],
  );

  return { state, evaluation, evaluationError, dispatch, commit, verifyPin, verifyPinOrThrow };
}

export type BasketAction = Action;
