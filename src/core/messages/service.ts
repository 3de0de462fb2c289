/** The service's answers and errors (src/service). */
import { defineMessages } from './define';

export const serviceMessages = defineMessages({
  // Anything a command throws (src/service/errors.ts).
  'service.databaseTooNew': {
    nb: 'Databasen er laget av en nyere versjon av Lojal (versjon {found}, denne leser til {supported}). Oppdater Lojal på denne kassen før den åpnes; dataene er urørt.',
    en: 'This till’s data was written by a newer version of Lojal (version {found}; this one reads up to {supported}). Update Lojal on this till before opening it; the data is untouched.',
    sv: 'Databasen är skapad av en nyare version av Lojal (version {found}, den här läser upp till {supported}). Uppdatera Lojal på den här kassan innan den öppnas; inget i databasen har ändrats.',
  },
  'service.internal': {
    nb: 'Noe gikk galt i kassetjenesten. Prøv igjen; hjelper ikke det, se loggen.',
    en: 'Something went wrong in the till service ({detail}). Try again; if that does not help, see the log.',
    sv: 'Något gick fel i kassatjänsten. Försök igen; hjälper det inte, titta i loggen.',
  },
  'service.closed': {
    nb: 'Kassetjenesten er stengt. Start kassen på nytt.',
    en: 'The till service has closed. Restart the till.',
    sv: 'Kassatjänsten är stängd. Starta om kassan.',
  },
  'service.saleTooLarge': {
    nb: 'Salget er for stort til å lagres og sendes til skyen: del det i flere salg (færre varelinjer).',
    en: 'The sale is too large to store and send to the cloud. Split it into several sales (fewer lines).',
    sv: 'Köpet är för stort för att sparas och skickas till molnet: dela upp det i flera köp (färre varurader).',
  },
  'service.catalogueTooLarge': {
    nb: 'Varelisten er for stor til å lagres og sendes til skyen: færre varer eller færre strekkoder per vare.',
    en: 'The product list is too large to store and send to the cloud: fewer products, or fewer barcodes per product.',
    sv: 'Varukatalogen är för stor för att sparas och skickas till molnet: färre varor eller färre streckkoder per vara.',
  },
  'service.programmeTooLarge': {
    nb: 'Kundeklubbens oppsett er for stort til å lagres og sendes til skyen: færre tilbud eller kortere tekster.',
    en: 'The loyalty club’s set-up is too large to store and send to the cloud: fewer offers, or shorter texts.',
    sv: 'Programmet är för stort för att sparas och skickas till molnet: färre erbjudanden eller kortare texter.',
  },
  'service.changeTooLarge': {
    nb: 'Endringen er for stor til å lagres og sendes til skyen.',
    en: 'The change is too large to store and send to the cloud.',
    sv: 'Ändringen är för stor för att sparas och skickas till molnet.',
  },
  'service.changeMalformedText': {
    nb: 'Endringen inneholder tegn som ikke kan lagres. Fjern tegnet og prøv igjen.',
    en: 'The change holds characters that cannot be stored. Remove them and try again.',
    sv: 'Ändringen innehåller tecken som inte kan sparas. Ta bort tecknet och försök igen.',
  },
  'service.changeUnsafeNumber': {
    nb: 'Endringen inneholder et tall som er for stort til å lagres nøyaktig. Bruk et mindre tall.',
    en: 'The change holds a number too large to keep exactly. Use a smaller one.',
    sv: 'Ändringen innehåller ett tal som är för stort för att sparas exakt. Använd ett mindre tal.',
  },
  'service.changeTooDeep': {
    nb: 'Endringen er nøstet for dypt til å sendes til skyen. Send en enklere struktur.',
    en: 'The change is nested too deeply for the cloud. Send a simpler one.',
    sv: 'Ändringen är för djupt nästlad för att skickas till molnet. Skicka en enklare struktur.',
  },
  // The basket, sales and members (basket.ts, sale-records.ts, member-access.ts).
  'service.basketTooLarge': {
    nb: 'Kurven blir for stor: et salg kan være på høyst {kroner} kr. Del det i flere salg.',
    en: 'The basket is too large: a sale may be at most NOK {kroner}. Split it into several sales.',
    sv: 'Varukorgen blir för stor: ett köp får vara på högst {kroner} kr. Dela upp det i flera köp.',
  },
  'service.unknownProduct': {
    nb: 'Fant ingen vare med varenummer {sku}. Skann varen på nytt eller søk den opp.',
    en: 'No product has item number {sku}. Scan it again or search for it.',
    sv: 'Hittade ingen vara med artikelnummer {sku}. Skanna varan igen eller sök upp den.',
  },
  'service.lineIdTwice': {
    nb: 'Samme varelinje står to ganger i kurven.',
    en: 'The same basket line is there twice (line {lineId}).',
    sv: 'Samma varurad finns två gånger i varukorgen.',
  },
  'service.unknownSale': {
    nb: 'Fant ikke salget. Velg kvitteringen fra listen på nytt.',
    en: 'The sale was not found. Choose the receipt from the list again.',
    sv: 'Hittade inte köpet. Välj kvittot i listan igen.',
  },
  'service.unknownMember': {
    nb: 'Fant ikke medlemmet. Søk opp medlemmet på nytt med mobilnummer eller kort.',
    en: 'The member was not found. Look the member up again by mobile number or card.',
    sv: 'Hittade inte medlemmen. Sök upp medlemmen igen med mobilnummer eller kort.',
  },
  'service.memberHasNoPin': {
    nb: 'Medlemmet har ingen PIN-kode. Skann kortet eller QR-koden i stedet.',
    en: 'The member has no PIN. Scan their card or QR code instead.',
    sv: 'Medlemmen har ingen PIN-kod. Skanna kortet eller QR-koden i stället.',
  },
  'service.memberPinLocked': {
    nb: 'For mange feil PIN-koder for dette medlemmet: PIN-koden er sperret i {seconds} s til. Skann kortet eller QR-koden i stedet.',
    en: 'Too many wrong PINs for this member: their PIN is locked for {seconds} s more. Scan their card or QR code instead.',
    sv: 'För många felaktiga PIN-koder för den här medlemmen: PIN-koden är spärrad i {seconds} s till. Skanna kortet eller QR-koden i stället.',
  },
  'service.wrongMemberPin': {
    nb: 'Feil PIN-kode for medlemmet. Be kunden prøve igjen, eller skann kortet.',
    en: 'Wrong PIN for the member. Ask them to try again, or scan their card.',
    sv: 'Fel PIN-kod för medlemmen. Be kunden försöka igen, eller skanna kortet.',
  },
  'service.invalidMemberNumber': {
    nb: '{typed} er ikke et gyldig medlemsnummer: {reason}',
    en: '{typed} is not a valid member number: {reason}',
    sv: '{typed} är inte ett giltigt medlemsnummer: {reason}',
  },
  // The till's devices (src/service/devices).
  'service.noScanner': {
    nb: 'Ingen serieskanner er satt opp',
    en: 'No serial scanner is set up',
    sv: 'Ingen seriell skanner är inställd',
  },
  'service.noPrinter': {
    nb: 'Ingen kvitteringsskriver er satt opp',
    en: 'No receipt printer is set up',
    sv: 'Ingen kvittoskrivare är inställd',
  },
  'service.printerUntried': {
    nb: 'Skriveren er satt opp; ingenting er skrevet ut ennå',
    en: 'The printer is set up; nothing has been printed yet',
    sv: 'Skrivaren är inställd; inget har skrivits ut än',
  },
  'service.printerReady': {
    nb: 'Skriveren er klar ({type}, {width} tegn per linje, {where})',
    en: 'The printer is ready ({type}, {width} columns, {where})',
    sv: 'Skrivaren är klar ({type}, {width} tecken per rad, {where})',
  },
  'service.unknownPrintJob': {
    nb: 'Fant ikke utskriften. Åpne listen over kvitteringer som venter, på nytt.',
    en: 'The print was not found. Open the list of receipts waiting again.',
    sv: 'Hittade inte utskriften. Öppna listan över kvitton som väntar igen.',
  },
  'service.alreadyPrinted': {
    nb: 'Denne er allerede skrevet ut. Trykk «Skriv ut kopi» på kvitteringen for en kopi.',
    en: 'This has been printed already. Press “Print a copy” on the receipt for a copy.',
    sv: 'Den här är redan utskriven. Tryck ”Skriv ut kopia” på kvittot för en kopia.',
  },
  'service.receiptNotMade': {
    nb: 'Kvitteringen for et salg kunne ikke lages. Salget er lagret; skriv ut en kopi.',
    en: 'The receipt for a sale could not be made ({detail}). The sale is kept; print a copy.',
    sv: 'Kvittot för ett köp kunde inte skapas. Köpet är sparat; skriv ut en kopia.',
  },
  'service.savedScannerInvalid': {
    nb: 'De lagrede skannerinnstillingene kan ikke brukes ({problem}). Lagre dem på nytt.',
    en: 'The saved scanner settings cannot be used ({problem}). Save them again.',
    sv: 'De sparade skannerinställningarna är ogiltiga ({problem}): spara dem igen',
  },
  'service.savedPrinterInvalid': {
    nb: 'De lagrede skriverinnstillingene kan ikke brukes ({problem}). Lagre dem på nytt.',
    en: 'The saved printer settings cannot be used ({problem}). Save them again.',
    sv: 'De sparade skrivarinställningarna är ogiltiga ({problem}): spara dem igen',
  },
  'service.savedJsonInvalid': {
    nb: 'den lagrede teksten kan ikke leses',
    en: 'the saved text cannot be read ({detail})',
    sv: 'den sparade texten kan inte läsas',
  },
  'service.noPrinterForCopy': {
    nb: 'Ingen kvitteringsskriver er satt opp. En leder kan legge til en under Enheter.',
    en: 'No receipt printer is set up. A manager can add one under Devices.',
    sv: 'Ingen kvittoskrivare är inställd. En chef kan lägga till en under Enheter.',
  },
});
