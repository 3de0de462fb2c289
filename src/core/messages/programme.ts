/** Programme and catalogue validation (src/core/programme.ts, catalogue.ts, limits.ts). */
import { defineMessages } from './define';

export const programmeMessages = defineMessages({
  'programme.idFormat': {
    nb: 'En kode har små bokstaver, sifre, - og _ (høyst 48 tegn).',
    en: 'A code has lower-case letters, digits, - and _ (at most 48).',
    sv: 'En kod har små bokstäver, siffror, - och _ (högst 48 tecken).',
  },
  'programme.wholeOre': {
    nb: 'Beløp er hele øre.',
    en: 'Amounts are whole øre.',
    sv: 'Belopp anges i hela öre.',
  },
  'programme.positiveOre': {
    nb: 'Beløpet må være over 0 øre.',
    en: 'The amount must be more than 0 øre.',
    sv: 'Beloppet måste vara över 0 öre.',
  },
  'programme.percentAboveZero': {
    nb: 'En prosentsats må være over 0.',
    en: 'A percentage must be above 0.',
    sv: 'En procentsats måste vara över 0.',
  },
  'programme.percentAtMost100': {
    nb: 'En prosentsats kan ikke være over 100.',
    en: 'A percentage cannot be above 100.',
    sv: 'En procentsats kan inte vara över 100.',
  },
  'programme.twoDecimals': {
    nb: 'Høyst to desimaler.',
    en: 'At most two decimals.',
    sv: 'Högst två decimaler.',
  },
  'programme.dateFormat': {
    nb: 'Datoer skrives ÅÅÅÅ-MM-DD.',
    en: 'Dates are written YYYY-MM-DD.',
    sv: 'Datum skrivs ÅÅÅÅ-MM-DD.',
  },
  'programme.tierThresholds': {
    nb: 'Grensene for nivåene må stige fra første til siste nivå.',
    en: 'Tier thresholds must rise from the first level to the last.',
    sv: 'Gränserna för nivåerna måste stiga från första till sista nivån.',
  },
  /** `what` is one of the programme.kind… messages. */
  'programme.idTwice': {
    nb: 'Koden «{id}» er brukt to ganger ({what}).',
    en: 'The code “{id}” is used twice ({what}).',
    sv: 'Koden ”{id}” används två gånger ({what}).',
  },
  'programme.kindPunchCard': { nb: 'klippekort', en: 'punch card', sv: 'stämpelkort' },
  'programme.kindCampaign': { nb: 'kampanje', en: 'campaign', sv: 'kampanj' },
  'programme.kindSpendCouponRule': {
    nb: 'kupongregel for kjøp',
    en: 'spend coupon rule',
    sv: 'kupongregel för köp',
  },
  'programme.kindPointsOffer': { nb: 'poengtilbud', en: 'points offer', sv: 'poängerbjudande' },
  'programme.kindBonusCampaign': { nb: 'bonuskampanje', en: 'bonus campaign', sv: 'bonuskampanj' },
  'programme.kindTier': { nb: 'nivå', en: 'tier', sv: 'nivå' },
  'programme.campaignEndsBeforeStart': {
    nb: 'Kampanjen «{id}» slutter før den begynner.',
    en: 'The campaign “{id}” ends before it starts.',
    sv: 'Kampanjen ”{id}” slutar innan den börjar.',
  },
  'programme.unknownTimeZone': {
    nb: 'Ukjent tidssone: {zone}.',
    en: 'Unknown time zone: {zone}.',
    sv: 'Okänd tidszon: {zone}.',
  },
  'programme.malformedText': {
    nb: 'Teksten inneholder tegn som ikke kan lagres.',
    en: 'The text holds characters that cannot be stored.',
    sv: 'Texten innehåller tecken som inte kan sparas.',
  },
  'programme.termsTooLong': {
    nb: 'Medlemsvilkårene kan være høyst {max} tegn.',
    en: 'The membership terms can be at most {max} characters.',
    sv: 'Medlemsvillkoren får vara högst {max} tecken.',
  },
  'programme.postalCodeFormat': {
    nb: 'Et postnummer har fire sifre.',
    en: 'A postal code has four digits.',
    sv: 'Ett postnummer har fyra siffror.',
  },
  'programme.postalRangeOrder': {
    nb: 'Et postnummerområde må begynne før det slutter.',
    en: 'A postal code range must start before it ends.',
    sv: 'Ett postnummerområde måste börja innan det slutar.',
  },
  'programme.segmentBoundsOrder': {
    nb: 'Laveste verdi kan ikke være over høyeste.',
    en: 'The lowest value cannot be above the highest.',
    sv: 'Lägsta värdet kan inte vara över det högsta.',
  },
  'programme.segmentTooDeep': {
    nb: 'Grupper kan ligge høyst to nivåer inne i et segment.',
    en: 'Groups nest at most two levels inside a segment.',
    sv: 'Grupper kan ligga högst två nivåer inne i ett segment.',
  },
  'programme.statusDaysOrder': {
    nb: 'Dagene for «aktiv» må være færre enn dagene for «på vei bort».',
    en: 'The days for “active” must be fewer than the days for “lapsing”.',
    sv: 'Dagarna för ”aktiv” måste vara färre än dagarna för ”på väg bort”.',
  },

  // ---- the catalogue -------------------------------------------------------------
  /** `max` in whole kroner. */
  'programme.priceTooHigh': {
    nb: 'En pris kan ikke være over {max} kr.',
    en: 'A price cannot be above NOK {max}.',
    sv: 'Ett pris kan inte vara över {max} kr.',
  },
  'programme.barcodeDigits': {
    nb: 'En strekkode har 8–14 sifre.',
    en: 'A barcode has 8–14 digits.',
    sv: 'En streckkod har 8–14 siffror.',
  },
  'programme.memberPriceAboveNormal': {
    nb: 'Medlemsprisen kan ikke være høyere enn ordinær pris.',
    en: 'A member price cannot be higher than the normal price.',
    sv: 'Medlemspriset kan inte vara högre än ordinarie pris.',
  },
  'programme.skuTwice': {
    nb: 'Varenummeret {sku} står to ganger.',
    en: 'Item number {sku} is listed twice.',
    sv: 'Artikelnumret {sku} finns två gånger.',
  },
  'programme.barcodeTaken': {
    nb: 'Strekkoden {barcode} hører også til varen {other}.',
    en: 'Barcode {barcode} belongs to {other} too.',
    sv: 'Streckkoden {barcode} hör också till varan {other}.',
  },
});
