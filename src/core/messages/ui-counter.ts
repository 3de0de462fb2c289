/**
 * The counter's quick ways (issue 13 point 3): a reward put on the basket by
 * itself and how to take it off, and the till's "use rewards automatically"
 * setting on Enheter.
 */
import { defineMessages } from './define';

export const uiCounterMessages = defineMessages({
  'ui.counter.autoApplied': {
    nb: 'Lagt på av seg selv',
    en: 'Added by itself',
    sv: 'Lagd på av sig själv',
  },
  'ui.counter.undo': {
    nb: 'Angre',
    en: 'Undo',
    sv: 'Ångra',
  },
  'ui.counter.undoLabel': {
    nb: 'Angre: ta {name} av kurven',
    en: 'Undo: take {name} off the basket',
    sv: 'Ångra: ta bort {name} från korgen',
  },
  'ui.counter.settingsTitle': {
    nb: 'Ved kassen',
    en: 'At the till',
    sv: 'Vid kassan',
  },
  'ui.counter.autoRewards': {
    nb: 'Bruk belønninger automatisk',
    en: 'Use rewards automatically',
    sv: 'Använd belöningar automatiskt',
  },
  'ui.counter.autoRewardsHint': {
    nb: 'En klar belønning (et fullt klippekort) legges på kurven med en gang kunden er funnet og har en vare den gjelder. Kassereren kan angre med ett trykk.',
    en: 'A ready reward (a full punch card) goes on the basket as soon as the member is found and has an item it is for. The cashier can undo it with one tap.',
    sv: 'En klar belöning (ett fullt stämpelkort) läggs på korgen så snart kunden är hittad och har en vara den gäller. Kassören kan ångra med ett tryck.',
  },
  'ui.counter.on': {
    nb: 'På',
    en: 'On',
    sv: 'På',
  },
  'ui.counter.off': {
    nb: 'Av',
    en: 'Off',
    sv: 'Av',
  },
  'ui.counter.saved': {
    nb: 'Lagret for denne kassen.',
    en: 'Saved for this till.',
    sv: 'Sparat för den här kassan.',
  },
});
