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
});
