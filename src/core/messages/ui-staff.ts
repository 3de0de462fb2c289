/**
 * The staff screen (src/ui/screens/StaffDialog.tsx, a manager's "Ansatte"):
 * the list with each person's role, state and last log-in, and the form that
 * adds one, changes name, role or PIN, and disables or enables them.
 */
import { defineMessages } from './define';

export const uiStaffMessages = defineMessages({
  'ui.staff.open': {
    nb: 'Ansatte',
    en: 'Staff',
    sv: 'Personal',
  },
  'ui.staff.title': {
    nb: 'Ansatte',
    en: 'Staff',
    sv: 'Personal',
  },
  'ui.staff.listLabel': {
    nb: 'Alle ansatte',
    en: 'All staff',
    sv: 'All personal',
  },
  'ui.staff.loading': {
    nb: 'Henter de ansatte …',
    en: 'Fetching the staff …',
    sv: 'Hämtar personalen …',
  },
  'ui.staff.add': {
    nb: 'Legg til ansatt',
    en: 'Add staff member',
    sv: 'Lägg till anställd',
  },
  'ui.staff.choose': {
    nb: 'Velg en ansatt i listen for å endre, eller legg til en ny.',
    en: 'Choose someone in the list to change them, or add someone new.',
    sv: 'Välj någon i listan för att ändra, eller lägg till en ny.',
  },
  'ui.staff.ownAccess': {
    nb: 'Du kan ikke deaktivere deg selv. Be en annen leder om det.',
    en: 'You cannot disable your own account. Ask another manager.',
    sv: 'Du kan inte inaktivera ditt eget konto. Be en annan chef om det.',
  },
  'ui.staff.you': {
    nb: '(deg)',
    en: '(you)',
    sv: '(du)',
  },
  'ui.staff.state': {
    nb: '{active, select, yes {aktiv} other {deaktivert}}',
    en: '{active, select, yes {active} other {disabled}}',
    sv: '{active, select, yes {aktiv} other {inaktiverad}}',
  },
  'ui.staff.localOnly': {
    nb: 'bare denne kassen',
    en: 'this till only',
    sv: 'bara den här kassan',
  },
  'ui.staff.localHint': {
    nb: 'Demo-ansatt: finnes bare på denne kassen. PIN-koden virker ikke på kjedens andre kasser.',
    en: 'Demo staff: they exist on this till only. Their PIN opens none of the chain’s other tills.',
    sv: 'Demopersonal: finns bara på den här kassan. PIN-koden fungerar inte på kedjans andra kassor.',
  },
  'ui.staff.lastLogin': {
    nb: 'Sist logget inn {day, select, today {i dag} yesterday {i går} other {{date}}} {time}',
    en: 'Last logged in {day, select, today {today} yesterday {yesterday} other {{date}}} {time}',
    sv: 'Senast inloggad {day, select, today {i dag} yesterday {i går} other {{date}}} {time}',
  },
  'ui.staff.where': {
    nb: '{where, select, this {denne kassen} other {en annen kasse}}',
    en: '{where, select, this {this till} other {another till}}',
    sv: '{where, select, this {den här kassan} other {en annan kassa}}',
  },
  'ui.staff.never': {
    nb: 'Aldri logget inn',
    en: 'Never logged in',
    sv: 'Aldrig inloggad',
  },
  'ui.staff.newTitle': {
    nb: 'Ny ansatt',
    en: 'New staff member',
    sv: 'Ny anställd',
  },
  'ui.staff.editTitle': {
    nb: 'Endre {name}',
    en: 'Change {name}',
    sv: 'Ändra {name}',
  },
  'ui.staff.name': {
    nb: 'Navn',
    en: 'Name',
    sv: 'Namn',
  },
  'ui.staff.role': {
    nb: 'Rolle',
    en: 'Role',
    sv: 'Roll',
  },
  'ui.staff.roleCashier': {
    nb: 'Kasserer',
    en: 'Cashier',
    sv: 'Kassör',
  },
  'ui.staff.roleManager': {
    nb: 'Leder',
    en: 'Manager',
    sv: 'Chef',
  },
  'ui.staff.roleHint': {
    nb: 'En leder kan også annullere salg, endre oppsettet og ansatte.',
    en: 'A manager may also void sales and change the set-up and the staff.',
    sv: 'En chef kan också makulera köp och ändra inställningarna och personalen.',
  },
  'ui.staff.pin': {
    nb: 'PIN-kode',
    en: 'PIN',
    sv: 'PIN-kod',
  },
  'ui.staff.newPin': {
    nb: 'Ny PIN-kode',
    en: 'New PIN',
    sv: 'Ny PIN-kod',
  },
  'ui.staff.pinHint': {
    nb: '4–8 sifre. Den ansatte taster den for å logge inn.',
    en: '4–8 digits. They type it to log in.',
    sv: '4–8 siffror. Den anställda slår in den för att logga in.',
  },
  'ui.staff.newPinHint': {
    nb: '4–8 sifre. Den gamle PIN-koden slutter å virke når du lagrer.',
    en: '4–8 digits. The old PIN stops working when you save.',
    sv: '4–8 siffror. Den gamla PIN-koden slutar fungera när du sparar.',
  },
  'ui.staff.setPin': {
    nb: 'Sett ny PIN-kode',
    en: 'Set a new PIN',
    sv: 'Ange ny PIN-kod',
  },
  'ui.staff.keepPin': {
    nb: 'Behold PIN-koden',
    en: 'Keep the PIN',
    sv: 'Behåll PIN-koden',
  },
  'ui.staff.pinAgain': {
    nb: 'Gjenta PIN-koden',
    en: 'The PIN again',
    sv: 'Upprepa PIN-koden',
  },
  'ui.staff.nameMissing': {
    nb: 'Skriv navnet.',
    en: 'Type the name.',
    sv: 'Skriv namnet.',
  },
  'ui.staff.save': {
    nb: 'Lagre',
    en: 'Save',
    sv: 'Spara',
  },
  'ui.staff.create': {
    nb: 'Legg til',
    en: 'Add',
    sv: 'Lägg till',
  },
  'ui.staff.added': {
    nb: '{name} er lagt til og kan logge inn med PIN-koden sin.',
    en: '{name} is added and can log in with their PIN.',
    sv: '{name} är tillagd och kan logga in med sin PIN-kod.',
  },
  'ui.staff.saved': {
    nb: 'Endringene for {name} er lagret.',
    en: 'The changes for {name} are saved.',
    sv: 'Ändringarna för {name} är sparade.',
  },
  'ui.staff.access': {
    nb: 'Tilgang',
    en: 'Access',
    sv: 'Åtkomst',
  },
  'ui.staff.disable': {
    nb: 'Deaktiver',
    en: 'Disable',
    sv: 'Inaktivera',
  },
  'ui.staff.enable': {
    nb: 'Aktiver igjen',
    en: 'Enable again',
    sv: 'Aktivera igen',
  },
  'ui.staff.disableWarn': {
    nb: '{name} kan ikke logge inn {scope, select, chain {på noen av kjedens kasser} other {på denne kassen}} etter dette. Det kan gjøres om senere.',
    en: '{name} cannot log in {scope, select, chain {at any of the chain’s tills} other {at this till}} after this. You can undo it later.',
    sv: '{name} kan inte logga in {scope, select, chain {på någon av kedjans kassor} other {på den här kassan}} efter detta. Det går att ångra senare.',
  },
  'ui.staff.enableWarn': {
    nb: '{name} kan logge inn igjen med PIN-koden sin {scope, select, chain {på kjedens kasser} other {på denne kassen}}.',
    en: '{name} will be able to log in with their PIN again {scope, select, chain {at the chain’s tills} other {at this till}}.',
    sv: '{name} kan logga in med sin PIN-kod igen {scope, select, chain {på kedjans kassor} other {på den här kassan}}.',
  },
  'ui.staff.disableConfirm': {
    nb: 'Ja, deaktiver',
    en: 'Yes, disable',
    sv: 'Ja, inaktivera',
  },
  'ui.staff.enableConfirm': {
    nb: 'Ja, aktiver',
    en: 'Yes, enable',
    sv: 'Ja, aktivera',
  },
  'ui.staff.disabledDone': {
    nb: '{name} er deaktivert og kan ikke logge inn.',
    en: '{name} is disabled and cannot log in.',
    sv: '{name} är inaktiverad och kan inte logga in.',
  },
  'ui.staff.enabledDone': {
    nb: '{name} kan logge inn igjen.',
    en: '{name} can log in again.',
    sv: '{name} kan logga in igen.',
  },
});
