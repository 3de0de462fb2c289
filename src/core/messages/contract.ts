/** The command inputs' own checks (src/contract/commands): what a form is told before anything runs. */
import { defineMessages } from './define';

export const contractMessages = defineMessages({
  'contract.staffPin': {
    nb: 'En PIN-kode er 4 til 8 sifre.',
    en: 'A PIN is 4 to 8 digits.',
    sv: 'En PIN-kod är 4 till 8 siffror.',
  },
  'contract.memberPin': {
    nb: 'Medlemmets PIN-kode er 4 til 8 sifre.',
    en: 'The member’s PIN is 4 to 8 digits.',
    sv: 'Medlemmens PIN-kod är 4 till 8 siffror.',
  },
  'contract.wellFormed': {
    nb: 'Teksten inneholder tegn som ikke kan lagres. Skriv den på nytt.',
    en: 'The text holds characters that cannot be stored. Type it again.',
    sv: 'Texten innehåller tecken som inte kan sparas. Skriv den igen.',
  },
  'contract.email': {
    nb: 'E-postadressen er ikke gyldig.',
    en: 'The e-mail address is not valid.',
    sv: 'E-postadressen är inte giltig.',
  },
  'contract.birthDate': {
    nb: 'Fødselsdatoen må være en ekte dato fra 1900 til i dag: skriv dd.mm.åååå eller ÅÅÅÅ-MM-DD.',
    en: 'The date of birth must be a real date from 1900 to today: type dd.mm.yyyy or YYYY-MM-DD.',
    sv: 'Födelsedatumet måste vara ett riktigt datum från 1900 till i dag: skriv dd.mm.åååå eller ÅÅÅÅ-MM-DD.',
  },
  'contract.postalCode': {
    nb: 'Et norsk postnummer har 4 sifre.',
    en: 'A Norwegian postal code has 4 digits.',
    sv: 'Ett norskt postnummer har 4 siffror.',
  },
  'contract.phoneNeeded': {
    nb: 'Skriv inn mobilnummeret.',
    en: 'Type the mobile number.',
    sv: 'Skriv in mobilnumret.',
  },
  'contract.acceptTerms': {
    nb: 'Kunden må godta medlemsvilkårene for å bli medlem.',
    en: 'The customer must accept the membership terms to join.',
    sv: 'Kunden måste godkänna medlemsvillkoren för att bli medlem.',
  },
  'contract.lookupQuery': {
    nb: 'Tast mobilnummeret eller skann kortet.',
    en: 'Type the mobile number or scan the card.',
    sv: 'Slå in mobilnumret eller skanna kortet.',
  },
  'contract.confirmErasure': {
    nb: 'Bekreft slettingen: den kan ikke angres.',
    en: 'Confirm the erasure: it cannot be undone.',
    sv: 'Bekräfta raderingen: den kan inte ångras.',
  },
  'contract.voidReason': {
    nb: 'Skriv en årsak til annulleringen.',
    en: 'Give a reason for voiding the sale.',
    sv: 'Skriv en orsak till makuleringen.',
  },
  'contract.cloudUrl': {
    nb: 'Skriv inn adressen til skyen.',
    en: 'Type the cloud’s address.',
    sv: 'Skriv in molnets adress.',
  },
  'contract.storeCode': {
    nb: 'Skriv inn butikkoden fra kjeden.',
    en: 'Type the store code from the chain.',
    sv: 'Skriv in butikskoden från kedjan.',
  },
  'contract.staffName': {
    nb: 'Skriv inn et navn.',
    en: 'Type a name.',
    sv: 'Skriv in ett namn.',
  },
  'contract.storeName': {
    nb: 'Skriv inn navnet på butikken.',
    en: 'Type the store’s name.',
    sv: 'Skriv in butikens namn.',
  },
  'contract.displayStamps': {
    nb: 'Et klippekort på kundeskjermen kan ikke ha flere klipp enn det trenger, eller flere nye klipp enn det har.',
    en: 'A punch card on the customer display cannot have more stamps than it needs, or more new stamps than it has.',
    sv: 'Ett stämpelkort på kundskärmen kan inte ha fler stämplar än det behöver, eller fler nya stämplar än det har.',
  },
});
