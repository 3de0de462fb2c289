/** The printed receipt's own words (src/core/receipt.ts). */
import { defineMessages } from './define';

export const receiptMessages = defineMessages({
  'receipt.copy': { nb: 'KOPI', en: 'COPY', sv: 'KOPIA' },
  'receipt.voided': { nb: 'ANNULLERT', en: 'VOIDED', sv: 'MAKULERAT' },
  'receipt.orgNr': { nb: 'Org.nr.', en: 'Org. no.', sv: 'Org.nr' },
  'receipt.phone': { nb: 'Tlf.', en: 'Tel.', sv: 'Tel.' },
  'receipt.receipt': { nb: 'Kvittering', en: 'Receipt', sv: 'Kvitto' },
  'receipt.cashier': { nb: 'Betjent av', en: 'Served by', sv: 'Kassör' },
  'receipt.subtotal': { nb: 'Sum varer', en: 'Items', sv: 'Summa varor' },
  'receipt.total': { nb: 'TOTALT', en: 'TOTAL', sv: 'TOTALT' },
  'receipt.saved': { nb: 'Du sparte', en: 'You saved', sv: 'Du sparade' },
  'receipt.paidWith': {
    nb: 'Betalt med {method, select, card {bankkort} cash {kontant} vipps {Vipps} other {annet}}',
    en: 'Paid by {method, select, card {card} cash {cash} vipps {Vipps} other {other}}',
    sv: 'Betalt med {method, select, card {kort} cash {kontanter} vipps {Vipps} other {annat}}',
  },
  'receipt.vatTitle': { nb: 'Merverdiavgift (kr)', en: 'VAT (NOK)', sv: 'Moms (kr)' },
  /** Column heads of the VAT table; the rate's also heads a block on narrow paper. */
  'receipt.vatRate': { nb: 'Sats', en: 'Rate', sv: 'Sats' },
  'receipt.vatNet': { nb: 'Grunnlag', en: 'Net', sv: 'Underlag' },
  'receipt.vatVat': { nb: 'MVA', en: 'VAT', sv: 'Moms' },
  'receipt.vatGross': { nb: 'Sum', en: 'Gross', sv: 'Summa' },
  'receipt.club': { nb: 'KUNDEKLUBB', en: 'LOYALTY CLUB', sv: 'KUNDKLUBB' },
  'receipt.hello': { nb: 'Hei, {name}!', en: 'Hello, {name}!', sv: 'Hej, {name}!' },
  /** Under the QR of the member's own page (cloud/member-page), printed when the till is paired. */
  'receipt.memberPage': {
    nb: 'Se poengene dine',
    en: 'See your points online',
    sv: 'Se dina poäng',
  },
  'receipt.memberNo': { nb: 'Medlemsnr.', en: 'Member no.', sv: 'Medlemsnr' },
  'receipt.pointsEarned': {
    nb: 'Poeng opptjent nå',
    en: 'Points earned now',
    sv: 'Intjänade poäng',
  },
  'receipt.pointsSpent': { nb: 'Poeng brukt nå', en: 'Points used now', sv: 'Använda poäng' },
  'receipt.pointsBalance': { nb: 'Poengsaldo', en: 'Points balance', sv: 'Poängsaldo' },
  'receipt.pointsPending': { nb: 'Poeng som venter', en: 'Points pending', sv: 'Poäng som väntar' },
  /** `shown` is `count` grouped as the receipt prints figures ("1 234"). */
  'receipt.points': {
    nb: '{count, plural, other {{shown} poeng}}',
    en: '{count, plural, one {{shown} point} other {{shown} points}}',
    sv: '{count, plural, other {{shown} poäng}}',
  },
  'receipt.tier': { nb: 'Nivå', en: 'Level', sv: 'Nivå' },
  /** `shown` is `count` grouped; `name` the next tier's. */
  'receipt.toNext': {
    nb: '{count, plural, other {{shown} poeng}} til {name}',
    en: '{count, plural, one {{shown} point} other {{shown} points}} to {name}',
    sv: '{count, plural, other {{shown} poäng}} till {name}',
  },
  'receipt.topTier': {
    nb: 'Du er på høyeste nivå',
    en: 'You are at the top level',
    sv: 'Du är på högsta nivån',
  },
  'receipt.stampsToday': { nb: '+{count} i dag', en: '+{count} today', sv: '+{count} i dag' },
  'receipt.couponsUsed': { nb: 'Brukt i dag:', en: 'Used today:', sv: 'Använda i dag:' },
  'receipt.availableNow': {
    nb: 'Klart til neste besøk:',
    en: 'Ready for your next visit:',
    sv: 'Klart till nästa besök:',
  },
  'receipt.thanks': {
    nb: 'Takk for handelen!',
    en: 'Thank you for shopping with us!',
    sv: 'Tack för ditt köp!',
  },
});
