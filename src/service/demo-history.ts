/**
 * The demo bakery's members and 90 days of sales, made the way a till makes
 * them: every enrolment, sale, coupon bought with points and consent goes
 * through the service's own handlers (validated by the command schemas, the
 * engine evaluating each basket), so every row comes from an event through the
 * store's one write door. Deterministic from a seed, dated back from the clock
 * the service is given (the last day is today, up to the present minute).
 *
 * Three members are scripted so the README can name them (see DEMO_SHOWCASE);
 * the rest follow a few shopping habits drawn from the seed.
 */
import { addDays, isCalendarDate, isoDate, localDateOf, startOfLocalDay } from '../core/time';
import type { LocalDate } from '../core/time';
import type { MemberView } from '../core/member-types';
import { CommandInputs } from './commands';
import type { CommandInput, CommandName, CommandOutputs, ParsedInput, Session } from './commands';
import { issueVerification } from './basket';
import { AfterCommit } from './handler-types';
import type { CommandContext, Handler } from './handler-types';
import { handlers } from './handlers';
import { requireMember, viewOf } from './member-access';
import { DEMO_STAFF } from './demo';
import { seededRandom } from '../core/seeded-random';

export const DEMO_SEED = 20_260_101;
export const DEMO_DAYS = 90;
export const DEMO_MEMBER_COUNT = 300;
/**
 * The full demo's number slot (member numbers 29 999 000 001 … ). The slots a
 * cloud gives are below 500; an unpaired till picks one of 500–999 at random.
 */
export const DEMO_SLOT = 999;

/**
 * Demo phones are 4800 0001 onwards: a range the end-to-end tests' own phones
 * (9xxxxxxx, e2e/fixtures.ts) and the unit tests' never use.
 */
export function demoPhone(index: number): string {
  return `4800${String(index + 1).padStart(4, '0')}`;
}

/** The three members the README names: what to type, and what the till shows. */
export const DEMO_SHOWCASE = {
  /** Ingrid Haugen: orders for her office every weekday, Gull (15 %), points worth kroner. */
  gold: { index: 0, phone: demoPhone(0) },
  /** Ola Berg: a coffee every morning, eight of nine stamps on the coffee card. */
  nearlyFull: { index: 1, phone: demoPhone(1) },
  /** Sara Lie: a full bread card (a free loaf ready) and her birthday cake coupon this week. */
  readyReward: { index: 2, phone: demoPhone(2) },
} as const;

const FIRST_NAMES = [
  'Anne',
  'Inger',
  'Kari',
  'Marit',
  'Ingrid',
  'Liv',
  'Eva',
  'Berit',
  'Astrid',
  'Bjørg',
  'Hilde',
  'Nina',
  'Ida',
  'Nora',
  'Emma',
  'Sofie',
  'Maja',
  'Thea',
  'Ingeborg',
  'Silje',
  'Jan',
  'Per',
  'Bjørn',
  'Ole',
  'Lars',
  'Kjell',
  'Knut',
  'Arne',
  'Svein',
  'Hans',
  'Geir',
  'Tor',
  'Morten',
  'Erik',
  'Jonas',
  'Emil',
  'Magnus',
  'Henrik',
  'Sander',
  'Øyvind',
  'Åse',
  'Håkon',
  'Sigrid',
  'Aksel',
  'Linnea',
  'Filip',
  'Tuva',
  'Mathias',
  'Vilde',
  'Even',
];
const LAST_NAMES = [
  'Hansen',
  'Johansen',
  'Olsen',
  'Larsen',
  'Andersen',
  'Pedersen',
  'Nilsen',
  'Kristiansen',
  'Jensen',
  'Karlsen',
  'Johnsen',
  'Pettersen',
  'Eriksen',
  'Berg',
  'Haugen',
  'Hagen',
  'Johannessen',
  'Andreassen',
  'Jacobsen',
  'Dahl',
  'Jørgensen',
  'Henriksen',
  'Lund',
  'Halvorsen',
  'Sørensen',
  'Jakobsen',
  'Moen',
  'Gundersen',
  'Iversen',
  'Strand',
  'Solberg',
  'Svendsen',
  'Eide',
  'Knutsen',
  'Martinsen',
  'Paulsen',
  'Bakken',
  'Kristoffersen',
  'Mathisen',
  'Lie',
  'Amundsen',
  'Nguyen',
  'Rasmussen',
  'Ali',
  'Lunde',
  'Solheim',
  'Berge',
  'Moe',
  'Nygård',
  'Bakke',
];
const POSTAL_CODES = [
  '0150',
  '0171',
  '0253',
  '0354',
  '0458',
  '0556',
  '0653',
  '0766',
  '0864',
  '1169',
];

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const OPENS_MINUTES = 7 * 60;
const OPEN_FOR_MINUTES = 11 * 60;

type Habit = 'office' | 'coffee' | 'bread' | 'family' | 'rare';

interface DemoMember {
  index: number;
  habit: Habit;
  /** Chance of a visit on an ordinary day. */
  visitChance: number;
  enrolDay: number;
  memberId: string | null;
}

type Line = { sku: string; quantity: number };

export interface DemoHistoryOptions {
  seed?: number;
  members?: number;
  days?: number;
}

export interface DemoHistoryReport {
  members: number;
  sales: number;
  days: number;
}

/**
 * Fill a freshly seeded demo store (seedDemoStore ran first, in this unit of
 * work) with members and history. `ctx.now` is today; each command runs with
 * its own moment of the past.
 */
export function seedDemoHistory(
  ctx: CommandContext,
  options: DemoHistoryOptions = {},
): DemoHistoryReport {
  const random = seededRandom(options.seed ?? DEMO_SEED);
  const days = options.days ?? DEMO_DAYS;
  const count = Math.max(options.members ?? DEMO_MEMBER_COUNT, 3);
  const zone = ctx.programme().timeZone;
  const today = localDateOf(ctx.now, zone);
  const firstDay = addDays(today, -(days - 1));
  // The sales are rung up by the demo cashier.
  const cashier = DEMO_STAFF[0];
  const session: Session = { role: 'cashier', staffId: cashier.staffId };
  let sales = 0;
  let saleSerial = 0;

  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const chance = (p: number) => random() < p;

  // The history prints no receipts, whatever printer the till has.
  const devices = new Proxy(ctx.devices, {
    get(target, name) {
      if (name === 'printer') return () => null;
      const value: unknown = Reflect.get(target, name, target);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });

  /** Run a command's handler as the till would, at `at` (input parsed by its schema). */
  function call<N extends CommandName>(
    name: N,
    input: CommandInput<N>,
    at: number,
  ): CommandOutputs[N] {
    const parsed = CommandInputs[name].parse(input) as ParsedInput<N>;
    const handler = handlers[name] as Handler<N>;
    const result = handler(parsed, { ...ctx, session, devices, now: at } as Parameters<
      Handler<N>
    >[1]);
    if (result instanceof AfterCommit) throw new Error(`the demo cannot wait for ${name}`);
    return result as CommandOutputs[N];
  }

  function viewAt(memberId: string, at: number): MemberView {
    const atCtx = { ...ctx, now: at };
    return viewOf(atCtx, requireMember(atCtx, memberId));
  }

  const members: DemoMember[] = [];
  for (let index = 0; index < count; index++) {
    const roll = random();
    const habit: Habit =
      index === DEMO_SHOWCASE.gold.index
        ? 'office'
        : index === DEMO_SHOWCASE.nearlyFull.index
          ? 'coffee'
          : index === DEMO_SHOWCASE.readyReward.index
            ? 'bread'
            : roll < 0.08
              ? 'office'
              : roll < 0.36
                ? 'coffee'
                : roll < 0.6
                  ? 'bread'
                  : roll < 0.88
                    ? 'family'
                    : 'rare';
    // The three the README names come often enough to show what it says, whatever the date.
    const showcaseChance = [0.8, 0.5, 0.3][index];
    let visitChance = {
      office: 0.08 + random() * 0.5,
      coffee: 0.04 + random() * 0.14,
      bread: 0.06 + random() * 0.12,
      family: 0.03 + random() * 0.08,
      rare: 0.01 + random() * 0.03,
    }[habit];
    if (showcaseChance !== undefined) visitChance = showcaseChance;
    // Most joined in the programme's first weeks, some lately; none today (the till may start
    // before the doors open), so every member is there whenever the till first starts.
    const enrolDay =
      index < 3 ? 0 : Math.min(Math.max(days - 2, 0), Math.floor(random() ** 2 * days * 1.1));
    members.push({ index, habit, visitChance, enrolDay, memberId: null });
  }

  function profileOf(index: number) {
    const showcase = [
      { firstName: 'Ingrid', lastName: 'Haugen' },
      { firstName: 'Ola', lastName: 'Berg' },
      { firstName: 'Sara', lastName: 'Lie' },
    ][index];
    const firstName = showcase?.firstName ?? pick(FIRST_NAMES);
    const lastName = showcase?.lastName ?? pick(LAST_NAMES);
    // Birthdays spread over the year; Sara's is three days from today (her coupon is out).
    const birthday =
      index === DEMO_SHOWCASE.readyReward.index
        ? addDays(today, 3)
        : addDays({ year: today.year, month: 1, day: 1 }, Math.floor((index * 365) / count));
    const year = today.year - 18 - Math.floor(random() * 60);
    const birthDate = isoDate({ ...birthday, year });
    const email = chance(0.6)
      ? `${ascii(firstName)}.${ascii(lastName)}${index}@example.no`
      : undefined;
    return {
      firstName,
      lastName,
      birthDate: isCalendarDate(birthDate) ? birthDate : `${year}-02-28`,
      postalCode: pick(POSTAL_CODES),
      ...(email === undefined ? {} : { email }),
    };
  }

  function enrol(member: DemoMember, at: number): void {
    const profile = profileOf(member.index);
    const showcase = member.index < 3;
    const out = call(
      'member.enrol',
      {
        phone: demoPhone(member.index),
        acceptTerms: true,
        profile,
        consents: {
          sms: showcase || chance(0.65),
          email: profile.email !== undefined && (showcase || chance(0.55)),
        },
      },
      at,
    );
    member.memberId = out.member.memberId;
  }

  function basketFor(member: DemoMember, weekday: number): Line[] {
    const lines: Line[] = [];
    const add = (sku: string, quantity = 1) => lines.push({ sku, quantity });
    switch (member.habit) {
      case 'office':
        add('kaffe-stor', 4 + Math.floor(random() * 6));
        add('rundstykker-6', 2 + Math.floor(random() * 3));
        add(pick(['kanelbolle', 'skolebolle', 'skillingsbolle']), 6 + Math.floor(random() * 6));
        if (weekday === 5 || chance(0.3)) add('kvaefjordkake', 1);
        break;
      case 'coffee':
        add(pick(['kaffe-liten', 'kaffe-stor', 'cappuccino', 'caffe-latte']));
        if (chance(0.4)) add(pick(['kanelbolle', 'croissant', 'skolebolle']));
        if (chance(0.1)) add('grovbrod');
        break;
      case 'bread':
        add(pick(['grovbrod', 'kneippbrod', 'surdeigsbrod', 'fransk-loff']));
        if (chance(0.4)) add(pick(['grovbrod', 'kneippbrod']));
        if (chance(0.3)) add('rundstykker-6');
        if (chance(0.25)) add('kaffe-liten');
        break;
      case 'family':
        add(pick(['grovbrod', 'surdeigsbrod']));
        add(pick(['kanelbolle', 'skolebolle', 'kardemommebolle']), 2 + Math.floor(random() * 4));
        if (chance(0.3)) add(pick(['gulrotkake', 'napoleonskake']), 2);
        if (chance(0.25)) add('eplejuice', 2);
        if (chance(0.05)) add('kvaefjordkake');
        break;
      case 'rare':
        add(pick(['kanelbolle', 'cappuccino', 'fransk-loff', 'gulrotkake']));
        if (chance(0.05)) add('gavekort-500');
        break;
    }
    if (chance(0.1)) add('baerepose');
    return lines;
  }

  function sell(lines: Line[], at: number, memberId: string | null, view: MemberView | null) {
    const selections = {
      rewardIds: [] as string[],
      couponIds: [] as string[],
      pointsToRedeem: 0,
    };
    if (view) {
      // Most take their free coffees or loaves when they are there (an office its many); some save them.
      for (const card of view.punchCards) {
        const ready = card.rewardsAvailable;
        if (ready.length > 0 && chance(0.75)) {
          selections.rewardIds.push(...ready.map((r) => r.rewardId));
          const sku = card.cardId === 'kaffe' ? 'kaffe-liten' : 'grovbrod';
          lines.push({ sku, quantity: ready.length });
        }
      }
      for (const coupon of view.coupons)
        if (coupon.validFrom <= at && chance(0.6)) selections.couponIds.push(coupon.couponId);
      // Ingrid saves her points (the README shows them); others spend some now and then.
      if (view.points.balance >= 300 && chance(0.15) && memberId !== members[0]?.memberId)
        selections.pointsToRedeem = 200;
    }
    const redeems =
      selections.rewardIds.length + selections.couponIds.length + selections.pointsToRedeem > 0;
    saleSerial += 1;
    call(
      'sale.commit',
      {
        lines: merge(lines),
        memberId,
        // Redeeming is done on a scanned card, as at the counter.
        ...(memberId !== null && redeems
          ? { verification: issueVerification({ ...ctx, session, now: at }, memberId).token }
          : {}),
        selections,
        idempotencyKey: `demo-sale-${saleSerial}`,
        paymentMethod: chance(0.85) ? 'card' : pick(['cash', 'vipps'] as const),
      },
      at,
    );
    sales += 1;
  }

  /** A visit by a member: what they buy, and the rewards they use. */
  function visit(member: DemoMember, weekday: number, at: number): void {
    const memberId = member.memberId!;
    const view = viewAt(memberId, at);
    // Ola stops at eight stamps with nothing ready: the ninth coffee fills his card.
    if (member.index === DEMO_SHOWCASE.nearlyFull.index) {
      const card = view.punchCards.find((c) => c.cardId === 'kaffe')!;
      if (card.stamps >= 8 && card.rewardsAvailable.length === 0) return;
      sell(
        [{ sku: 'kaffe-stor', quantity: 1 }],
        at,
        memberId,
        card.rewardsAvailable.length > 0 ? view : null,
      );
      return;
    }
    // Sara keeps her free loaf once she has one, and buys coffee-free baskets.
    if (member.index === DEMO_SHOWCASE.readyReward.index) {
      const card = view.punchCards.find((c) => c.cardId === 'brod')!;
      if (card.rewardsAvailable.length > 0) return;
      sell([{ sku: 'grovbrod', quantity: 2 }], at, memberId, null);
      return;
    }
    // A member buys a free coffee with points now and then.
    let bought = false;
    if (view.points.balance >= 150 && chance(0.05)) {
      call('member.buyCoupon', { memberId, offerId: 'gratis-kaffe' }, at);
      bought = true;
    }
    sell(basketFor(member, weekday), at, memberId, bought ? viewAt(memberId, at) : view);
  }

  for (let day = 0; day < days; day++) {
    const date = addDays(firstDay, day);
    const opens = startOfLocalDay(date, zone) + OPENS_MINUTES * MINUTE_MS;
    // Today ends now (the till just started); earlier days end at closing.
    const closes = Math.min(opens + OPEN_FOR_MINUTES * MINUTE_MS, ctx.now - MINUTE_MS);
    const weekday = weekdayOf(date);
    const busy = weekday === 6 ? 1.3 : weekday === 0 ? 0.4 : 1;
    const events: Array<{ at: number; member: DemoMember | null }> = [];
    // The first minutes are the README's three's (they join first: the lowest member numbers).
    const from = opens + 5 * MINUTE_MS;
    if (closes <= from) continue;
    const at = () => from + Math.floor(random() * (closes - from));
    for (const member of members) {
      // The three the README names join first, as the doors open on the first day.
      if (member.enrolDay === day)
        events.push({ at: member.index < 3 ? opens + member.index * MINUTE_MS : at(), member });
      else if (member.enrolDay < day && chance(member.visitChance * busy)) {
        // Offices order on weekdays only.
        if (member.habit === 'office' && (weekday === 0 || weekday === 6)) continue;
        events.push({ at: at(), member });
      }
    }
    const walkIns = Math.round((2 + random() * 4) * busy);
    for (let i = 0; i < walkIns; i++) events.push({ at: at(), member: null });
    events.sort((a, b) => a.at - b.at);
    for (const { at: when, member } of events) {
      if (member === null) {
        sell(
          basketFor(
            { index: -1, habit: 'rare', visitChance: 0, enrolDay: 0, memberId: null },
            weekday,
          ),
          when,
          null,
          null,
        );
      } else if (member.memberId === null) {
        enrol(member, when);
        // Joining at the counter, with the welcome coupon on the first basket.
        sell(
          basketFor(member, weekday),
          when + MINUTE_MS / 2,
          member.memberId,
          viewAt(member.memberId!, when),
        );
      } else {
        visit(member, weekday, when);
      }
    }
  }
  // A few withdraw a consent later, as members do.
  for (const member of members) {
    // Only those who joined days ago: the withdrawal is dated yesterday.
    if (member.memberId === null || member.index < 3 || member.enrolDay > days - 4) continue;
    if (!chance(0.04)) continue;
    call(
      'member.consent',
      { memberId: member.memberId, channel: 'sms', granted: false },
      ctx.now - DAY_MS,
    );
  }
  return { members: members.filter((m) => m.memberId !== null).length, sales, days };
}

function merge(lines: Line[]): Line[] {
  const bySku = new Map<string, number>();
  for (const line of lines) bySku.set(line.sku, (bySku.get(line.sku) ?? 0) + line.quantity);
  return [...bySku].map(([sku, quantity]) => ({ sku, quantity }));
}

/** 0 Sunday … 6 Saturday. */
function weekdayOf(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

function ascii(name: string): string {
  return name.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'a');
}
