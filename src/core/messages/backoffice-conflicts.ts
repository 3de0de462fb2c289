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
});
