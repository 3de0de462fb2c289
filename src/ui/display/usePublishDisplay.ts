/**
 * The checkout's one line to the customer display: builds what the customer
 * may see from the open basket (or the sale just recorded) and publishes it
 * with `display.show`, fire and forget (see publisher.ts). A basket whose
 * evaluation has not come back yet is not published until it has, so the
 * display never shows a total the engine has not given.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { Product } from '../../core/catalogue';
import type { Evaluation } from '../../core/basket-types';
import type { MemberDetail, SaleRecord } from '../../contract/commands';
import type { DisplayState } from '../../contract/commands/display';
import { api } from '../api';
import type { BasketState } from '../hooks/useBasket';
import { useI18n } from '../i18n';
import { buildDisplayState, evaluationCovers } from './display-state';
import { DisplayPublisher } from './publisher';

export interface PublishDisplayInput {
  state: BasketState;
  evaluation: Evaluation | null;
  /** The last evaluation failed: the display shows the catalogue's prices rather than wait. */
  evaluationError: unknown;
  catalogue: ReadonlyMap<string, Product>;
  /** Null while the till has not read it yet. */
  storeName: string | null;
  /** The sale just recorded and its member as they stand after it (the "done" dialog). */
  done: { sale: SaleRecord; member: MemberDetail | null } | null;
}

export function usePublishDisplay(input: PublishDisplayInput): void {
  const { state, evaluation, evaluationError, catalogue, storeName, done } = input;
  const { locale } = useI18n();
  const publisher = useRef<DisplayPublisher | null>(null);

  useEffect(() => {
    const made = new DisplayPublisher((shown) => api.call('display.show', shown));
    publisher.current = made;
    return () => {
      made.stop();
      if (publisher.current === made) publisher.current = null;
    };
  }, []);

  const shown = useMemo((): DisplayState | null => {
    const common = { language: locale, storeName: storeName ?? '', catalogue, lines: state.lines };
    if (done) {
      const member = done.sale.memberId
        ? {
            firstName: state.member?.glance.firstName ?? done.member?.profile.firstName ?? null,
            punchCards: done.member?.punchCards ?? null,
          }
        : null;
      return buildDisplayState({ ...common, evaluation: done.sale.evaluation, member, paid: true });
    }
    const customer = state.lines.length > 0 || state.member !== null;
    if (customer && evaluationError === null && !evaluationCovers(state.lines, evaluation))
      return null;
    const member = state.member
      ? {
          firstName: state.member.glance.firstName,
          punchCards: state.member.detail?.punchCards ?? null,
        }
      : null;
    return buildDisplayState({ ...common, evaluation, member });
  }, [locale, storeName, catalogue, state.lines, state.member, evaluation, evaluationError, done]);

  useEffect(() => {
    if (shown) publisher.current?.publish(shown);
  }, [shown]);
}
