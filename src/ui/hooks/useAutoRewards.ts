/**
 * "Bruk belønninger automatisk" (this till's checkout setting, a manager's
 * choice, off by default): while a member is on the till, a ready punch-card
 * reward goes on the basket by itself as soon as the basket holds an item it is
 * for (one reward per card: the cheapest such item is free). It shows as put on
 * by itself, and the cashier takes it off with one tap or key (Angre); a card
 * the cashier took a reward off is left alone for the rest of this member's
 * sale. A reward put on by itself comes off again by itself when its last
 * qualifying item leaves the basket.
 */
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { MemberDetail } from '../../contract/commands';
import type { BasketSelections, Evaluation } from '../../core/basket-types';
import { inScope } from '../../core/programme';
import type { Programme } from '../../core/programme';
import { api } from '../api';
import type { BasketAction } from './useBasket';

export interface AutoRewards {
  /** The rewards on the basket that the till put there by itself. */
  applied: readonly string[];
  /** The cashier puts a reward on or takes it off (taken off: not put on again). */
  toggle(rewardId: string): void;
}

/** The till's setting, read when a member comes to the till (a manager may have changed it). */
function useAutoRewardsSetting(): boolean {
  const [on, setOn] = useState(false);
  useEffect(() => {
    let alive = true;
    api.call('checkoutSettings.get', {}).then(
      (settings) => alive && setOn(settings.autoRewards),
      // Unreadable: the cashier uses rewards by hand, as on a till without the setting.
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, []);
  return on;
}

export function useAutoRewards({
  detail,
  selections,
  evaluation,
  programme,
  dispatch,
}: {
  detail: MemberDetail | null;
  selections: BasketSelections;
  evaluation: Evaluation | null;
  programme: Programme | null;
  dispatch(action: BasketAction): void;
}): AutoRewards {
  const enabled = useAutoRewardsSetting();
  /**
   * What the till put on, and the cards the cashier took a reward off (never again for
   * this member's sale): the panel's own memory beside the basket's selections (the
   * basket knows what is chosen, not who chose it). `shown` mirrors `applied` for
   * rendering; it changes only together with a change of the basket's selections.
   */
  const mine = useRef({ applied: new Set<string>(), declined: new Set<string>() });
  /** What the panel shows as put on by itself (mine.current.applied, for rendering). */
  const [shown, show] = useReducer((_: readonly string[], next: readonly string[]) => next, []);

  useEffect(() => {
    if (!detail || !evaluation || !programme) return;
    const chosen = new Set(selections.rewardIds);
    const put: string[] = [];
    const taken: string[] = [];
    for (const card of detail.punchCards) {
      const rule = programme.punchCards.find((c) => c.id === card.cardId);
      const ids = card.rewardsAvailable.map((r) => r.rewardId);
      if (!rule || ids.length === 0) continue;
      const qualifies = evaluation.lines.some((line) =>
        inScope(rule.qualifying, line.sku, line.category),
      );
      const onBasket = ids.filter((id) => chosen.has(id));
      if (qualifies && onBasket.length === 0 && enabled && !mine.current.declined.has(card.cardId))
        put.push(ids[0]!);
      if (!qualifies) taken.push(...onBasket.filter((id) => mine.current.applied.has(id)));
    }
    if (put.length === 0 && taken.length === 0) return;
    for (const rewardId of taken) mine.current.applied.delete(rewardId);
    for (const rewardId of put) mine.current.applied.add(rewardId);
    for (const rewardId of [...put, ...taken]) dispatch({ type: 'toggleReward', rewardId });
    show([...mine.current.applied]);
  }, [enabled, detail, evaluation, programme, selections.rewardIds, dispatch]);

  const toggle = useCallback(
    (rewardId: string) => {
      if (selections.rewardIds.includes(rewardId)) {
        const cardId = detail?.punchCards.find((card) =>
          card.rewardsAvailable.some((r) => r.rewardId === rewardId),
        )?.cardId;
        if (cardId !== undefined) mine.current.declined.add(cardId);
        mine.current.applied.delete(rewardId);
        show([...mine.current.applied]);
      }
      dispatch({ type: 'toggleReward', rewardId });
    },
    [selections.rewardIds, detail, dispatch],
  );

  return { applied: selections.rewardIds.filter((id) => shown.includes(id)), toggle };
}
