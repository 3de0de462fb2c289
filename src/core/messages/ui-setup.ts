/**
 * The first-run screen (src/ui/screens/FirstRunScreen.tsx): a till on an empty
 * store asks for its first manager, then how the store starts.
 */
import { defineMessages } from './define';

export const uiSetupMessages = defineMessages({
  'ui.setup.title': {
    nb: 'Sett opp kassen',
    en: 'Set up the till',
    sv: 'Konfigurera kassan',
  },
  'ui.setup.step': {
    nb: 'Steg {step} av 2',
    en: 'Step {step} of 2',
    sv: 'Steg {step} av 2',
  },
  'ui.setup.managerIntro': {
    nb: 'Først lager du deg selv som leder. Du logger inn med denne PIN-koden og kan legge til flere ansatte etterpå.',
    en: 'First, you as the first manager. You log in with this PIN and can add more staff afterwards.',
    sv: 'Först den första chefen: du. Du loggar in med den här PIN-koden och lägger till mer personal efteråt.',
  },
  'ui.setup.pairedIntro': {
    nb: 'Kassen er koblet til kjeden, men har ingen ansatte som kan logge inn. Lag den første lederen for kassen.',
    en: 'The till is paired with the chain but has no staff who can log in. Make the first manager for the till.',
    sv: 'Kassan är kopplad till kedjan men har ingen personal som kan logga in. Skapa den första chefen för kassan.',
  },
  'ui.setup.name': {
    nb: 'Navnet ditt',
    en: 'Your name',
    sv: 'Ditt namn',
  },
  'ui.setup.pin': {
    nb: 'PIN-kode (4 til 8 sifre)',
    en: 'PIN (4 to 8 digits)',
    sv: 'PIN-kod (4 till 8 siffror)',
  },
  'ui.setup.pinAgain': {
    nb: 'PIN-koden en gang til',
    en: 'The PIN again',
    sv: 'PIN-koden en gång till',
  },
  'ui.setup.nameMissing': {
    nb: 'Skriv navnet ditt.',
    en: 'Type your name.',
    sv: 'Skriv ditt namn.',
  },
  'ui.setup.pinFormat': {
    nb: 'En PIN-kode er 4 til 8 sifre.',
    en: 'A PIN is 4 to 8 digits.',
    sv: 'En PIN-kod är 4 till 8 siffror.',
  },
  'ui.setup.pinMismatch': {
    nb: 'PIN-kodene er ikke like. Skriv den samme to ganger.',
    en: 'The PINs differ. Type the same one twice.',
    sv: 'PIN-koderna är inte lika. Skriv samma två gånger.',
  },
  'ui.setup.next': {
    nb: 'Neste',
    en: 'Next',
    sv: 'Nästa',
  },
  'ui.setup.back': {
    nb: 'Tilbake',
    en: 'Back',
    sv: 'Tillbaka',
  },
  'ui.setup.finishPaired': {
    nb: 'Lag leder og logg inn',
    en: 'Make the manager and log in',
    sv: 'Skapa chefen och logga in',
  },
  'ui.setup.startIntro': {
    nb: 'Så butikken: start fra en mal, eller hent alt fra kjeden.',
    en: 'Then the store: start from a template, or take everything from the chain.',
    sv: 'Sedan butiken: börja från en mall, eller hämta allt från kedjan.',
  },
  'ui.setup.templates': {
    nb: 'Start fra en mal',
    en: 'Start from a template',
    sv: 'Börja från en mall',
  },
  'ui.setup.templatesHint': {
    nb: 'Kundeklubb, momssatser og varer du kan endre eller importere senere.',
    en: 'A loyalty programme, VAT rates and products you can change or import later.',
    sv: 'Kundklubb, momssatser och varor som du kan ändra eller importera senare.',
  },
  'ui.setup.products': {
    nb: '{count, plural, =0 {Ingen varer} one {# vare} other {# varer}}',
    en: '{count, plural, =0 {No products} one {# product} other {# products}}',
    sv: '{count, plural, =0 {Inga varor} one {# vara} other {# varor}}',
  },
  'ui.setup.chooseTemplate': {
    nb: 'Velg en mal først.',
    en: 'Choose a template first.',
    sv: 'Välj en mall först.',
  },
  'ui.setup.storeName': {
    nb: 'Butikkens navn',
    en: "The store's name",
    sv: 'Butikens namn',
  },
  'ui.setup.storeNameHint': {
    nb: 'Står på kvitteringen og øverst på skjermen.',
    en: 'Printed on the receipt and shown at the top of the screen.',
    sv: 'Står på kvittot och högst upp på skärmen.',
  },
  'ui.setup.startTemplate': {
    nb: 'Start butikken',
    en: 'Start the store',
    sv: 'Starta butiken',
  },
  'ui.setup.pair': {
    nb: 'Eller koble til kjeden',
    en: 'Or pair with the chain',
    sv: 'Eller koppla till kedjan',
  },
  'ui.setup.pairHint': {
    nb: 'Kassen henter kjedens kundeklubb, varer og ansatte. Butikkoden får du fra kjedens kontor.',
    en: 'The till takes the chain’s loyalty club, products and staff. The chain’s office gives you the store code.',
    sv: 'Kassan hämtar kedjans kundklubb, varor och personal. Butikskoden får du från kedjans kontor.',
  },
  'ui.setup.startPair': {
    nb: 'Koble til kjeden',
    en: 'Pair with the chain',
    sv: 'Koppla till kedjan',
  },
  'ui.setup.busy': {
    nb: 'Setter opp kassen …',
    en: 'Setting up the till …',
    sv: 'Konfigurerar kassan …',
  },
  'ui.setup.chainHasStaff': {
    nb: 'Kassen er koblet til {chain}, som har {staff, plural, one {# ansatt} other {# ansatte}} fra før. Logg inn med PIN-koden din fra kjeden.',
    en: 'The till is paired with {chain}, which has {staff, plural, one {# staff member} other {# staff members}} already. Log in with your PIN from the chain.',
    sv: 'Kassan är kopplad till {chain}, som redan har {staff, plural, one {# anställd} other {# anställda}}. Logga in med din PIN-kod från kedjan.',
  },
});
