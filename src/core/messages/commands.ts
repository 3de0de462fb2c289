/** What the till's commands answer when they refuse (src/service/commands, sync-commands, till-service, the host's routes). */
import { defineMessages } from './define';

export const commandsMessages = defineMessages({
  'commands.managerOnly': {
    nb: 'Dette krever en leder. Be en leder logge inn med sin PIN-kode.',
    en: 'This needs a manager. Ask a manager to log in with their PIN.',
    sv: 'Det här kräver en chef. Be en chef logga in med sin PIN-kod.',
  },
  'commands.loginNeeded': {
    nb: 'Logg inn med PIN-koden din først.',
    en: 'Log in with your PIN first.',
    sv: 'Logga in med din PIN-kod först.',
  },
  'commands.deviceFromEnvironment': {
    nb: '{device, select, scanner {Skanneren} other {Skriveren}} ble satt ved installasjonen ({variable}), og kan ikke endres her. Be den som installerte kassen om å endre den.',
    en: 'The {device, select, scanner {scanner} other {printer}} was set when the till was installed ({variable}), and cannot be changed here. Ask whoever installed the till to change it.',
    sv: '{device, select, scanner {Skannern} other {Skrivaren}} ställdes in vid installationen ({variable}), och kan inte ändras här. Be den som installerade kassan att ändra den.',
  },
  'commands.unknownOffer': {
    nb: 'Kundeklubben har ikke dette poengtilbudet. Velg et tilbud fra listen.',
    en: 'The loyalty club has no such points offer. Choose an offer from the list.',
    sv: 'Kundklubben har inte det här poängerbjudandet. Välj ett erbjudande i listan.',
  },
  'commands.notEnoughPoints': {
    nb: 'Kupongen koster {cost} poeng, og medlemmet har {balance}.',
    en: 'The coupon costs {cost} points, and the member has {balance}.',
    sv: 'Kupongen kostar {cost} poäng, och medlemmen har {balance}.',
  },
  'commands.unknownAction': {
    nb: 'Kundeklubben gir ikke poeng for denne handlingen. Velg en handling fra listen.',
    en: 'The loyalty club gives no points for this action. Choose one from the list.',
    sv: 'Kundklubben ger inga poäng för den här aktiviteten. Välj en aktivitet i listan.',
  },
  'commands.selfReferral': {
    nb: 'Et nytt medlem kan ikke verve seg selv. Oppgi medlemsnummeret eller mobilnummeret til den som vervet.',
    en: 'A new member cannot refer themselves. Give the member number or mobile number of whoever referred them.',
    sv: 'En ny medlem kan inte värva sig själv. Ange medlemsnumret eller mobilnumret till den som värvade.',
  },
  'commands.unknownReferrer': {
    nb: 'Fant ingen medlem for vervingen «{referral}». Sjekk medlemsnummeret eller mobilnummeret, eller la feltet stå tomt.',
    en: 'No member found for the referral “{referral}”. Check the member number or mobile number, or leave the field empty.',
    sv: 'Hittade ingen medlem för värvningen ”{referral}”. Kontrollera medlemsnumret eller mobilnumret, eller lämna fältet tomt.',
  },
  'commands.phoneTaken': {
    nb: 'Et annet medlem har dette mobilnummeret. Sjekk nummeret.',
    en: 'Another member has this mobile number. Check the number.',
    sv: 'En annan medlem har det här mobilnumret. Kontrollera numret.',
  },
  'commands.consentNeedsMember': {
    nb: 'Samtykke gis bare av medlemmet selv: skann medlemskortet eller la kunden taste PIN-koden sin, eller be en leder. Å trekke tilbake samtykke går alltid.',
    en: 'Only the member can give consent: scan their card or let them type their PIN, or ask a manager. Withdrawing consent always works.',
    sv: 'Samtycke ges bara av medlemmen själv: skanna medlemskortet eller låt kunden slå in sin PIN-kod, eller be en chef. Att återkalla samtycke går alltid.',
  },
  'commands.oldPinNeeded': {
    nb: 'Medlemmet har allerede en PIN-kode: be kunden taste den gamle først, eller be en leder nullstille den.',
    en: 'The member already has a PIN: ask them to type the old one first, or ask a manager to reset it.',
    sv: 'Medlemmen har redan en PIN-kod: be kunden slå in den gamla först, eller be en chef nollställa den.',
  },
  'commands.unknownMemberCard': {
    nb: 'Ukjent medlemskort – ikke registrert i kundeklubben',
    en: 'Unknown member card – not registered in the club',
    sv: 'Okänt medlemskort – inte registrerat i kundklubben',
  },
  'commands.unknownProduct': {
    nb: 'Ukjent vare – strekkoden finnes ikke i varelisten',
    en: 'Unknown product – the barcode is not in the product list',
    sv: 'Okänd vara – streckkoden finns inte i varulistan',
  },
  'commands.notApplied': {
    nb: 'Ble ikke brukt da salget ble registrert.',
    en: 'Not applied when the sale was recorded.',
    sv: 'Användes inte när köpet registrerades.',
  },
  'commands.emptyBasket': {
    nb: 'Kurven er tom. Skann en vare eller trykk en hurtigtast først.',
    en: 'The basket is empty. Scan a product or press a quick key first.',
    sv: 'Varukorgen är tom. Skanna en vara eller tryck på en snabbknapp först.',
  },
  'commands.verificationNeeded': {
    nb: 'Dette krever at medlemmet bekreftes: skann kortet eller QR-koden, eller la kunden taste PIN-koden sin.',
    en: 'This needs the member confirmed: scan their card or QR code, or let them type their PIN.',
    sv: 'Det här kräver att medlemmen verifieras: skanna kortet eller QR-koden, eller låt kunden slå in sin PIN-kod.',
  },
  'commands.alreadyVoided': {
    nb: 'Salget {receiptNo} er allerede annullert.',
    en: 'Sale {receiptNo} is already voided.',
    sv: 'Köpet {receiptNo} är redan makulerat.',
  },
  'commands.voidedNothingToReturn': {
    nb: 'Salget {receiptNo} er annullert, så det er ingenting å returnere.',
    en: 'Sale {receiptNo} is voided, so there is nothing to return.',
    sv: 'Köpet {receiptNo} är makulerat, så det finns inget att returnera.',
  },
  'commands.loginLocked': {
    nb: 'For mange feil PIN-koder: innloggingen er sperret i {seconds} s til. Vent, eller spør en leder.',
    en: 'Too many wrong PINs: log-in is locked for {seconds} s more. Wait, or ask a manager.',
    sv: 'För många felaktiga PIN-koder: inloggningen är spärrad i {seconds} s till. Vänta, eller fråga en chef.',
  },
  'commands.loginLockedFor': {
    nb: 'For mange feil PIN-koder for {name}: innloggingen er sperret i {seconds} s til. Vent, eller spør en leder.',
    en: 'Too many wrong PINs for {name}: their log-in is locked for {seconds} s more. Wait, or ask a manager.',
    sv: 'För många felaktiga PIN-koder för {name}: inloggningen är spärrad i {seconds} s till. Vänta, eller fråga en chef.',
  },
  'commands.wrongPin': {
    nb: 'Feil PIN-kode. Prøv igjen, eller spør en leder.',
    en: 'Wrong PIN. Try again, or ask a manager.',
    sv: 'Fel PIN-kod. Försök igen, eller fråga en chef.',
  },
  'commands.chosenStaffGone': {
    nb: 'Fant ikke den ansatte du valgte. Velg navnet ditt på nytt.',
    en: 'The staff member you chose was not found. Choose your name again.',
    sv: 'Hittade inte den anställda du valde. Välj ditt namn igen.',
  },
  'commands.unknownStaff': {
    nb: 'Fant ikke den ansatte. Velg en ansatt fra listen.',
    en: 'The staff member was not found. Choose someone from the list.',
    sv: 'Hittade inte den anställda. Välj en anställd i listan.',
  },
  'commands.nameTaken': {
    nb: 'En annen ansatt heter det samme. Skriv navnet slik at de kan skilles fra hverandre, for eksempel med etternavnet.',
    en: 'Another staff member has this name. Write it so the two can be told apart, for example with the last name.',
    sv: 'En annan anställd heter likadant. Skriv namnet så att de går att skilja åt, till exempel med efternamnet.',
  },
  'commands.pinTaken': {
    nb: 'En annen ansatt bruker denne PIN-koden. Velg en annen.',
    en: 'Another staff member uses this PIN. Choose another.',
    sv: 'En annan anställd använder den här PIN-koden. Välj en annan.',
  },
  'commands.pinRequired': {
    nb: 'En ny ansatt trenger en PIN-kode (4–8 sifre).',
    en: 'A new staff member needs a PIN (4–8 digits).',
    sv: 'En ny anställd behöver en PIN-kod (4–8 siffror).',
  },
  'commands.ownAccount': {
    nb: 'Du kan ikke deaktivere deg selv eller ta bort din egen lederrolle. Be en annen leder om det.',
    en: 'You cannot disable yourself or take away your own manager role. Ask another manager.',
    sv: 'Du kan inte inaktivera dig själv eller ta bort din egen chefsroll. Be en annan chef om det.',
  },
  'commands.lastManager': {
    nb: 'Kassen må ha minst én aktiv leder. Legg til en annen leder først.',
    en: 'The till must keep at least one active manager. Add another manager first.',
    sv: 'Kassan måste ha minst en aktiv chef. Lägg till en annan chef först.',
  },
  'commands.syncNotRunning': {
    nb: 'Synkronisering er ikke startet på denne kassen.',
    en: 'Sync is not running on this till.',
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
