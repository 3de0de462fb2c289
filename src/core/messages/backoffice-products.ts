/**
 * The back office's products (src/backoffice/pages/ProductsPage.tsx and
 * src/contract/backoffice/products.ts): the product form's checks, a CSV
 * import's row report, and the page's own words (`backoffice.ui.products.*`).
 */
import { defineMessages } from './define';

export const backofficeProductsMessages = defineMessages({
  'backoffice.products.priceNeeded': {
    nb: 'Skriv prisen i kroner, som 29,90.',
    en: 'Type the price in kroner, like 29.90.',
    sv: 'Skriv priset i kronor, som 29,90.',
  },
  'backoffice.products.kroner': {
    nb: 'Skriv beløpet i kroner, som 29,90 eller 29.90.',
    en: 'Write the amount in kroner, like 29,90 or 29.90.',
    sv: 'Skriv beloppet i kronor, som 29,90 eller 29.90.',
  },
  'backoffice.products.vatRate': {
    nb: 'Mva-satsen må være en av {rates} prosent.',
    en: 'The VAT rate must be one of {rates} per cent.',
    sv: 'Momssatsen måste vara en av {rates} procent.',
  },
  'backoffice.products.skuNeeded': {
    nb: 'Skriv varenummeret.',
    en: 'Type the item number.',
    sv: 'Skriv artikelnumret.',
  },
  'backoffice.products.skuTooLong': {
    nb: 'Varenummeret kan ha høyst {max} tegn.',
    en: 'The item number may have at most {max} characters.',
    sv: 'Artikelnumret får ha högst {max} tecken.',
  },
  'backoffice.products.nameNeeded': {
    nb: 'Skriv varens navn.',
    en: 'Type the product’s name.',
    sv: 'Skriv varans namn.',
  },
  'backoffice.products.nameTooLong': {
    nb: 'Varens navn kan ha høyst {max} tegn.',
    en: 'The product’s name may have at most {max} characters.',
    sv: 'Varans namn får ha högst {max} tecken.',
  },
  'backoffice.products.categoryNeeded': {
    nb: 'Skriv kategorien, som Brød eller Kaffe.',
    en: 'Type the category, like Bread or Coffee.',
    sv: 'Skriv kategorin, som Bröd eller Kaffe.',
  },
  'backoffice.products.categoryTooLong': {
    nb: 'Kategorien kan ha høyst {max} tegn.',
    en: 'The category may have at most {max} characters.',
    sv: 'Kategorin får ha högst {max} tecken.',
  },
  'backoffice.products.tooManyBarcodes': {
    nb: 'En vare kan ha høyst {max} strekkoder.',
    en: 'A product may have at most {max} barcodes.',
    sv: 'En vara får ha högst {max} streckkoder.',
  },
  'backoffice.products.barcodeTwice': {
    nb: 'Strekkoden {barcode} står to ganger.',
    en: 'Barcode {barcode} is written twice.',
    sv: 'Streckkoden {barcode} står två gånger.',
  },
  'backoffice.products.skuTaken': {
    nb: 'Det finnes allerede en vare med varenummer {sku}. Velg den i listen for å endre den.',
    en: 'A product with item number {sku} exists already. Choose it in the list to change it.',
    sv: 'Det finns redan en vara med artikelnummer {sku}. Välj den i listan för att ändra den.',
  },
  'backoffice.products.skuTwiceInFile': {
    nb: 'Varenummeret {sku} står også på linje {line}.',
    en: 'Item number {sku} is on line {line} too.',
    sv: 'Artikelnumret {sku} står också på rad {line}.',
  },
  'backoffice.products.catalogueTooLarge': {
    nb: 'Varelisten blir for stor til å sendes til kassene. Ta bort noen varer først.',
    en: 'The product list would be too large to send to the tills. Remove some products first.',
    sv: 'Varulistan blir för stor för att skickas till kassorna. Ta bort några varor först.',
  },
  'backoffice.products.fileTooLarge': {
    nb: 'Filen er for stor. Del den opp i filer på høyst {max} MB.',
    en: 'The file is too large. Split it into files of at most {max} MB.',
    sv: 'Filen är för stor. Dela upp den i filer på högst {max} MB.',
  },
  'backoffice.products.fileEmpty': {
    nb: 'Filen er tom.',
    en: 'The file is empty.',
    sv: 'Filen är tom.',
  },
  'backoffice.products.noRows': {
    nb: 'Filen har bare overskriftslinjen og ingen varer.',
    en: 'The file has only its header line and no products.',
    sv: 'Filen har bara rubrikraden och inga varor.',
  },
  'backoffice.products.columnsMissing': {
    nb: 'Første linje må ha kolonnene varenummer, navn, kategori, pris og mva. Disse mangler: {columns}.',
    en: 'The first line must name the columns item number, name, category, price and VAT. These are missing: {columns}.',
    sv: 'Första raden måste ha kolumnerna artikelnummer, namn, kategori, pris och moms. Dessa saknas: {columns}.',
  },
  'backoffice.products.columnTwice': {
    nb: 'Kolonnen {column} står to ganger i første linje.',
    en: 'The column {column} is in the first line twice.',
    sv: 'Kolumnen {column} står två gånger i första raden.',
  },
  'backoffice.products.tooManyRows': {
    nb: 'Filen har {rows} varer. Del den opp i filer på høyst {max} varer.',
    en: 'The file has {rows} products. Split it into files of at most {max} products.',
    sv: 'Filen har {rows} varor. Dela upp den i filer på högst {max} varor.',
  },
  'backoffice.products.yesNo': {
    nb: 'Skriv ja eller nei.',
    en: 'Write yes or no.',
    sv: 'Skriv ja eller nej.',
  },
  'backoffice.products.rowWrong': {
    nb: 'Noe på linjen er ikke fylt ut riktig.',
    en: 'Something on the line is not filled in right.',
    sv: 'Något på raden är inte rätt ifyllt.',
  },
  'backoffice.products.notApplied': {
    nb: 'Ingenting ble lagret fordi {count, plural, one {én linje har feil} other {# linjer har feil}}. Rett filen og prøv igjen.',
    en: 'Nothing was saved because {count, plural, one {one line has mistakes} other {# lines have mistakes}}. Correct the file and try again.',
    sv: 'Inget sparades eftersom {count, plural, one {en rad har fel} other {# rader har fel}}. Rätta filen och försök igen.',
  },
  'backoffice.ui.products.title': {
    nb: 'Produkter',
    en: 'Products',
    sv: 'Produkter',
  },
  'backoffice.ui.products.leadOwner': {
    nb: 'Varelisten kassene selger fra. Det du endrer her, sendes til alle kassene i kjeden.',
    en: 'The product list the tills sell from. What you change here is sent to every till of the chain.',
    sv: 'Varulistan som kassorna säljer från. Det du ändrar här skickas till alla kassor i kedjan.',
  },
  'backoffice.ui.products.leadManager': {
    nb: 'Varelisten kassene selger fra. Bare kjedens eier kan endre den.',
    en: 'The product list the tills sell from. Only the chain’s owner can change it.',
    sv: 'Varulistan som kassorna säljer från. Bara kedjans ägare kan ändra den.',
  },
  'backoffice.ui.products.savedBy': {
    nb: 'Sist endret {when} av {who}.',
    en: 'Last changed {when} by {who}.',
    sv: 'Senast ändrad {when} av {who}.',
  },
  'backoffice.ui.products.savedAt': {
    nb: 'Sist endret {when}.',
    en: 'Last changed {when}.',
    sv: 'Senast ändrad {when}.',
  },
  'backoffice.ui.products.search': {
    nb: 'Søk',
    en: 'Search',
    sv: 'Sök',
  },
  'backoffice.ui.products.searchHint': {
    nb: 'Navn, varenummer eller strekkode',
    en: 'Name, item number or barcode',
    sv: 'Namn, artikelnummer eller streckkod',
  },
  'backoffice.ui.products.allCategories': {
    nb: 'Alle kategorier',
    en: 'All categories',
    sv: 'Alla kategorier',
  },
  'backoffice.ui.products.new': {
    nb: 'Ny vare',
    en: 'New product',
    sv: 'Ny vara',
  },
  'backoffice.ui.products.none': {
    nb: 'Varelisten er tom. Legg til en vare, eller importer en fil.',
    en: 'The product list is empty. Add a product, or import a file.',
    sv: 'Varulistan är tom. Lägg till en vara, eller importera en fil.',
  },
  'backoffice.ui.products.count': {
    nb: 'Viser {shown} av {matched, plural, one {# treff} other {# treff}} ({total} varer i alt).',
    en: 'Showing {shown} of {matched, plural, one {# match} other {# matches}} ({total} products in all).',
    sv: 'Visar {shown} av {matched, plural, one {# träff} other {# träffar}} ({total} varor totalt).',
  },
  'backoffice.ui.products.name': {
    nb: 'Navn',
    en: 'Name',
    sv: 'Namn',
  },
  'backoffice.ui.products.sku': {
    nb: 'Varenummer',
    en: 'Item number',
    sv: 'Artikelnummer',
  },
  'backoffice.ui.products.category': {
    nb: 'Kategori',
    en: 'Category',
    sv: 'Kategori',
  },
  'backoffice.ui.products.price': {
    nb: 'Pris',
    en: 'Price',
    sv: 'Pris',
  },
  'backoffice.ui.products.memberPrice': {
    nb: 'Medlemspris',
    en: 'Member price',
    sv: 'Medlemspris',
  },
  'backoffice.ui.products.vat': {
    nb: 'Mva',
    en: 'VAT',
    sv: 'Moms',
  },
  'backoffice.ui.products.vatRate': {
    nb: '{rate} %',
    en: '{rate} %',
    sv: '{rate} %',
  },
  'backoffice.ui.products.barcodes': {
    nb: 'Strekkoder',
    en: 'Barcodes',
    sv: 'Streckkoder',
  },
  'backoffice.ui.products.barcodesHint': {
    nb: '8–14 sifre hver, skilt med mellomrom.',
    en: '8–14 digits each, separated by spaces.',
    sv: '8–14 siffror var, åtskilda med mellanslag.',
  },
  'backoffice.ui.products.kronerHint': {
    nb: 'I kroner med mva, som 29,90.',
    en: 'In kroner with VAT, like 29,90.',
    sv: 'I kronor med moms, som 29,90.',
  },
  'backoffice.ui.products.memberPriceHint': {
    nb: 'Tom: ingen medlemspris.',
    en: 'Empty: no member price.',
    sv: 'Tom: inget medlemspris.',
  },
  'backoffice.ui.products.quickKey': {
    nb: 'Vis som hurtigtast på kassen',
    en: 'Show as a quick key at the till',
    sv: 'Visa som snabbknapp i kassan',
  },
  'backoffice.ui.products.newTitle': {
    nb: 'Ny vare',
    en: 'Add a product',
    sv: 'Ny vara',
  },
  'backoffice.ui.products.editTitle': {
    nb: 'Endre {name}',
    en: 'Change {name}',
    sv: 'Ändra {name}',
  },
  'backoffice.ui.products.save': {
    nb: 'Lagre og send til kassene',
    en: 'Save and send to the tills',
    sv: 'Spara och skicka till kassorna',
  },
  'backoffice.ui.products.saved': {
    nb: '{name} er lagret og sendes til kassene.',
    en: '{name} is saved and is being sent to the tills.',
    sv: '{name} är sparad och skickas till kassorna.',
  },
  'backoffice.ui.products.remove': {
    nb: 'Ta bort varen',
    en: 'Remove the product',
    sv: 'Ta bort varan',
  },
  'backoffice.ui.products.removeText': {
    nb: '{name} tas ut av varelisten på alle kassene. Salg som er gjort, endres ikke.',
    en: '{name} is taken out of the product list at every till. Sales already made do not change.',
    sv: '{name} tas bort ur varulistan i alla kassor. Gjorda köp ändras inte.',
  },
  'backoffice.ui.products.removeConfirm': {
    nb: 'Ja, ta den bort',
    en: 'Yes, remove it',
    sv: 'Ja, ta bort den',
  },
  'backoffice.ui.products.removed': {
    nb: '{name} er tatt bort fra varelisten.',
    en: '{name} is removed from the product list.',
    sv: '{name} är borttagen ur varulistan.',
  },
  'backoffice.ui.products.quickKeyShort': {
    nb: 'Hurtigtast',
    en: 'Quick key',
    sv: 'Snabbknapp',
  },
  'backoffice.ui.productImport.open': {
    nb: 'Importer fra fil',
    en: 'Import from a file',
    sv: 'Importera från fil',
  },
  'backoffice.ui.productImport.title': {
    nb: 'Importer varer fra en CSV-fil',
    en: 'Import products from a CSV file',
    sv: 'Importera varor från en CSV-fil',
  },
  'backoffice.ui.productImport.intro': {
    nb: 'Velg en fil eller lim inn innholdet. Du ser først hva hver linje gjør; ingenting lagres før du sier ja. Varer som ikke står i filen, blir værende.',
    en: 'Choose a file or paste what it holds. You first see what each line does; nothing is saved until you say yes. Products the file does not name stay as they are.',
    sv: 'Välj en fil eller klistra in innehållet. Du ser först vad varje rad gör; inget sparas förrän du säger ja. Varor som inte står i filen finns kvar.',
  },
  'backoffice.ui.productImport.columns': {
    nb: 'Første linje har kolonnenavnene: varenummer, strekkoder, navn, kategori, pris, medlemspris og mva (også på engelsk), skilt med semikolon eller komma. Priser i kroner, som 29,90.',
    en: 'The first line names the columns: sku, barcodes, name, category, price, memberPrice and vat (or in Norwegian), separated by semicolons or commas. Prices in kroner, like 29.90.',
    sv: 'Första raden har kolumnnamnen: varenummer, strekkoder, navn, kategori, pris, medlemspris och mva (eller på engelska), åtskilda med semikolon eller komma. Priser i kronor, som 29,90.',
  },
  'backoffice.ui.productImport.file': {
    nb: 'Fil',
    en: 'File',
    sv: 'Fil',
  },
  'backoffice.ui.productImport.chooseFile': {
    nb: 'Velg fil …',
    en: 'Choose a file …',
    sv: 'Välj fil …',
  },
  'backoffice.ui.productImport.noFile': {
    nb: 'Ingen fil valgt.',
    en: 'No file chosen.',
    sv: 'Ingen fil vald.',
  },
  'backoffice.ui.productImport.paste': {
    nb: 'Eller lim inn her',
    en: 'Or paste it here',
    sv: 'Eller klistra in här',
  },
  'backoffice.ui.productImport.allOrNothing': {
    nb: 'Lagre bare hvis alle linjene er riktige',
    en: 'Save only if every line is right',
    sv: 'Spara bara om alla rader är rätt',
  },
  'backoffice.ui.productImport.check': {
    nb: 'Kontroller filen',
    en: 'Check the file',
    sv: 'Kontrollera filen',
  },
  'backoffice.ui.productImport.apply': {
    nb: 'Lagre {count, plural, one {# vare} other {# varer}}',
    en: 'Save {count, plural, one {# product} other {# products}}',
    sv: 'Spara {count, plural, one {# vara} other {# varor}}',
  },
  'backoffice.ui.productImport.applied': {
    nb: 'Importert: {added} nye og {changed} endrede varer. {skipped, plural, =0 {} one {# linje med feil ble hoppet over.} other {# linjer med feil ble hoppet over.}}',
    en: 'Imported: {added} new and {changed} changed products. {skipped, plural, =0 {} one {# line with mistakes was skipped.} other {# lines with mistakes were skipped.}}',
    sv: 'Importerat: {added} nya och {changed} ändrade varor. {skipped, plural, =0 {} one {# rad med fel hoppades över.} other {# rader med fel hoppades över.}}',
  },
  'backoffice.ui.productImport.reportTitle': {
    nb: 'Hva hver linje gjør',
    en: 'What each line does',
    sv: 'Vad varje rad gör',
  },
  'backoffice.ui.productImport.counts': {
    nb: '{added} nye, {changed} endret, {unchanged} uendret, {errors} med feil.',
    en: '{added} new, {changed} changed, {unchanged} unchanged, {errors} with mistakes.',
    sv: '{added} nya, {changed} ändrade, {unchanged} oförändrade, {errors} med fel.',
  },
  'backoffice.ui.productImport.ignored': {
    nb: 'Disse kolonnene blir ikke lest: {columns}.',
    en: 'These columns are not read: {columns}.',
    sv: 'Dessa kolumner läses inte: {columns}.',
  },
  'backoffice.ui.productImport.line': {
    nb: 'Linje',
    en: 'Line',
    sv: 'Rad',
  },
  'backoffice.ui.productImport.result': {
    nb: 'Resultat',
    en: 'Result',
    sv: 'Resultat',
  },
  'backoffice.ui.productImport.statusNew': {
    nb: 'Ny',
    en: 'New',
    sv: 'Ny',
  },
  'backoffice.ui.productImport.statusChanged': {
    nb: 'Endret',
    en: 'Changed',
    sv: 'Ändrad',
  },
  'backoffice.ui.productImport.statusUnchanged': {
    nb: 'Uendret',
    en: 'Unchanged',
    sv: 'Oförändrad',
  },
  'backoffice.ui.productImport.statusError': {
    nb: 'Feil',
    en: 'Mistake',
    sv: 'Fel',
  },
  'backoffice.ui.productImport.more': {
    nb: '… og {count} linjer til.',
    en: '… and {count} more lines.',
    sv: '… och {count} rader till.',
  },
  'backoffice.ui.productImport.changedSince': {
    nb: 'Teksten er endret siden kontrollen. Kontroller den på nytt.',
    en: 'The text has changed since it was checked. Check it again.',
    sv: 'Texten har ändrats sedan kontrollen. Kontrollera den igen.',
  },
});
