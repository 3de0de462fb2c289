/** A member's coupons and rewards as the view lists them (src/core/member). */
import { defineMessages } from './define';

export const memberMessages = defineMessages({
  /** `reason` is one of the coupon messages below. */
  'member.couponValidUntil': {
    nb: '{reason} (gyldig til {date})',
    en: '{reason} (valid until {date})',
    sv: '{reason} (giltig till {date})',
  },
  'member.couponWelcome': {
    nb: 'Velkommen som medlem: {coupon}',
    en: 'Welcome to the club: {coupon}',
    sv: 'Välkommen som medlem: {coupon}',
  },
  'member.couponBirthday': {
    nb: 'Gratulerer med dagen: {coupon}',
    en: 'Happy birthday: {coupon}',
    sv: 'Grattis på födelsedagen: {coupon}',
  },
  /** "For hver 2 000,00 kr handlet (nr. 3): 100 kr-kupong" */
  'member.couponSpend': {
    nb: 'For hver {every} handlet (nr. {n}): {coupon}',
    en: 'For every {every} spent (no. {n}): {coupon}',
    sv: 'För varje {every} du handlat för (nr {n}): {coupon}',
  },
  'member.couponTier': {
    nb: '{tier}-fordel {i} av {count} i perioden: {coupon}',
    en: '{tier} benefit {i} of {count} this period: {coupon}',
    sv: '{tier}-förmån {i} av {count} under perioden: {coupon}',
  },
  'member.couponCampaign': {
    nb: 'Kampanje: {coupon}',
    en: 'Campaign: {coupon}',
    sv: 'Kampanj: {coupon}',
  },
  'member.couponBoughtWithPoints': {
    nb: 'Kjøpt med poeng: {coupon}',
    en: 'Bought with points: {coupon}',
    sv: 'Köpt med poäng: {coupon}',
  },
  'member.couponReferral': {
    nb: 'Takk for at du vervet en venn: {coupon}',
    en: 'Thanks for referring a friend: {coupon}',
    sv: 'Tack för att du värvade en vän: {coupon}',
  },
  /** A full punch card waiting to be used. */
  'member.rewardFullCard': {
    nb: '{card}: fullt kort nr. {n} ({stamps, plural, one {# stempel} other {# stempler}})',
    en: '{card}: full card no. {n} ({stamps, plural, one {# stamp} other {# stamps}})',
    sv: '{card}: fullt kort nr {n} ({stamps, plural, one {# stämpel} other {# stämplar}})',
  },
  /** The member's history (member.history): why points moved. */
  'member.historyEarned': {
    nb: 'Poeng for kjøpet',
    en: 'Points for the purchase',
    sv: 'Poäng för köpet',
  },
  'member.historyRedeemed': {
    nb: 'Poeng brukt på kvittering {receiptNo}',
    en: 'Points used on receipt {receiptNo}',
    sv: 'Poäng använda på kvitto {receiptNo}',
  },
  'member.historyVoided': {
    nb: 'Kvittering {receiptNo} annullert',
    en: 'Receipt {receiptNo} voided',
    sv: 'Kvitto {receiptNo} makulerat',
  },
  'member.historyReturned': {
    nb: 'Retur på kvittering {receiptNo}',
    en: 'Return on receipt {receiptNo}',
    sv: 'Retur på kvitto {receiptNo}',
  },
  'member.historyExpired': {
    nb: 'Poengene gikk ut på dato',
    en: 'The points expired',
    sv: 'Poängen gick ut',
  },
  'member.historyCouponBought': {
    nb: 'Kupong kjøpt med poeng: {coupon}',
    en: 'Coupon bought with points: {coupon}',
    sv: 'Kupong köpt med poäng: {coupon}',
  },
  'member.historyReferral': {
    nb: 'Vervet en venn',
    en: 'Referred a friend',
    sv: 'Värvade en vän',
  },
});
