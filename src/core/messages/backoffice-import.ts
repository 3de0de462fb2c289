/**
 * Members imported from another system's CSV and exported for Excel (issue 17
 * point 5): the reasons a row is not taken (src/core/imports/plan.ts), the
 * cloud's refusals and the page's words (src/backoffice/pages/ImportPage.tsx).
 */
import { defineMessages } from './define';

export const backofficeImportMessages = defineMessages({
  'backoffice.import.reason.phoneMissing': {
    nb: 'Mangler telefonnummer',
    en: 'No phone number in the row',
    sv: 'Telefonnummer saknas',
  },
  'backoffice.import.reason.phoneInvalid': {
    nb: 'Ugyldig telefonnummer «{value}»',
    en: 'Not a valid phone number: “{value}”',
    sv: 'Ogiltigt telefonnummer ”{value}”',
  },
  'backoffice.import.reason.dateInvalid': {
    nb: 'Ugyldig dato «{value}» (skriv DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD)',
    en: 'Not a valid date: “{value}” (write DD.MM.YYYY or YYYY-MM-DD)',
    sv: 'Ogiltigt datum ”{value}” (skriv ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ)',
  },
  'backoffice.import.reason.emailInvalid': {
    nb: 'Ugyldig e-postadresse «{value}»',
    en: 'Not a valid e-mail address: “{value}”',
    sv: 'Ogiltig e-postadress ”{value}”',
  },
  'backoffice.import.reason.postalCodeInvalid': {
    nb: 'Ugyldig postnummer «{value}» (fire sifre)',
    en: 'Not a valid postal code: “{value}” (four digits)',
    sv: 'Ogiltigt postnummer ”{value}”',
  },
  'backoffice.import.reason.genderInvalid': {
    nb: 'Ukjent kjønn «{value}» (skriv K, M eller A)',
    en: 'Unknown gender “{value}” (write F, M or O)',
    sv: 'Okänt kön ”{value}” (skriv K, M eller A)',
  },
  'backoffice.import.reason.consentInvalid': {
    nb: 'Samtykket må være ja eller nei, ikke «{value}»',
    en: 'A consent is yes or no, not “{value}”',
    sv: 'Samtycket ska vara ja eller nej, inte ”{value}”',
  },
  'backoffice.import.reason.consentAtInvalid': {
    nb: 'Ugyldig tidspunkt for samtykket «{value}»',
    en: 'Not a valid time of consent: “{value}”',
    sv: 'Ogiltig tidpunkt för samtycket ”{value}”',
  },
  'backoffice.import.reason.tooLong': {
    nb: 'For lang tekst (høyst {max} tegn)',
    en: 'Text too long (at most {max} characters)',
    sv: 'För lång text (högst {max} tecken)',
  },
  'backoffice.import.reason.duplicateInFile': {
    nb: 'Samme telefonnummer som rad {row} i filen: bare den første er tatt med',
    en: 'Same phone number as row {row} of the file: only the first is taken',
    sv: 'Samma telefonnummer som rad {row} i filen: bara den första tas med',
  },
  'backoffice.import.reason.alreadyMember': {
    nb: 'Allerede medlem (medlemsnummer {number}): ikke importert, medlemmets egne opplysninger beholdes',
    en: 'Already a member (member number {number}): not imported, the member’s own details are kept',
    sv: 'Redan medlem (medlemsnummer {number}): inte importerad, medlemmens egna uppgifter behålls',
  },
  'backoffice.import.reason.tooManyColumns': {
    nb: 'For mange kolonner ({count}; overskriften har {expected})',
    en: 'Too many columns ({count}; the header has {expected})',
    sv: 'För många kolumner ({count}; rubriken har {expected})',
  },
  'backoffice.import.reason.tooFewColumns': {
    nb: 'For få kolonner ({count}; overskriften har {expected})',
    en: 'Too few columns ({count}; the header has {expected})',
    sv: 'För få kolumner ({count}; rubriken har {expected})',
  },
  'backoffice.import.reason.unclosedQuote': {
    nb: 'Anførselstegn som ikke lukkes: raden kan ikke leses',
    en: 'A quote that is never closed: the row cannot be read',
    sv: 'Citattecken som inte stängs: raden kan inte läsas',
  },
  'backoffice.import.reason.badQuote': {
    nb: 'Feil bruk av anførselstegn: raden kan ikke leses',
    en: 'Quotes used wrongly: the row cannot be read',
    sv: 'Felaktiga citattecken: raden kan inte läsas',
  },
  'backoffice.import.note.consentWithoutProof': {
    nb: 'Samtykke uten tidspunkt og kilde: importert uten markedsføringssamtykke',
    en: 'Consent without its time and source: imported without marketing consent',
    sv: 'Samtycke utan tidpunkt och källa: importerad utan samtycke till marknadsföring',
  },
  'backoffice.import.mapping.phoneRequired': {
    nb: 'Velg kolonnen med telefonnummer',
    en: 'Choose the column holding the phone number',
    sv: 'Välj kolumnen med telefonnummer',
  },
  'backoffice.import.mapping.noSuchColumn': {
    nb: 'Filen har ikke den kolonnen',
    en: 'The file has no such column',
    sv: 'Filen har inte den kolumnen',
  },
  'backoffice.import.mapping.columnTwice': {
    nb: 'En kolonne kan bare brukes til én ting',
    en: 'A column can be used for one field only',
    sv: 'En kolumn kan bara användas till en sak',
  },
  'backoffice.import.error.gone': {
    nb: 'Filen er ikke lastet opp lenger (en ferdig opplastet fil blir liggende en time, en halvferdig fem minutter). Last den opp igjen.',
    en: 'The file is no longer uploaded (a whole file is kept for an hour, an unfinished one five minutes). Upload it again.',
    sv: 'Filen finns inte längre (en färdig fil sparas en timme, en ofullständig fem minuter). Ladda upp den igen.',
  },
  'backoffice.import.error.tooLarge': {
    nb: 'Filen er for stor (høyst {megabytes} MB)',
    en: 'The file is too large (at most {megabytes} MB)',
    sv: 'Filen är för stor (högst {megabytes} MB)',
  },
  'backoffice.import.error.busy': {
    nb: 'Serveren tar imot for mange filer akkurat nå. Prøv igjen om litt.',
    en: 'The server is receiving too many files right now. Try again in a little while.',
    sv: 'Servern tar emot för många filer just nu. Försök igen om en stund.',
  },
  'backoffice.import.error.empty': {
    nb: 'Filen har ingen rader under overskriften',
    en: 'The file has no rows below its header',
    sv: 'Filen har inga rader under rubriken',
  },
  'backoffice.import.error.part': {
    nb: 'En del av filen kom i feil rekkefølge; last den opp igjen',
    en: 'A part of the file came out of order; upload it again',
    sv: 'En del av filen kom i fel ordning; ladda upp den igen',
  },
  'backoffice.import.error.numbers': {
    nb: 'Kjeden har brukt opp medlemsnumrene til import',
    en: 'The chain has used up the member numbers set aside for imports',
    sv: 'Kedjan har använt upp medlemsnumren för import',
  },
  'backoffice.ui.nav.import': {
    nb: 'Import og eksport',
    en: 'Import and export',
    sv: 'Import och export',
  },
  'backoffice.ui.import.title': {
    nb: 'Importer medlemmer',
    en: 'Import members',
    sv: 'Importera medlemmar',
  },
  'backoffice.ui.import.intro': {
    nb: 'Last opp en CSV-fil fra et annet system (UTF-8 eller Windows-1252, skilt med ; eller ,). Du ser hva som blir importert og hva som ikke blir det før noe lagres.',
    en: 'Upload a CSV file from another system (UTF-8 or Windows-1252, separated by ; or ,). You see what will be imported and what will not before anything is saved.',
    sv: 'Ladda upp en CSV-fil från ett annat system (UTF-8 eller Windows-1252, avgränsad med ; eller ,). Du ser vad som importeras och vad som inte gör det innan något sparas.',
  },
  'backoffice.ui.import.file': {
    nb: 'CSV-fil med medlemmer',
    en: 'CSV file of members',
    sv: 'CSV-fil med medlemmar',
  },
  'backoffice.ui.import.uploading': {
    nb: 'Laster opp … {percent} %',
    en: 'Uploading … {percent} %',
    sv: 'Laddar upp … {percent} %',
  },
  'backoffice.ui.import.detected': {
    nb: '{rows, plural, one {# rad} other {# rader}} · {encoding} · skilt med «{delimiter}»',
    en: '{rows, plural, one {# row} other {# rows}} · {encoding} · separated by “{delimiter}”',
    sv: '{rows, plural, one {# rad} other {# rader}} · {encoding} · avgränsad med ”{delimiter}”',
  },
  'backoffice.ui.import.mapping': {
    nb: 'Hva står i hvilken kolonne?',
    en: 'Which column holds what?',
    sv: 'Vad står i vilken kolumn?',
  },
  'backoffice.ui.import.mappingHint': {
    nb: 'Gjettet fra overskriftene; endre der det er feil. Samtykker tas bare med når både tidspunkt og kilde er med.',
    en: 'Guessed from the headings; change what is wrong. Consents are taken only with both their time and source.',
    sv: 'Gissat från rubrikerna; ändra det som är fel. Samtycken tas med bara när både tidpunkt och källa finns.',
  },
  'backoffice.ui.import.notMapped': {
    nb: '(ikke med)',
    en: '(not imported)',
    sv: '(inte med)',
  },
  'backoffice.ui.import.field.phone': {
    nb: 'Telefon (påkrevd)',
    en: 'Phone (required)',
    sv: 'Telefon (krävs)',
  },
  'backoffice.ui.import.field.firstName': {
    nb: 'Fornavn',
    en: 'First name (column)',
    sv: 'Förnamn',
  },
  'backoffice.ui.import.field.lastName': {
    nb: 'Etternavn',
    en: 'Last name (column)',
    sv: 'Efternamn',
  },
  'backoffice.ui.import.field.email': { nb: 'E-post', en: 'E-mail (column)', sv: 'E-post' },
  'backoffice.ui.import.field.birthDate': {
    nb: 'Fødselsdato',
    en: 'Birth date (column)',
    sv: 'Födelsedatum',
  },
  'backoffice.ui.import.field.postalCode': {
    nb: 'Postnummer',
    en: 'Postal code (column)',
    sv: 'Postnummer',
  },
  'backoffice.ui.import.field.gender': { nb: 'Kjønn', en: 'Gender (column)', sv: 'Kön' },
  'backoffice.ui.import.field.oldMemberNumber': {
    nb: 'Medlemsnummer i det gamle systemet',
    en: 'Member number in the old system',
    sv: 'Medlemsnummer i det gamla systemet',
  },
  'backoffice.ui.import.field.smsConsent': {
    nb: 'Samtykke til SMS',
    en: 'SMS consent (column)',
    sv: 'Samtycke till sms',
  },
  'backoffice.ui.import.field.emailConsent': {
    nb: 'Samtykke til e-post',
    en: 'E-mail consent (column)',
    sv: 'Samtycke till e-post',
  },
  'backoffice.ui.import.field.consentAt': {
    nb: 'Når samtykket ble gitt',
    en: 'When consent was given',
    sv: 'När samtycket gavs',
  },
  'backoffice.ui.import.field.consentSource': {
    nb: 'Hvor samtykket ble gitt (kilde)',
    en: 'Where consent was given (source)',
    sv: 'Var samtycket gavs (källa)',
  },
  'backoffice.ui.import.dryRun': {
    nb: 'Prøv uten å lagre',
    en: 'Dry run (nothing saved)',
    sv: 'Provkör utan att spara',
  },
  'backoffice.ui.import.summary': {
    nb: '{take, plural, one {# medlem blir importert} other {# medlemmer blir importert}}, {refused, plural, one {# rad blir ikke tatt med} other {# rader blir ikke tatt med}}, {notes, plural, one {# uten markedsføringssamtykke} other {# uten markedsføringssamtykke}}.',
    en: '{take, plural, one {# member will be imported} other {# members will be imported}}, {refused, plural, one {# row will not be taken} other {# rows will not be taken}}, {notes} without marketing consent.',
    sv: '{take, plural, one {# medlem importeras} other {# medlemmar importeras}}, {refused, plural, one {# rad tas inte med} other {# rader tas inte med}}, {notes} utan samtycke till marknadsföring.',
  },
  'backoffice.ui.import.refusedTitle': {
    nb: 'Rader som ikke blir tatt med',
    en: 'Rows that will not be taken',
    sv: 'Rader som inte tas med',
  },
  'backoffice.ui.import.notesTitle': {
    nb: 'Importeres, men uten markedsføringssamtykke',
    en: 'Imported, but without marketing consent',
    sv: 'Importeras, men utan samtycke till marknadsföring',
  },
  'backoffice.ui.import.moreRows': {
    nb: '… og {count} til (alle står i rapporten du kan laste ned)',
    en: '… and {count} more (all are in the report you can download)',
    sv: '… och {count} till (alla finns i rapporten du kan ladda ner)',
  },
  'backoffice.ui.import.downloadReport': {
    nb: 'Last ned rapporten (CSV)',
    en: 'Download the report (CSV)',
    sv: 'Ladda ner rapporten (CSV)',
  },
  'backoffice.ui.import.row': { nb: 'Rad', en: 'Row (in the file)', sv: 'Rad' },
  'backoffice.ui.import.column': { nb: 'Kolonne', en: 'Column (in the file)', sv: 'Kolumn' },
  'backoffice.ui.import.reason': { nb: 'Årsak', en: 'Why not', sv: 'Orsak' },
  'backoffice.ui.import.wholeRow': { nb: 'hele raden', en: 'The whole row', sv: 'hela raden' },
  'backoffice.ui.import.run': {
    nb: '{count, plural, one {Importer # medlem} other {Importer # medlemmer}}',
    en: '{count, plural, one {Import # member} other {Import # members}}',
    sv: '{count, plural, one {Importera # medlem} other {Importera # medlemmar}}',
  },
  'backoffice.ui.import.progress': {
    nb: 'Importerer … {done} av {total} rader',
    en: 'Importing … {done} of {total} rows',
    sv: 'Importerar … {done} av {total} rader',
  },
  'backoffice.ui.import.busy': {
    nb: 'Skyen er opptatt akkurat nå. Prøver igjen om {seconds} s …',
    en: 'The cloud is busy just now. Trying again in {seconds} s …',
    sv: 'Molnet är upptaget just nu. Försöker igen om {seconds} s …',
  },
  'backoffice.ui.import.done': {
    nb: 'Ferdig: {created, plural, one {# nytt medlem} other {# nye medlemmer}}, {skipped, plural, one {# rad ikke tatt med} other {# rader ikke tatt med}}. Kassene henter dem ved neste synkronisering.',
    en: 'Done: {created, plural, one {# new member} other {# new members}}, {skipped, plural, one {# row not taken} other {# rows not taken}}. The tills fetch them at their next sync.',
    sv: 'Klart: {created, plural, one {# ny medlem} other {# nya medlemmar}}, {skipped, plural, one {# rad inte med} other {# rader inte med}}. Kassorna hämtar dem vid nästa synkronisering.',
  },
  'backoffice.ui.import.seeMembers': {
    nb: 'Se medlemmene',
    en: 'See the members',
    sv: 'Se medlemmarna',
  },
  'backoffice.ui.import.exportTitle': {
    nb: 'Eksporter medlemmer',
    en: 'Export members',
    sv: 'Exportera medlemmar',
  },
  'backoffice.ui.import.exportHint': {
    nb: 'En CSV-fil som Excel åpner direkte (UTF-8, semikolon). Telefon og e-post vises bare for medlemmer du har tilgang til.',
    en: 'A CSV file Excel opens directly (UTF-8, semicolons). Phone and e-mail are shown only for members you may see.',
    sv: 'En CSV-fil som Excel öppnar direkt (UTF-8, semikolon). Telefon och e-post visas bara för medlemmar du har tillgång till.',
  },
  'backoffice.ui.import.exportButton': {
    nb: 'Last ned medlemmene (CSV)',
    en: 'Download the members (CSV)',
    sv: 'Ladda ner medlemmarna (CSV)',
  },
  'backoffice.ui.import.exported': {
    nb: '{rows, plural, one {# medlem} other {# medlemmer}} lastet ned som {file}',
    en: '{rows, plural, one {# member} other {# members}} downloaded as {file}',
    sv: '{rows, plural, one {# medlem} other {# medlemmar}} nedladdade som {file}',
  },
  'backoffice.ui.import.ownersOnly': {
    nb: 'Bare kjedens eiere kan importere medlemmer.',
    en: 'Only the chain’s owners can import members.',
    sv: 'Bara kedjans ägare kan importera medlemmar.',
  },
});
