/**
 * Self-enrolment: the till's "join with your phone" QR (src/ui/screens/JoinDialog.tsx)
 * and the form the customer fills in on their own phone (cloud/self-enrol/form.ts).
 * Reused from ui.ts where the words are the same: phone, first name, SMS and e-mail consent.
 */
import { defineMessages } from './define';

export const selfEnrolMessages = defineMessages({
  // ---- the till ------------------------------------------------------------
  'ui.join.button': {
    nb: 'Meld inn med mobilen',
    en: 'Join on their own phone',
    sv: 'Gå med via mobilen',
  },
  'ui.join.title': {
    nb: 'Meld inn med mobilen',
    en: 'Join with a phone',
    sv: 'Gå med via mobilen',
  },
  'ui.join.scan': {
    nb: 'Be kunden skanne koden med mobilkameraet og fylle inn mobilnummeret. Medlemmet kommer på kjøpet av seg selv.',
    en: 'Ask the customer to scan the code with their phone camera and enter their mobile number. The member is added to the sale by itself.',
    sv: 'Be kunden skanna koden med mobilkameran och fylla i mobilnumret. Medlemmen läggs till på köpet av sig själv.',
  },
  'ui.join.waiting': {
    nb: 'Venter på kunden … Koden gjelder til {time}.',
    en: 'Waiting for the customer … The code is valid until {time}.',
    sv: 'Väntar på kunden … Koden gäller till {time}.',
  },
  'ui.join.starting': {
    nb: 'Lager koden …',
    en: 'Making the code …',
    sv: 'Skapar koden …',
  },
  'ui.join.expired': {
    nb: 'Koden er utløpt. Lag en ny, eller registrer kunden her i kassen.',
    en: 'The code has expired. Make a new one, or enrol the customer here at the till.',
    sv: 'Koden har gått ut. Skapa en ny, eller registrera kunden här i kassan.',
  },
  'ui.join.again': {
    nb: 'Ny kode',
    en: 'New code',
    sv: 'Ny kod',
  },
  'ui.join.offline': {
    nb: 'Innmelding med mobilen trenger nett, og kassen er ikke tilkoblet nå. Registrer kunden her i kassen i stedet.',
    en: 'Joining on a phone needs the network, and the till is not connected now. Enrol the customer here at the till instead.',
    sv: 'Att gå med via mobilen kräver nätet, och kassan är inte ansluten nu. Registrera kunden här i kassan i stället.',
  },
  'ui.join.enrolHere': {
    nb: 'Registrer i kassen',
    en: 'Enrol at the till',
    sv: 'Registrera i kassan',
  },
  'ui.join.joined': {
    nb: '{name} er nå medlem og er lagt til på kjøpet.',
    en: '{name} has joined and has been added to the sale.',
    sv: '{name} är nu medlem och har lagts till på köpet.',
  },
  'ui.join.joinedFound': {
    nb: '{name} meldte seg inn med mobilen (medlem {number}). Kjøpet er endret siden, så medlemmet er ikke lagt til.',
    en: '{name} joined on their phone (member {number}). The sale has changed since, so the member was not added.',
    sv: '{name} gick med via mobilen (medlem {number}). Köpet har ändrats sedan dess, så medlemmen lades inte till.',
  },
  'ui.join.existing': {
    nb: 'Mobilnummeret hørte allerede til et medlem. Medlemmet er lagt til på kjøpet (uten bekreftelse: be om kortet eller PIN for å bruke poeng).',
    en: 'The mobile number already belonged to a member. The member has been added to the sale (not verified: ask for the card or PIN to use points).',
    sv: 'Mobilnumret tillhörde redan en medlem. Medlemmen har lagts till på köpet (inte bekräftad: be om kortet eller PIN för att använda poäng).',
  },
  // ---- the till's service ----------------------------------------------------
  'service.join.needsNetwork': {
    nb: 'Innmelding med mobilen trenger nett, og kassen er ikke tilkoblet skyen nå.',
    en: 'Joining on a phone needs the network, and the till is not connected to the cloud now.',
    sv: 'Att gå med via mobilen kräver nätet, och kassan är inte ansluten till molnet nu.',
  },
  'service.join.notFound': {
    nb: 'Fant ikke denne innmeldingskoden. Lag en ny.',
    en: 'This join code was not found. Make a new one.',
    sv: 'Hittade inte den här koden för att gå med. Skapa en ny.',
  },
  // ---- the customer's phone ---------------------------------------------------
  'selfEnrol.title': {
    nb: 'Bli medlem i {club}',
    en: 'Become a member of {club}',
    sv: 'Bli medlem i {club}',
  },
  'selfEnrol.intro': {
    nb: 'Fyll inn mobilnummeret ditt, så er du medlem med en gang. Kassen finner deg av seg selv.',
    en: 'Enter your mobile number and you are a member at once. The till finds you by itself.',
    sv: 'Fyll i ditt mobilnummer så är du medlem direkt. Kassan hittar dig av sig själv.',
  },
  'selfEnrol.firstNameOptional': {
    nb: 'Fornavn (valgfritt)',
    en: 'First name (optional)',
    sv: 'Förnamn (valfritt)',
  },
  'selfEnrol.emailOptional': {
    nb: 'E-post (valgfritt)',
    en: 'E-mail (optional)',
    sv: 'E-post (valfritt)',
  },
  'selfEnrol.emailNeeded': {
    nb: 'Skriv e-postadressen din for å få tilbud på e-post.',
    en: 'Type your e-mail address to get offers by e-mail.',
    sv: 'Skriv din e-postadress för att få erbjudanden via e-post.',
  },
  'selfEnrol.terms': {
    nb: 'Jeg godtar medlemsvilkårene for {club} (versjon {version})',
    en: 'I accept the membership terms of {club} (version {version})',
    sv: 'Jag godkänner medlemsvillkoren för {club} (version {version})',
  },
  'selfEnrol.readTerms': {
    nb: 'Les medlemsvilkårene',
    en: 'Read the membership terms',
    sv: 'Läs medlemsvillkoren',
  },
  'selfEnrol.termsRequired': {
    nb: 'Du må godta medlemsvilkårene for å bli medlem.',
    en: 'You must accept the membership terms to become a member.',
    sv: 'Du måste godkänna medlemsvillkoren för att bli medlem.',
  },
  'selfEnrol.consentHeading': {
    nb: 'Vil du ha tilbud fra oss?',
    en: 'Would you like offers from us?',
    sv: 'Vill du ha erbjudanden från oss?',
  },
  'selfEnrol.smsMine': {
    nb: 'Ja, send meg tilbud på SMS',
    en: 'Yes, send me offers by SMS',
    sv: 'Ja, skicka mig erbjudanden via sms',
  },
  'selfEnrol.emailMine': {
    nb: 'Ja, send meg tilbud på e-post',
    en: 'Yes, send me offers by e-mail',
    sv: 'Ja, skicka mig erbjudanden via e-post',
  },
  'selfEnrol.submit': {
    nb: 'Bli medlem',
    en: 'Become a member',
    sv: 'Bli medlem',
  },
  'selfEnrol.done': {
    nb: 'Velkommen som medlem! Medlemsnummeret ditt er {number}. Kassen har deg nå.',
    en: 'Welcome as a member! Your member number is {number}. The till has you now.',
    sv: 'Välkommen som medlem! Ditt medlemsnummer är {number}. Kassan har dig nu.',
  },
  'selfEnrol.already': {
    nb: 'Du er allerede medlem. Kassen har deg nå.',
    en: 'You are already a member. The till has you now.',
    sv: 'Du är redan medlem. Kassan har dig nu.',
  },
  'selfEnrol.expired': {
    nb: 'Koden er utløpt. Be om en ny kode i kassen.',
    en: 'The code has expired. Ask for a new code at the till.',
    sv: 'Koden har gått ut. Be om en ny kod i kassan.',
  },
  'selfEnrol.used': {
    nb: 'Denne koden er allerede brukt. Be om en ny kode i kassen.',
    en: 'This code has already been used. Ask for a new code at the till.',
    sv: 'Den här koden har redan använts. Be om en ny kod i kassan.',
  },
  'selfEnrol.unknown': {
    nb: 'Fant ikke denne koden. Be om en ny kode i kassen.',
    en: 'This code was not found. Ask for a new code at the till.',
    sv: 'Hittade inte den här koden. Be om en ny kod i kassan.',
  },
  'selfEnrol.stale': {
    nb: 'Skjemaet var utdatert. Prøv igjen.',
    en: 'The form was out of date. Try again.',
    sv: 'Formuläret var inaktuellt. Försök igen.',
  },
  'selfEnrol.busy': {
    nb: 'For mange forsøk. Vent litt og prøv igjen.',
    en: 'Too many attempts. Wait a little and try again.',
    sv: 'För många försök. Vänta lite och försök igen.',
  },
  'selfEnrol.failed': {
    nb: 'Noe gikk galt. Prøv igjen, eller meld deg inn i kassen.',
    en: 'Something went wrong. Try again, or join at the till.',
    sv: 'Något gick fel. Försök igen, eller gå med i kassan.',
  },
});
