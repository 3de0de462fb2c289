/** What the till's commands answer when they refuse (src/service/commands, sync-commands, till-service, the host's routes). */
import { defineMessages } from './define';

export const commandsMessages = defineMessages({
  'commands.managerOnly': {
    nb: 'Dette krever en leder. Be en leder logge inn med sin PIN-kode.',
    en: 'only a manager may run {command}: ask a manager to log in with their PIN',
    sv: 'Det här kräver en chef. Be en chef logga in med sin PIN-kod.',
  },
  'commands.loginNeeded': {
    nb: 'Logg inn med PIN-koden din først.',
    en: '{command} needs a log-in: log in with your PIN first',
    sv: 'Logga in med din PIN-kod först.',
  },
  'commands.deviceFromEnvironment': {
    nb: '{device, select, scanner {Skanneren} other {Skriveren}} er satt av {variable} i miljøet, som går foran det som er lagret her. Fjern variabelen og start kassen på nytt for å endre den her.',
    en: 'the {device, select, scanner {scanner} other {printer}} is set by {variable} in the environment, which wins over saved settings: unset it and restart the till to set the {device, select, scanner {scanner} other {printer}} here',
    sv: '{device, select, scanner {Skannern} other {Skrivaren}} är inställd via {variable} i miljön, som har företräde framför det som är sparat här. Ta bort variabeln och starta om kassan för att ändra inställningen här.',
  },
  'commands.unknownOffer': {
    nb: 'Programmet har ikke noe poengtilbud som heter {offerId}. Velg et tilbud fra listen.',
    en: 'no points offer called {offerId}',
    sv: 'Programmet har inget poängerbjudande som heter {offerId}. Välj ett erbjudande i listan.',
  },
  'commands.notEnoughPoints': {
    nb: 'Kupongen koster {cost} poeng, og medlemmet har {balance}.',
    en: 'the coupon costs {cost} points and the member has {balance}',
    sv: 'Kupongen kostar {cost} poäng, och medlemmen har {balance}.',
  },
  'commands.unknownAction': {
    nb: 'Programmet gir ikke poeng for noen handling som heter {actionId}.',
    en: 'the programme gives no points for an action called {actionId}',
    sv: 'Programmet ger inga poäng för någon aktivitet som heter {actionId}.',
  },
  'commands.selfReferral': {
    nb: 'Et nytt medlem kan ikke verve seg selv. Oppgi medlemsnummeret eller mobilnummeret til den som vervet.',
    en: 'a new member cannot refer themselves: give another member’s number or phone',
    sv: 'En ny medlem kan inte värva sig själv. Ange medlemsnumret eller mobilnumret till den som värvade.',
  },
  'commands.unknownReferrer': {
    nb: 'Fant ingen medlem for vervingen «{referral}». Sjekk medlemsnummeret eller mobilnummeret, eller la feltet stå tomt.',
    en: 'no member found for the referral "{referral}"',
    sv: 'Hittade ingen medlem för värvningen ”{referral}”. Kontrollera medlemsnumret eller mobilnumret, eller lämna fältet tomt.',
  },
  'commands.phoneTaken': {
    nb: 'Et annet medlem har dette mobilnummeret. Sjekk nummeret.',
    en: 'another member has this phone number',
    sv: 'En annan medlem har det här mobilnumret. Kontrollera numret.',
  },
  'commands.consentNeedsMember': {
    nb: 'Samtykke gis bare av medlemmet selv: skann medlemskortet eller la kunden taste PIN-koden sin, eller be en leder. Å trekke tilbake samtykke går alltid.',
    en: 'only the member can give consent: scan their card or let them type their PIN, or ask a manager. Withdrawing consent always works.',
    sv: 'Samtycke ges bara av medlemmen själv: skanna medlemskortet eller låt kunden slå in sin PIN-kod, eller be en chef. Att återkalla samtycke går alltid.',
  },
  'commands.oldPinNeeded': {
    nb: 'Medlemmet har allerede en PIN-kode: be kunden taste den gamle først, eller be en leder nullstille den.',
    en: 'the member already has a PIN: type the old one first, or ask a manager to reset it',
    sv: 'Medlemmen har redan en PIN-kod: be kunden slå in den gamla först, eller be en chef nollställa den.',
  },
  'commands.unknownMemberCard': {
    nb: 'Ukjent medlemskort – ikke registrert i kundeklubben',
    en: 'Unknown member card – not registered in the club',
    sv: 'Okänt medlemskort – inte registrerat i kundklubben',
  },
  'commands.unknownProduct': {
    nb: 'Ukjent vare – strekkoden finnes ikke i varelisten',
    en: 'Unknown product – the barcode is not in the catalogue',
    sv: 'Okänd vara – streckkoden finns inte i varulistan',
  },
  'commands.notApplied': {
    nb: 'Ble ikke brukt da salget ble registrert.',
    en: 'not applied when the sale was recorded',
    sv: 'Användes inte när köpet registrerades.',
  },
  'commands.emptyBasket': {
    nb: 'Kurven er tom. Skann en vare eller trykk en hurtigtast først.',
    en: 'the basket is empty: add a product first',
    sv: 'Varukorgen är tom. Skanna en vara eller tryck på en snabbknapp först.',
  },
  'commands.verificationNeeded': {
    nb: 'Dette uttaket krever at medlemmet bekreftes: skann kortet eller QR-koden, eller la kunden taste sin PIN-kode.',
    en: 'this redemption needs the member verified: scan their card or QR, or type their PIN',
    sv: 'Den här inlösen kräver att medlemmen verifieras: skanna kortet eller QR-koden, eller låt kunden slå in sin PIN-kod.',
  },
  'commands.alreadyVoided': {
    nb: 'Salget {receiptNo} er allerede annullert.',
    en: 'sale {receiptNo} is already voided',
    sv: 'Köpet {receiptNo} är redan makulerat.',
  },
  'commands.voidedNothingToReturn': {
    nb: 'Salget {receiptNo} er annullert, så det er ingenting å returnere.',
    en: 'sale {receiptNo} is voided: nothing to return',
    sv: 'Köpet {receiptNo} är makulerat, så det finns inget att returnera.',
  },
  'commands.loginLocked': {
    nb: 'For mange feil PIN-koder: innloggingen er sperret i {seconds} s til. Vent, eller spør en leder.',
    en: 'too many wrong PINs: log-in is locked for {seconds} s more; wait, or ask a manager',
    sv: 'För många felaktiga PIN-koder: inloggningen är spärrad i {seconds} s till. Vänta, eller fråga en chef.',
  },
  'commands.loginLockedFor': {
    nb: 'For mange feil PIN-koder for {name}: innloggingen er sperret i {seconds} s til. Vent, eller spør en leder.',
    en: 'too many wrong PINs for {name}: their log-in is locked for {seconds} s more; wait, or ask a manager',
    sv: 'För många felaktiga PIN-koder för {name}: inloggningen är spärrad i {seconds} s till. Vänta, eller fråga en chef.',
  },
  'commands.wrongPin': {
    nb: 'Feil PIN-kode. Prøv igjen, eller spør en leder.',
    en: 'wrong PIN: try again or ask a manager',
    sv: 'Fel PIN-kod. Försök igen, eller fråga en chef.',
  },
  'commands.chosenStaffGone': {
    nb: 'Fant ikke den ansatte du valgte. Velg navnet ditt på nytt.',
    en: 'no staff member with id {staffId}: choose your name again',
    sv: 'Hittade inte den anställda du valde. Välj ditt namn igen.',
  },
  'commands.unknownStaff': {
    nb: 'Fant ingen ansatt med id {staffId}. Velg en ansatt fra listen.',
    en: 'no staff member with id {staffId}',
    sv: 'Hittade ingen anställd med id {staffId}. Välj en anställd i listan.',
  },
  'commands.pinTaken': {
    nb: 'En annen ansatt bruker denne PIN-koden. Velg en annen.',
    en: 'another staff member uses this PIN: choose another',
    sv: 'En annan anställd använder den här PIN-koden. Välj en annan.',
  },
  'commands.pinRequired': {
    nb: 'En ny ansatt trenger en PIN-kode (4–8 sifre).',
    en: 'a new staff member needs a PIN (4–8 digits)',
    sv: 'En ny anställd behöver en PIN-kod (4–8 siffror).',
  },
  'commands.ownAccount': {
    nb: 'Du kan ikke deaktivere deg selv eller ta bort din egen lederrolle. Be en annen leder om det.',
    en: 'you cannot disable yourself or take away your own manager role: ask another manager',
    sv: 'Du kan inte inaktivera dig själv eller ta bort din egen chefsroll. Be en annan chef om det.',
  },
  'commands.lastManager': {
    nb: 'Kassen må ha minst én aktiv leder. Legg til en annen leder først.',
    en: 'the till must keep at least one active manager: add another manager first',
    sv: 'Kassan måste ha minst en aktiv chef. Lägg till en annan chef först.',
  },
  'commands.syncNotRunning': {
    nb: 'Synkronisering er ikke startet på denne kassen.',
    en: 'sync is not running on this till',
    sv: 'Synkroniseringen är inte startad på den här kassan.',
  },
  'commands.idempotencyKeyMismatch': {
    nb: 'Idempotency-Key-headeren og innholdet har ulike nøkler; send én nøkkel.',
    en: 'The Idempotency-Key header and the body disagree; send one key.',
    sv: 'Idempotency-Key-headern och innehållet har olika nycklar; skicka en nyckel.',
  },
  'commands.headerMismatch': {
    nb: '{header}-headeren og innholdet sier ulike ting; send verdien ett sted.',
    en: 'The {header} header and the body disagree; send the value once.',
    sv: '{header}-headern och innehållet säger olika saker; skicka värdet på ett ställe.',
  },
  'commands.notTillPage': {
    nb: 'Dette er ikke kassens side.',
    en: 'Not the till page.',
    sv: 'Det här är inte kassans sida.',
  },
  'commands.apiTokenNeeded': {
    nb: 'Send nøkkelen fra filen api-token som «Authorization: Bearer <nøkkel>».',
    en: 'Send the token from the api-token file as "Authorization: Bearer <token>".',
    sv: 'Skicka nyckeln från filen api-token som ”Authorization: Bearer <nyckel>”.',
  },
});
