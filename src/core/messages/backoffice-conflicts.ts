/**
 * The back office's conflicts (src/backoffice/pages/ConflictsPage.tsx and
 * src/contract/backoffice/conflicts.ts): what happened, where and when, and
 * how each was settled (`backoffice.ui.conflicts.*`).
 */
import { defineMessages } from './define';

export const backofficeConflictsMessages = defineMessages({
  'backoffice.conflicts.noteNeeded': {
    nb: 'Skriv et notat om hva som ble gjort.',
    en: 'Write a note on what was done.',
    sv: 'Skriv en anteckning om vad som gjordes.',
  },
  'backoffice.conflicts.noteTooLong': {
    nb: 'Notatet kan ha høyst {max} tegn.',
    en: 'The note may have at most {max} characters.',
    sv: 'Anteckningen får ha högst {max} tecken.',
  },
  'backoffice.conflicts.pointsWhole': {
    nb: 'Skriv poengene som et helt tall, som 50 eller -50.',
    en: 'Write the points as a whole number, like 50 or -50.',
    sv: 'Skriv poängen som ett heltal, som 50 eller -50.',
  },
  'backoffice.conflicts.pointsNeeded': {
    nb: 'Skriv hvor mange poeng som skal legges til (eller trekkes med minus).',
    en: 'Write how many points to add (or to take, with a minus).',
    sv: 'Skriv hur många poäng som ska läggas till (eller dras av med minus).',
  },
  'backoffice.conflicts.pointsOnlyToAdjust': {
    nb: 'Poeng skrives bare når saldoen skal justeres.',
    en: 'Points are written only when the balance is adjusted.',
    sv: 'Poäng skrivs bara när saldot ska justeras.',
  },
  'backoffice.conflicts.pointsOverCap': {
    nb: 'Kundeklubben tillater høyst {max} poeng i én justering.',
    en: 'The loyalty programme allows at most {max} points in one adjustment.',
    sv: 'Kundklubben tillåter högst {max} poäng i en justering.',
  },
  'backoffice.conflicts.memberErased': {
    nb: 'Medlemmet er slettet, så saldoen kan ikke justeres. Velg avskriv.',
    en: 'The member is erased, so the balance cannot be adjusted. Choose write off.',
    sv: 'Medlemmen är raderad, så saldot kan inte justeras. Välj skriv av.',
  },
  'backoffice.conflicts.settledAlready': {
    nb: 'Konflikten er allerede avgjort.',
    en: 'The conflict is settled already.',
    sv: 'Konflikten är redan avgjord.',
  },
  'backoffice.ui.conflicts.title': {
    nb: 'Konflikter',
    en: 'Conflicts',
    sv: 'Konflikter',
  },
  'backoffice.ui.conflicts.lead': {
    nb: 'Når to kasser uten nett bruker den samme kupongen eller de samme poengene, kan ikke begge salgene stå. Her ser du hva som skjedde, hvor og når, og avgjør hver sak.',
    en: 'When two tills without a connection use the same coupon or the same points, both sales cannot stand. Here you see what happened, where and when, and settle each case.',
    sv: 'När två kassor utan nät använder samma kupong eller samma poäng kan inte båda köpen stå. Här ser du vad som hände, var och när, och avgör varje fall.',
  },
  'backoffice.ui.conflicts.openTitle': {
    nb: 'Åpne ({count})',
    en: 'Open ({count})',
    sv: 'Öppna ({count})',
  },
  'backoffice.ui.conflicts.settledTitle': {
    nb: 'Avgjort ({count})',
    en: 'Settled ({count})',
    sv: 'Avgjorda ({count})',
  },
  'backoffice.ui.conflicts.noneOpen': {
    nb: 'Ingen åpne konflikter. Alt stemmer.',
    en: 'No open conflicts. Everything adds up.',
    sv: 'Inga öppna konflikter. Allt stämmer.',
  },
  'backoffice.ui.conflicts.noneSettled': {
    nb: 'Ingen konflikter er avgjort ennå.',
    en: 'No conflicts have been settled yet.',
    sv: 'Inga konflikter har avgjorts ännu.',
  },
  'backoffice.ui.conflicts.kind.coupon': {
    nb: '{source, select, welcome {Velkomstkupongen} birthday {Bursdagskupongen} spend {Kupongen for handel} tier {Nivåkupongen} campaign {Kampanjekupongen} points {Kupongen kjøpt for poeng} referral {Vervekupongen} other {Kupongen}} er brukt to ganger',
    en: '{source, select, welcome {The welcome coupon} birthday {The birthday coupon} spend {The spend coupon} tier {The tier coupon} campaign {The campaign coupon} points {The coupon bought with points} referral {The refer-a-friend coupon} other {The coupon}} was used twice',
    sv: '{source, select, welcome {Välkomstkupongen} birthday {Födelsedagskupongen} spend {Kupongen för köp} tier {Nivåkupongen} campaign {Kampanjkupongen} points {Kupongen köpt för poäng} referral {Värvningskupongen} other {Kupongen}} har använts två gånger',
  },
  'backoffice.ui.conflicts.kind.reward': {
    nb: 'Premien på klippekortet er brukt to ganger',
    en: 'The punch-card reward was used twice',
    sv: 'Premien på klippkortet har använts två gånger',
  },
  'backoffice.ui.conflicts.kind.tierOnce': {
    nb: 'Nivårabatten for perioden er brukt to ganger',
    en: 'The tier discount for the period was used twice',
    sv: 'Nivårabatten för perioden har använts två gånger',
  },
  'backoffice.ui.conflicts.kind.points': {
    nb: 'Poengsaldoen er {points} poeng i minus',
    en: 'The points balance is {points} points below zero',
    sv: 'Poängsaldot är {points} poäng på minus',
  },
  'backoffice.ui.conflicts.kind.cashback': {
    nb: 'Bonussaldoen er {amount} i minus',
    en: 'The bonus balance is {amount} below zero',
    sv: 'Bonussaldot är {amount} på minus',
  },
  'backoffice.ui.conflicts.memberErased': {
    nb: 'Slettet medlem',
    en: 'Erased member',
    sv: 'Raderad medlem',
  },
  'backoffice.ui.conflicts.memberNoName': {
    nb: 'Uten navn',
    en: 'No name',
    sv: 'Utan namn',
  },
  'backoffice.ui.conflicts.what.sale': {
    nb: 'Salg',
    en: 'Sale',
    sv: 'Köp',
  },
  'backoffice.ui.conflicts.what.return': {
    nb: 'Retur',
    en: 'Return',
    sv: 'Retur',
  },
  'backoffice.ui.conflicts.what.adjustment': {
    nb: 'Justering',
    en: 'Adjustment',
    sv: 'Justering',
  },
  'backoffice.ui.conflicts.event.at': {
    nb: '{what} {when} i {store}, {till}, kvittering {receipt}',
    en: '{what} {when} at {store}, {till}, receipt {receipt}',
    sv: '{what} {when} i {store}, {till}, kvitto {receipt}',
  },
  'backoffice.ui.conflicts.event.elsewhere': {
    nb: '{what} {when} i en annen butikk i kjeden',
    en: '{what} {when} at another store of the chain',
    sv: '{what} {when} i en annan butik i kedjan',
  },
  'backoffice.ui.conflicts.event.backOffice': {
    nb: '{what} {when} i backoffice',
    en: '{what} {when} in the back office',
    sv: '{what} {when} i backoffice',
  },
  'backoffice.ui.conflicts.unknownTill': {
    nb: 'ukjent kasse',
    en: 'An unknown till',
    sv: 'okänd kassa',
  },
  'backoffice.ui.conflicts.noEvents': {
    nb: 'Salgene bak er ikke funnet.',
    en: 'The sales behind it were not found.',
    sv: 'Köpen bakom hittades inte.',
  },
  'backoffice.ui.conflicts.firstSeen': {
    nb: 'Oppdaget {when}.',
    en: 'Found {when}.',
    sv: 'Upptäckt {when}.',
  },
  'backoffice.ui.conflicts.settle': {
    nb: 'Avgjør',
    en: 'Settle',
    sv: 'Avgör',
  },
  'backoffice.ui.conflicts.settled.writeOff': {
    nb: 'Avskrevet av {who} {when}',
    en: 'Written off by {who} {when}',
    sv: 'Avskrivet av {who} {when}',
  },
  'backoffice.ui.conflicts.settled.contacted': {
    nb: 'Medlemmet kontaktet av {who} {when}',
    en: 'Member contacted by {who} {when}',
    sv: 'Medlemmen kontaktad av {who} {when}',
  },
  'backoffice.ui.conflicts.settled.adjust': {
    nb: 'Saldoen justert med {points, plural, one {# poeng} other {# poeng}} av {who} {when}',
    en: 'Balance adjusted by {points, plural, one {# point} other {# points}} by {who} {when}',
    sv: 'Saldot justerat med {points, plural, one {# poäng} other {# poäng}} av {who} {when}',
  },
  'backoffice.ui.conflicts.settledNotice': {
    nb: 'Konflikten er avgjort og står nå under Avgjort.',
    en: 'The conflict is settled and is now listed under Settled.',
    sv: 'Konflikten är avgjord och står nu under Avgjorda.',
  },
  'backoffice.ui.settle.title': {
    nb: 'Avgjør konflikten',
    en: 'Settle the conflict',
    sv: 'Avgör konflikten',
  },
  'backoffice.ui.settle.how': {
    nb: 'Hva gjør dere?',
    en: 'What do you do?',
    sv: 'Vad gör ni?',
  },
  'backoffice.ui.settle.action.write_off': {
    nb: 'Avskriv',
    en: 'Write off',
    sv: 'Skriv av',
  },
  'backoffice.ui.settle.action.adjust': {
    nb: 'Juster saldoen',
    en: 'Adjust the balance',
    sv: 'Justera saldot',
  },
  'backoffice.ui.settle.action.contacted': {
    nb: 'Kontakt medlemmet',
    en: 'Contact the member',
    sv: 'Kontakta medlemmen',
  },
  'backoffice.ui.settle.explain.write_off': {
    nb: 'Butikken tar tapet. Ingenting endres for medlemmet.',
    en: 'The store bears the loss. Nothing changes for the member.',
    sv: 'Butiken tar förlusten. Inget ändras för medlemmen.',
  },
  'backoffice.ui.settle.explain.adjust': {
    nb: 'Legg til eller trekk poeng. Kassene får justeringen neste gang de henter endringer.',
    en: 'Add or take points. The tills get the adjustment the next time they fetch changes.',
    sv: 'Lägg till eller dra av poäng. Kassorna får justeringen nästa gång de hämtar ändringar.',
  },
  'backoffice.ui.settle.explain.contacted': {
    nb: 'Dere har snakket med medlemmet. Skriv hva dere ble enige om.',
    en: 'You have spoken to the member. Write what you agreed.',
    sv: 'Ni har pratat med medlemmen. Skriv vad ni kom överens om.',
  },
  'backoffice.ui.settle.points': {
    nb: 'Poeng',
    en: 'Points',
    sv: 'Poäng',
  },
  'backoffice.ui.settle.pointsHint': {
    nb: 'Pluss for å gi, minus for å trekke. Høyst {max} poeng.',
    en: 'Plus to give, minus to take. At most {max} points.',
    sv: 'Plus för att ge, minus för att dra av. Högst {max} poäng.',
  },
  'backoffice.ui.settle.note': {
    nb: 'Notat',
    en: 'Note',
    sv: 'Anteckning',
  },
  'backoffice.ui.settle.noteHint': {
    nb: 'Hva ble gjort, og hvorfor. Notatet lagres med avgjørelsen.',
    en: 'What was done, and why. The note is kept with the settlement.',
    sv: 'Vad som gjordes, och varför. Anteckningen sparas med avgörandet.',
  },
  'backoffice.ui.settle.submit': {
    nb: 'Avgjør konflikten',
    en: 'Settle it',
    sv: 'Avgör konflikten',
  },
});
