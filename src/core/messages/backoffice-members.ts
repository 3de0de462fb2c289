/**
 * The back office's members (src/backoffice/pages/Members*.tsx, the commands of
 * src/contract/backoffice/members.ts): the search, a member's page and its
 * tabs, and the refusals of the member commands.
 */
import { defineMessages } from './define';

export const backofficeMembersMessages = defineMessages({
  'backoffice.input.members.queryShort': {
    nb: 'Skriv minst to tegn: navn, telefonnummer eller medlemsnummer.',
    en: 'Type at least two characters: a name, a phone number or a member number.',
    sv: 'Skriv minst två tecken: namn, telefonnummer eller medlemsnummer.',
  },
  'backoffice.input.members.queryLong': {
    nb: 'Søket kan ha høyst 80 tegn.',
    en: 'The search may have at most 80 characters.',
    sv: 'Sökningen får ha högst 80 tecken.',
  },
  'backoffice.input.members.nameLong': {
    nb: 'Navnet kan ha høyst 80 tegn.',
    en: 'A name may have at most 80 characters.',
    sv: 'Ett namn får ha högst 80 tecken.',
  },
  'backoffice.input.members.birthDate': {
    nb: 'Skriv fødselsdatoen som år-måned-dag, for eksempel 1985-04-23.',
    en: 'Type the date of birth as year-month-day, for example 1985-04-23.',
    sv: 'Skriv födelsedatumet som år-månad-dag, till exempel 1985-04-23.',
  },
  'backoffice.input.members.postalCode': {
    nb: 'Postnummeret har fire sifre.',
    en: 'The postcode has four digits.',
    sv: 'Postnumret har fyra siffror.',
  },
  'backoffice.input.members.phone': {
    nb: 'Telefonnummeret er for langt.',
    en: 'The phone number is too long.',
    sv: 'Telefonnumret är för långt.',
  },
  'backoffice.input.members.phoneTaken': {
    nb: 'Et annet medlem har dette telefonnummeret.',
    en: 'Another member has this phone number.',
    sv: 'En annan medlem har det här telefonnumret.',
  },
  'backoffice.input.members.pointsWhole': {
    nb: 'Skriv et helt antall poeng, for eksempel 50 eller -50.',
    en: 'Type a whole number of points, for example 50 or -50.',
    sv: 'Skriv ett helt antal poäng, till exempel 50 eller -50.',
  },
  'backoffice.input.members.pointsZero': {
    nb: 'Skriv hvor mange poeng som skal legges til eller trekkes fra.',
    en: 'Type how many points to add or take away.',
    sv: 'Skriv hur många poäng som ska läggas till eller dras av.',
  },
  'backoffice.input.members.reasonNeeded': {
    nb: 'Skriv hvorfor poengene endres (minst tre tegn). Medlemmet ser grunnen.',
    en: 'Type why the points change (at least three characters). The member sees the reason.',
    sv: 'Skriv varför poängen ändras (minst tre tecken). Medlemmen ser orsaken.',
  },
  'backoffice.input.members.reasonLong': {
    nb: 'Grunnen kan ha høyst 200 tegn.',
    en: 'The reason may have at most 200 characters.',
    sv: 'Orsaken får ha högst 200 tecken.',
  },
  'backoffice.input.members.overCap': {
    nb: 'Kundeklubben tillater høyst {max} poeng i én endring.',
    en: 'The programme allows at most {max} points in one change.',
    sv: 'Kundklubben tillåter högst {max} poäng i en ändring.',
  },
  'backoffice.input.members.notEnough': {
    nb: 'Medlemmet har bare {balance} poeng å trekke fra.',
    en: 'The member has only {balance} points to take away.',
    sv: 'Medlemmen har bara {balance} poäng att dra av.',
  },
  'backoffice.input.members.pointsOff': {
    nb: 'Kundeklubben gir ikke poeng nå. Slå på poeng i programmet først.',
    en: 'The programme gives no points now. Turn points on in the programme first.',
    sv: 'Kundklubben ger inga poäng nu. Slå på poäng i programmet först.',
  },
});
