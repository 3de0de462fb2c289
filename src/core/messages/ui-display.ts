/**
 * The customer display (src/ui/display/, the second screen turned to the
 * customer): words a customer reads from two metres, in the till's language.
 */
import { defineMessages } from './define';

export const uiDisplayMessages = defineMessages({
  'ui.display.title': {
    nb: 'Kundeskjerm',
    en: 'Customer display',
    sv: 'Kundskärm',
  },
  'ui.display.welcome': {
    nb: 'Velkommen!',
    en: 'Welcome!',
    sv: 'Välkommen!',
  },
  'ui.display.welcomeMember': {
    nb: 'Velkommen, {name}!',
    en: 'Welcome, {name}!',
    sv: 'Välkommen, {name}!',
  },
  'ui.display.basket': {
    nb: 'Handlekurven',
    en: 'Your items',
    sv: 'Varukorgen',
  },
  'ui.display.total': {
    nb: 'Å betale',
    en: 'To pay',
    sv: 'Att betala',
  },
  'ui.display.saved': {
    nb: 'Du sparer {amount}',
    en: 'You save {amount}',
    sv: 'Du sparar {amount}',
  },
  'ui.display.pointsEarned': {
    nb: '+{points} poeng på dette kjøpet',
    en: '+{points, plural, one {{points} point} other {{points} points}} on this purchase',
    sv: '+{points} poäng på detta köp',
  },
  'ui.display.pointsEarnedPaid': {
    nb: 'Du fikk {points} poeng',
    en: 'You earned {points, plural, one {{points} point} other {{points} points}}',
    sv: 'Du fick {points} poäng',
  },
  'ui.display.stampsOf': {
    nb: '{stamps} av {of}',
    en: '{stamps} of {of}',
    sv: '{stamps} av {of}',
  },
  'ui.display.stampsLabel': {
    nb: 'Klippekort {card}: {stamps} av {of} stempler, {fresh} nye',
    en: '{card} card: {stamps} of {of} stamps, {fresh} new',
    sv: 'Stämpelkort {card}: {stamps} av {of} stämplar, {fresh} nya',
  },
  'ui.display.stampsNew': {
    nb: '+{count, plural, one {{count} stempel} other {{count} stempler}}',
    en: '+{count, plural, one {{count} stamp} other {{count} stamps}}',
    sv: '+{count, plural, one {{count} stämpel} other {{count} stämplar}}',
  },
  'ui.display.cardFull': {
    nb: 'Fullt kort: belønningen er din!',
    en: 'Card full: the reward is yours!',
    sv: 'Fullt kort: belöningen är din!',
  },
  'ui.display.thanks': {
    nb: 'Takk for handelen!',
    en: 'Thank you!',
    sv: 'Tack för ditt köp!',
  },
  'ui.display.thanksMember': {
    nb: 'Takk, {name}!',
    en: 'Thank you, {name}!',
    sv: 'Tack, {name}!',
  },
  'ui.display.paid': {
    nb: 'Betalt {amount}',
    en: 'Paid {amount}',
    sv: 'Betalt {amount}',
  },
  'ui.display.join': {
    nb: 'Bli medlem i kundeklubben',
    en: 'Join our loyalty club',
    sv: 'Bli medlem i kundklubben',
  },
  'ui.display.joinHint': {
    nb: 'Skann koden med mobilen',
    en: 'Scan the code with your phone',
    sv: 'Skanna koden med mobilen',
  },
  'ui.display.joinQr': {
    nb: 'QR-kode for å bli medlem',
    en: 'QR code to join',
    sv: 'QR-kod för att bli medlem',
  },
});
