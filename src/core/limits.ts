/**
 * The bounds every party holds input and events to: the till refuses at its
 * input exactly what the cloud would refuse from a till, so a committed sale
 * can never become unsendable, and nothing a till sends can overflow another
 * till's arithmetic (every figure stays a safe integer with room to sum).
 *
 * Sums: a basket of MAX_BASKET_LINES lines of MAX_LINE_QUANTITY units at
 * MAX_UNIT_PRICE_ORE is 5 × 10^14 øre, well inside 2^53 (9 × 10^15).
 */
import { z } from 'zod';
import { msg } from './i18n';
import { says } from './schema-messages';

export const LIMITS = {
  /** A unit price, normal or member price: 10 million kroner. */
  maxUnitPriceOre: 1_000_000_000,
  /** Units on one basket line. */
  maxLineQuantity: 999,
  /** Stores a programme version can be published to by name (more: publish to every store). */
  maxStoresPerPublication: 1_000,
  /** Lines in one basket or sale. */
  maxBasketLines: 500,
  /** A sale's total (list or paid): 100 million kroner. */
  maxBasketOre: 10_000_000_000,
  /** One manual points adjustment, up or down, unless the programme states a lower cap. */
  maxPointsAdjustment: 1_000_000,
  /**
   * Spend coupons one sale brings per rule ("100 kr for every 2000 kr"), however
   * many thresholds it crosses: without it, "every 1 øre" and a big sale made
   * millions of coupons and a member nobody could serve.
   */
  maxSpendCouponsPerSale: 20,
  /** Any points figure in an event (earned, redeemed, a coupon's price). */
  maxPoints: 1_000_000_000,
  /** Ids and keys (line ids, coupon ids, idempotency keys, SKUs). */
  maxIdLength: 100,
  /** Free text (names, reasons, programme texts). */
  maxTextLength: 1_000,
  /** A member or sale event, serialised. */
  maxEventBytes: 256 * 1024,
  /** A programme or catalogue event (the whole configuration), serialised. */
  maxConfigEventBytes: 4 * 1024 * 1024,
  /** How far ahead of the receiver's clock an event's clock may be. */
  maxClockAheadMs: 24 * 60 * 60 * 1000,
  /** Nesting depth of any JSON value taken in. */
  maxJsonDepth: 32,
} as const;

/** A high surrogate with no low one after it, or a low one with no high one before it. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Text every database and every JSON parser takes: no lone UTF-16 surrogate, no NUL. */
export function isWellFormedText(value: string): boolean {
  return !value.includes('\u0000') && !LONE_SURROGATE.test(value);
}

const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

/**
 * The text with every NUL and lone surrogate replaced by U+FFFD, and cut to
 * `max` characters without splitting a surrogate pair: for echoing or keeping
 * what someone sent (a refused event's id, a field name) where it must be stored.
 */
export function toWellFormedText(value: string, max: number = Number.MAX_SAFE_INTEGER): string {
  let cut = value.length > max ? value.slice(0, max) : value;
  // A pair cut in two leaves a high surrogate at the end: drop it rather than mark it.
  if (cut.length < value.length && /[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return cut.replaceAll('\u0000', '\ufffd').replace(LONE_SURROGATES, '\ufffd');
}

const MALFORMED_TEXT = says(msg('programme.malformedText'));

/** A string schema bounded in length and well-formed. */
export function boundedText(max: number = LIMITS.maxTextLength) {
  return z.string().max(max).refine(isWellFormedText, MALFORMED_TEXT);
}

/** An id or key: non-empty, at most LIMITS.maxIdLength, well-formed. */
export function boundedId() {
  return z.string().min(1).max(LIMITS.maxIdLength).refine(isWellFormedText, MALFORMED_TEXT);
}

export type JsonProblemCode = 'malformed_text' | 'unsafe_number' | 'too_deep';

export interface JsonProblem {
  code: JsonProblemCode;
  /** Where, as a dotted path ('' for the value itself). */
  path: string;
  message: string;
}

/**
 * The first thing in a JSON value (a request body, an event with fields this
 * version does not know) that no party may take in: a key or string that is
 * not well-formed text, a number that is not finite or beyond ±2^53, nesting
 * beyond LIMITS.maxJsonDepth. Walks everything, known fields or not.
 */
export function findJsonProblem(
  value: unknown,
  maxDepth: number = LIMITS.maxJsonDepth,
): JsonProblem | null {
  // The path to where the walk is, joined only when something is wrong (most values are fine).
  const parts: string[] = [];
  const here = () => parts.join('.');
  const walk = (v: unknown, depth: number): JsonProblem | null => {
    if (typeof v === 'string') {
      if (isWellFormedText(v)) return null;
      const path = here();
      return {
        code: 'malformed_text',
        path,
        message: `${path || 'value'}: text holds a NUL or a lone surrogate`,
      };
    }
    if (typeof v === 'number') {
      if (Number.isFinite(v) && Math.abs(v) <= Number.MAX_SAFE_INTEGER) return null;
      const path = here();
      return { code: 'unsafe_number', path, message: `${path || 'value'}: number out of range` };
    }
    if (v === null || typeof v !== 'object') return null;
    if (depth >= maxDepth) {
      const path = here();
      return {
        code: 'too_deep',
        path,
        message: `${path || 'value'}: nested deeper than ${maxDepth}`,
      };
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        parts.push(String(i));
        const found = walk(v[i], depth + 1);
        parts.pop();
        if (found) return found;
      }
      return null;
    }
    for (const key in v) {
      if (!Object.hasOwn(v, key)) continue;
      parts.push(key);
      if (!isWellFormedText(key)) {
        return {
          code: 'malformed_text',
          path: here(),
          message: 'a key holds a NUL or a lone surrogate',
        };
      }
      const found = walk((v as Record<string, unknown>)[key], depth + 1);
      parts.pop();
      if (found) return found;
    }
    return null;
  };
  return walk(value, 0);
}
