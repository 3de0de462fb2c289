/**
 * The sync screen's words, in both languages, from what the service answers:
 * when the till last synced, why the last attempt failed, what the cloud
 * refused, and each conflict explained to a manager in plain words (which
 * coupon, which receipts at which till, whose points). Pure functions, so the
 * wording is tested without a screen (sync-text.test.ts).
 */
import type { Text } from '../../../core/i18n';
import { text } from '../../../core/i18n';
import { formatMoney } from '../../../core/money';
import type { Programme } from '../../../core/programme';
import type { CommandOutputs } from '../../../contract/commands';
import type { CloudConflict, ConflictMember, TillConflict } from '../../../contract/sync';

export type SyncReport = CommandOutputs['sync.now'];

const MINUTE = 60_000;

function clock(ms: number, locale: 'nb' | 'en'): string {
  return new Intl.DateTimeFormat(locale === 'nb' ? 'nb-NO' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
  }).format(ms);
}

function day(ms: number, locale: 'nb' | 'en'): string {
  return new Intl.DateTimeFormat(locale === 'nb' ? 'nb-NO' : 'en-GB', {
    day: 'numeric',
    month: 'short',
  }).format(ms);
}

function sameDay(a: number, b: number): boolean {
  const x = new Date(a);
  const y = new Date(b);
  return (
    x.getFullYear() === y.getFullYear() &&
    x.getMonth() === y.getMonth() &&
    x.getDate() === y.getDate()
  );
}

/** The clock on `now`'s day, else the day and the clock (the screen's own `time`, `date`). */
export function clockOrDay(
  at: number,
  now: number,
  format: { time(ms: number): string; date(ms: number): string },
): string {
  return sameDay(at, now) ? format.time(at) : `${format.date(at)} ${format.time(at)}`;
}

/** How long ago: "nå nettopp", "for 3 min siden", "for 2 t siden", else the day. */
export function agoText(at: number, now: number): Text {
  const ago = Math.max(0, now - at);
  if (ago < MINUTE) return text('nå nettopp', 'just now');
  if (ago < 60 * MINUTE) {
    const minutes = Math.floor(ago / MINUTE);
    return text(`for ${minutes} min siden`, `${minutes} min ago`);
  }
  if (ago < 24 * 60 * MINUTE) {
    const hours = Math.floor(ago / (60 * MINUTE));
    return text(`for ${hours} t siden`, `${hours} h ago`);
  }
  return text(day(at, 'nb'), day(at, 'en'));
}

/**
 * When the till last synced, short enough for the top bar: "for 3 min siden"
 * within the hour, "Synket 12:04" the same day, "Synket 3. mai 12:04" before.
 */
export function lastSyncText(lastSyncAt: number | null, now: number): Text {
  if (lastSyncAt === null) return text('Aldri synket', 'Never synced');
  if (now - lastSyncAt < 60 * MINUTE) {
    const ago = agoText(lastSyncAt, now);
    return text(`Synket ${ago.nb}`, `Synced ${ago.en}`);
  }
  if (sameDay(lastSyncAt, now))
    return text(`Synket ${clock(lastSyncAt, 'nb')}`, `Synced ${clock(lastSyncAt, 'en')}`);
  return text(
    `Synket ${day(lastSyncAt, 'nb')} ${clock(lastSyncAt, 'nb')}`,
    `Synced ${day(lastSyncAt, 'en')} ${clock(lastSyncAt, 'en')}`,
  );
}

/** What "Synk nå" did, in a line. */
export function reportText(report: SyncReport): Text {
  if (!report.ok) {
    const why = report.error?.text ?? text('Ukjent feil.', 'Unknown error.');
    return text(`Synk feilet. ${why.nb}`, `Sync failed. ${why.en}`);
  }
  const refused =
    report.rejected > 0
      ? text(` Skyen avviste ${report.rejected}.`, ` The cloud refused ${report.rejected}.`)
      : text('', '');
  const setAside =
    report.quarantined > 0
      ? text(` ${report.quarantined} lagt til side.`, ` ${report.quarantined} set aside.`)
      : text('', '');
  return text(
    `Synket: ${report.pushed} sendt, ${report.applied} nye hentet.${refused.nb}${setAside.nb}`,
    `Synced: ${report.pushed} sent, ${report.applied} new received.${refused.en}${setAside.en}`,
  );
}

const EVENT_KINDS: Record<string, Text> = {
  'member.enrolled': text('Innmelding', 'Enrolment'),
  'member.profile_updated': text('Endret medlem', 'Member change'),
  'member.consent_changed': text('Samtykke', 'Consent'),
  'member.pin_set': text('Medlems-PIN', 'Member PIN'),
  'member.erased': text('Sletting av medlem', 'Member erasure'),
  'sale.committed': text('Salg', 'Sale'),
  'sale.voided': text('Annullering', 'Void'),
  'sale.returned': text('Retur', 'Return'),
  'points.adjusted': text('Poengjustering', 'Points adjustment'),
  'coupon.purchased': text('Kupong kjøpt med poeng', 'Coupon bought with points'),
  'referral.rewarded': text('Vervebelønning', 'Referral reward'),
  'programme.saved': text('Programendring', 'Programme change'),
  'catalogue.saved': text('Vareliste', 'Catalogue'),
};

/** "Salg", "Innmelding": what a refused event recorded. */
export function eventKindText(type: string | null): Text {
  // Null: an event set aside before its type could be read.
  if (type === null) return text('Uleselig hendelse', 'Unreadable event');
  return EVENT_KINDS[type] ?? text(`Ukjent hendelse (${type})`, `Unknown event (${type})`);
}

// ---- conflicts ---------------------------------------------------------------

/** A sale named in a conflict, as far as this till has it. */
export interface ConflictSale {
  saleId: string;
  /** Null: the sale has not reached this till yet. */
  receiptNo: string | null;
  /** What the sale's benefits say (names the coupon or reward when the programme cannot). */
  reasons: { couponId?: string; rewardId?: string; reason: Text }[];
}

export interface ConflictContext {
  programme: Programme | null;
  /** The sales conflicts name, by id (missing: not asked or not found). */
  sales: ReadonlyMap<string, ConflictSale>;
  /** This till's member-number slot: receipts `{slot}-n` were printed here. */
  ownSlot: number | null;
  /** This till's name in the cloud. */
  ownName: string | null;
}

/** "Ingrid", else "medlemsnr. 2900…", else a member this till has not seen. */
export function memberName(member: ConflictMember): Text {
  if (member.firstName) return text(member.firstName, member.firstName);
  if (member.memberNumber)
    return text(`medlemsnr. ${member.memberNumber}`, `member no. ${member.memberNumber}`);
  return text('et medlem kassen ikke har ennå', 'a member not on this till yet');
}

function times(n: number): Text {
  const nb = ['', 'én gang', 'to ganger', 'tre ganger', 'fire ganger', 'fem ganger'];
  const en = ['', 'once', 'twice', 'three times', 'four times', 'five times'];
  return n < nb.length ? text(nb[n]!, en[n]!) : text(`${n} ganger`, `${n} times`);
}

/** "a, b og c" / "a, b and c". */
function listed(items: readonly Text[]): Text {
  const join = (parts: string[], and: string) =>
    parts.length <= 1
      ? (parts[0] ?? '')
      : `${parts.slice(0, -1).join(', ')} ${and} ${parts[parts.length - 1]}`;
  return text(
    join(
      items.map((i) => i.nb),
      'og',
    ),
    join(
      items.map((i) => i.en),
      'and',
    ),
  );
}

/**
 * "kvittering 1-17 på Kasse 1 og 2-4 på en annen kasse": the receipts this
 * till has, in the order given, then the sales it has not received yet.
 */
function salesText(saleIds: readonly string[], ctx: ConflictContext): Text {
  const receipts = saleIds.flatMap((saleId) => {
    const receiptNo = ctx.sales.get(saleId)?.receiptNo;
    return receiptNo ? [receiptNo] : [];
  });
  const parts = receipts.map((receiptNo, index) => {
    const slot = Number(receiptNo.split('-')[0]);
    const here = ctx.ownSlot !== null && slot === ctx.ownSlot;
    const where = here
      ? ctx.ownName
        ? text(`på ${ctx.ownName}`, `at ${ctx.ownName}`)
        : text('på denne kassen', 'at this till')
      : text('på en annen kasse', 'at another till');
    // A receipt number is never broken over two lines at its dash.
    const no = receiptNo.replace(/-/g, '\u2011');
    return index === 0
      ? text(`kvittering ${no} ${where.nb}`, `receipt ${no} ${where.en}`)
      : text(`${no} ${where.nb}`, `${no} ${where.en}`);
  });
  const missing = saleIds.length - receipts.length;
  if (missing === 1)
    parts.push(text('et salg kassen ikke har ennå', 'a sale not on this till yet'));
  else if (missing > 1)
    parts.push(
      text(`${missing} salg kassen ikke har ennå`, `${missing} sales not on this till yet`),
    );
  return listed(parts);
}

/** The reason a sale gives for a benefit, up to the colon: "Velkomstkupong" of "Velkomstkupong: 10 % rabatt". */
function nameFromSales(
  ctx: ConflictContext,
  saleIds: readonly string[],
  match: (r: ConflictSale['reasons'][number]) => boolean,
): Text | null {
  for (const saleId of saleIds) {
    const found = ctx.sales.get(saleId)?.reasons.find(match);
    if (found) return text(found.reason.nb.split(': ')[0]!, found.reason.en.split(': ')[0]!);
  }
  return null;
}

/** The coupon's name from the programme, by its deterministic id (docs/architecture.md). */
export function couponName(
  programme: Programme | null,
  couponId: string,
  memberId: string,
): Text | null {
  if (!programme) return null;
  if (couponId === `W-${memberId}`) return programme.welcome?.coupon.name ?? null;
  if (couponId.startsWith(`B-${memberId}-`)) return programme.birthday?.coupon.name ?? null;
  for (const rule of programme.spendCoupons)
    if (couponId.startsWith(`S-${rule.id}-${memberId}-`)) return rule.coupon.name;
  for (const campaign of programme.campaigns)
    if (couponId === `C-${campaign.id}-${memberId}`) return campaign.coupon.name;
  if (couponId.startsWith('R-') && programme.referral?.reward.kind === 'coupon')
    return programme.referral.reward.coupon.name;
  for (const level of programme.tiers?.levels ?? [])
    if (couponId.startsWith(`T-${level.id}-`)) return level.name;
  return null;
}

function rewardName(programme: Programme | null, rewardId: string, memberId: string): Text | null {
  for (const card of programme?.punchCards ?? [])
    if (rewardId.startsWith(`K-${card.id}-${memberId}-`))
      return text(`${card.name.nb}-belønningen`, `${card.name.en} reward`);
  return null;
}

/** One of the cloud's conflicts, for the manager: what happened, where, to whom. */
export function cloudConflictText(conflict: CloudConflict, ctx: ConflictContext): Text {
  const who = memberName(conflict.member);
  const memberId = conflict.member.memberId;
  const flag = conflict.flag;
  switch (flag.kind) {
    case 'negative_points': {
      const balance = `−${Math.abs(flag.points)}`;
      return text(
        `Poengene til ${who.nb} ble brukt to ganger: saldo ${balance}`,
        `${who.en}'s points were spent twice: balance ${balance}`,
      );
    }
    case 'negative_cashback': {
      const nb = formatMoney(flag.amountOre, 'nb').replace('-', '−');
      const en = formatMoney(flag.amountOre, 'en').replace('-', '−');
      return text(
        `Bonusen til ${who.nb} ble brukt to ganger: saldo ${nb}`,
        `${who.en}'s cashback was spent twice: balance ${en}`,
      );
    }
    case 'coupon_redeemed_twice': {
      const name =
        couponName(ctx.programme, flag.couponId, memberId) ??
        nameFromSales(ctx, flag.saleIds, (r) => r.couponId === flag.couponId) ??
        text(flag.couponId, flag.couponId);
      const n = times(flag.saleIds.length);
      const where = salesText(flag.saleIds, ctx);
      return text(
        `Kupongen «${name.nb}» ble brukt ${n.nb} (${where.nb})`,
        `The coupon “${name.en}” was used ${n.en} (${where.en})`,
      );
    }
    case 'reward_redeemed_twice': {
      const name =
        rewardName(ctx.programme, flag.rewardId, memberId) ??
        nameFromSales(ctx, flag.saleIds, (r) => r.rewardId === flag.rewardId) ??
        text(flag.rewardId, flag.rewardId);
      const n = times(flag.saleIds.length);
      const where = salesText(flag.saleIds, ctx);
      return text(
        `Belønningen «${name.nb}» ble brukt ${n.nb} (${where.nb})`,
        `The reward “${name.en}” was used ${n.en} (${where.en})`,
      );
    }
    case 'tier_once_used_twice': {
      const n = times(flag.saleIds.length);
      const where = salesText(flag.saleIds, ctx);
      return text(
        `Nivårabatten som gjelder én gang per periode (${flag.periodKey}) ble brukt ${n.nb} (${where.nb})`,
        `The once-per-period tier discount (${flag.periodKey}) was used ${n.en} (${where.en})`,
      );
    }
    case 'duplicate_phone':
    case 'duplicate_member_number':
    case 'duplicate_qr_token': {
      const what = IDENTITY_WHAT[flag.kind];
      const n = countWord(flag.memberIds.length);
      return text(
        `${n.nb} medlemmer, ${who.nb} blant dem, har samme ${what.nb}`,
        `${n.en} members, ${who.en} among them, share one ${what.en}`,
      );
    }
  }
}

const IDENTITY_WHAT: Record<
  'duplicate_phone' | 'duplicate_member_number' | 'duplicate_qr_token',
  Text
> = {
  duplicate_phone: text('mobilnummer', 'phone'),
  duplicate_member_number: text('medlemsnummer', 'member number'),
  duplicate_qr_token: text('QR-kode', 'QR code'),
};

function twoTills(what: Text): Text {
  return text(
    `To kasser uten nett godtok ${what.nb} hver for seg. Begge salgene står som de ble gjort; ingenting er endret.`,
    `Two offline tills each accepted ${what.en}. Both sales stand as they were made; nothing has been changed.`,
  );
}

/** What it means and what happens next: the line under a cloud conflict. */
export function cloudConflictHint(conflict: CloudConflict): Text {
  switch (conflict.flag.kind) {
    case 'negative_points':
      return text(
        'Trolig brukt på to kasser uten nett samtidig. Nye poeng dekker underskuddet først.',
        'Likely spent at two offline tills at once. New points pay off the deficit first.',
      );
    case 'negative_cashback':
      return text(
        'Trolig brukt på to kasser uten nett samtidig. Ny bonus dekker underskuddet først.',
        'Likely spent at two offline tills at once. New cashback pays off the deficit first.',
      );
    case 'coupon_redeemed_twice':
      return twoTills(text('kupongen', 'the coupon'));
    case 'reward_redeemed_twice':
      return twoTills(text('belønningen', 'the reward'));
    case 'tier_once_used_twice':
      return twoTills(text('nivårabatten', 'the tier discount'));
    case 'duplicate_phone':
    case 'duplicate_member_number':
    case 'duplicate_qr_token':
      return text(
        'Oppslag gir den som meldte seg inn først. Rett opplysningene på den andre.',
        'A lookup answers the member who enrolled first. Correct the details of the other.',
      );
  }
}

/** "+47 912 34 567" for a Norwegian mobile; other numbers as stored. */
function phoneText(e164: string): string {
  const m = /^\+47(\d{3})(\d{2})(\d{3})$/.exec(e164);
  return m ? `+47 ${m[1]} ${m[2]} ${m[3]}` : e164;
}

function countWord(n: number): Text {
  const nb = ['', 'Ett', 'To', 'Tre', 'Fire', 'Fem'];
  const en = ['', 'One', 'Two', 'Three', 'Four', 'Five'];
  return n < nb.length ? text(nb[n]!, en[n]!) : text(String(n), String(n));
}

/** Two members sharing a phone, a member number or a QR token, for the manager. */
export function tillConflictText(conflict: TillConflict): Text {
  const n = countWord(conflict.members.length);
  const names = listed(conflict.members.map(memberName));
  const first = conflict.members[0];
  const answered = first ? memberName(first) : text('', '');
  if (conflict.kind === 'duplicate_phone') {
    const phone = phoneText(conflict.value);
    return text(
      `${n.nb} medlemmer har mobilnummeret ${phone}: ${names.nb}. Oppslag på nummeret gir ${answered.nb}, som meldte seg inn først.`,
      `${n.en} members have the phone ${phone}: ${names.en}. A lookup by it answers ${answered.en}, enrolled first.`,
    );
  }
  if (conflict.kind === 'duplicate_qr_token') {
    return text(
      `${n.nb} medlemmer har samme QR-kode: ${names.nb}. Skanning av koden gir ${answered.nb}, som meldte seg inn først.`,
      `${n.en} members have the same QR code: ${names.en}. Scanning it answers ${answered.en}, enrolled first.`,
    );
  }
  return text(
    `${n.nb} medlemmer har medlemsnummeret ${conflict.value}: ${names.nb}. Oppslag på nummeret gir ${answered.nb}, som meldte seg inn først.`,
    `${n.en} members have the member number ${conflict.value}: ${names.en}. A lookup by it answers ${answered.en}, enrolled first.`,
  );
}

export function tillConflictHint(conflict: TillConflict): Text {
  if (conflict.kind === 'duplicate_qr_token') {
    return text(
      'QR-koder trekkes tilfeldig, så en kasse med feil har gitt samme kode to ganger. Den andre finnes på mobilnummer eller medlemsnummer.',
      'QR codes are drawn at random, so a faulty till gave the same code twice. The other member is found by phone or member number.',
    );
  }
  return conflict.kind === 'duplicate_phone'
    ? text(
        'Innmeldt på to kasser uten nett. Rett mobilnummeret på den som ikke skal ha det.',
        'Enrolled at two offline tills. Correct the phone of the member who should not have it.',
      )
    : text(
        'Gitt av to kasser før de ble paret. Nye numre er unike; de gamle står til noen endrer dem.',
        'Handed out by two tills before pairing. New numbers are unique; the old ones stay until changed.',
      );
}

/** The environment's cloud address is the one the till is paired with. */
export function sameCloud(a: string, b: string): boolean {
  const norm = (url: string) => url.trim().replace(/\/+$/, '').toLowerCase();
  return norm(a) === norm(b);
}
