/** The command inputs' own checks (src/contract/commands): what a form is told before anything runs. */
import { defineMessages } from './define';

export const contractMessages = defineMessages({
  'contract.staffPin': {
    nb: 'En PIN-kode er 4 til 8 sifre.',
    en: 'a PIN is 4 to 8 digits',
    sv: 'En PIN-kod är 4 till 8 siffror.',
  },
  'contract.memberPin': {
    nb: 'Medlemmets PIN-kode er 4 til 8 sifre.',
    en: 'a member PIN is 4 to 8 digits',
    sv: 'Medlemmens PIN-kod är 4 till 8 siffror.',
  },
  'contract.wellFormed': {
    nb: 'Teksten inneholder tegn som ikke kan lagres (NUL eller ugyldig Unicode). Skriv den på nytt.',
    en: 'the text holds a NUL or a lone surrogate; type it again',
    sv: 'Texten innehåller tecken som inte kan sparas (NUL eller ogiltig Unicode). Skriv den igen.',
  },
  'contract.email': {
    nb: 'E-postadressen er ikke gyldig.',
    en: 'not an e-mail address',
    sv: 'E-postadressen är inte giltig.',
  },
  'contract.birthDate': {
    nb: 'Fødselsdatoen er ikke en gyldig dato: skriv dd.mm.åååå eller ÅÅÅÅ-MM-DD.',
    en: 'birth date is YYYY-MM-DD',
    sv: 'Födelsedatumet är inte ett giltigt datum: skriv dd.mm.åååå eller ÅÅÅÅ-MM-DD.',
  },
  'contract.postalCode': {
    nb: 'Et norsk postnummer har 4 sifre.',
    en: 'Norwegian postal codes are 4 digits',
    sv: 'Ett norskt postnummer har 4 siffror.',
  },
  'contract.phoneNeeded': {
    nb: 'Skriv inn mobilnummeret.',
    en: 'a phone number is needed',
    sv: 'Skriv in mobilnumret.',
  },
  'contract.acceptTerms': {
    nb: 'Kunden må godta medlemsvilkårene for å bli medlem.',
    en: 'the member must accept the membership terms',
    sv: 'Kunden måste godkänna medlemsvillkoren för att bli medlem.',
  },
  'contract.lookupQuery': {
    nb: 'Tast mobilnummeret eller skann kortet.',
    en: 'type a phone number or scan a card',
    sv: 'Slå in mobilnumret eller skanna kortet.',
  },
  'contract.confirmErasure': {
    nb: 'Bekreft slettingen: den kan ikke angres.',
    en: 'confirm the erasure',
    sv: 'Bekräfta raderingen: den kan inte ångras.',
  },
  'contract.voidReason': {
    nb: 'Skriv en årsak til annulleringen.',
    en: 'give a reason',
    sv: 'Skriv en orsak till makuleringen.',
  },
  'contract.cloudUrl': {
    nb: 'Skriv inn adressen til skyen.',
    en: 'type the cloud address',
    sv: 'Skriv in molnets adress.',
  },
  'contract.storeCode': {
    nb: 'Skriv inn butikkoden fra kjeden.',
    en: 'type the store code',
    sv: 'Skriv in butikskoden från kedjan.',
  },
  'contract.staffName': {
    nb: 'Skriv inn et navn.',
    en: 'type a name',
    sv: 'Skriv in ett namn.',
  },
  'contract.storeName': {
    nb: 'Skriv inn navnet på butikken.',
    en: 'type the store’s name',
    sv: 'Skriv in butikens namn.',
  },
});
