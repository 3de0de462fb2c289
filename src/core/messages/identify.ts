/** Phone numbers, member numbers, scans (src/core/phone.ts, ean13.ts, scan.ts). */
import { defineMessages } from './define';

export const identifyMessages = defineMessages({
  'identify.phoneEmpty': {
    nb: 'Skriv inn et telefonnummer.',
    en: 'Type a phone number.',
    sv: 'Skriv in ett telefonnummer.',
  },
  'identify.phoneCharacters': {
    nb: 'Et telefonnummer kan bare ha sifre, mellomrom og + foran.',
    en: 'A phone number can only have digits, spaces and a leading +.',
    sv: 'Ett telefonnummer kan bara innehålla siffror, mellanslag och + i början.',
  },
  'identify.phoneInvalid': {
    nb: '{typed} er ikke et gyldig telefonnummer.',
    en: '{typed} is not a valid phone number.',
    sv: '{typed} är inte ett giltigt telefonnummer.',
  },
  /** `problem` is `few` or `many`. */
  'identify.phoneNorwegianLength': {
    nb: '{typed} har {problem, select, few {for få} other {for mange}} sifre: et norsk nummer har 8 sifre.',
    en: '{typed} has too {problem, select, few {few} other {many}} digits: a Norwegian number has 8 digits.',
    sv: '{typed} har för {problem, select, few {få} other {många}} siffror: ett norskt nummer har 8 siffror.',
  },
  /** `problem` is `few` or `many`. */
  'identify.phoneLength': {
    nb: '{typed} har {problem, select, few {for få} other {for mange}} sifre for et telefonnummer.',
    en: '{typed} has too {problem, select, few {few} other {many}} digits for a phone number.',
    sv: '{typed} har för {problem, select, few {få} other {många}} siffror för ett telefonnummer.',
  },
  'identify.phoneWrongLength': {
    nb: '{typed} har feil antall sifre for et telefonnummer.',
    en: '{typed} has the wrong number of digits for a phone number.',
    sv: '{typed} har fel antal siffror för ett telefonnummer.',
  },
  'identify.prefixDigits': {
    nb: 'Prefikset for medlemsnummer må være 2 eller 3 sifre.',
    en: 'The member number prefix must be 2 or 3 digits.',
    sv: 'Prefixet för medlemsnummer måste vara 2 eller 3 siffror.',
  },
  'identify.prefixPriceCodes': {
    nb: 'Prefiks 20–25 leses som pris- og vektkoder av nordiske kasser; bruk 26–29, 02 eller 04.',
    en: 'Prefixes 20–25 are read as price and weight codes by Nordic tills; use 26–29, 02 or 04.',
    sv: 'Prefix 20–25 läses som pris- och viktkoder av nordiska kassor; använd 26–29, 02 eller 04.',
  },
  'identify.prefixNotInternal': {
    nb: 'Prefikset for medlemsnummer må være et prefiks for intern bruk: 02, 04 eller 26–29.',
    en: 'The member number prefix must be one for in-store use: 02, 04 or 26–29.',
    sv: 'Prefixet för medlemsnummer måste vara ett prefix för internt bruk: 02, 04 eller 26–29.',
  },
  'identify.scanBadCheckDigit': {
    nb: 'Ugyldig kontrollsiffer – skann igjen',
    en: 'Wrong check digit – scan again',
    sv: 'Ogiltig kontrollsiffra – skanna igen',
  },
  'identify.scanIncomplete': {
    nb: 'Ufullstendig kode – skann igjen',
    en: 'Incomplete code – scan again',
    sv: 'Ofullständig kod – skanna igen',
  },
  'identify.scanNoise': {
    nb: 'Uleselig skann – prøv igjen',
    en: 'Unreadable scan – try again',
    sv: 'Oläslig skanning – försök igen',
  },
  'identify.scanUnknown': {
    nb: 'Ukjent kode',
    en: 'Unknown code',
    sv: 'Okänd kod',
  },
});
