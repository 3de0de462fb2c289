/**
 * The back office's stores and staff (src/backoffice/pages/StoresPage.tsx and
 * src/contract/backoffice/stores.ts): a new store and its code, a new name, and
 * the chain's staff added and changed from the back office.
 */
import { defineMessages } from './define';

export const backofficeStoresMessages = defineMessages({
  'backoffice.stores.nameNeeded': {
    nb: 'Skriv navnet på butikken.',
    en: 'Type the name of the store.',
    sv: 'Skriv butikens namn.',
  },
  'backoffice.stores.nameTaken': {
    nb: 'Kjeden har allerede en butikk med dette navnet.',
    en: 'The chain already has a store with this name.',
    sv: 'Kedjan har redan en butik med det här namnet.',
  },
  'backoffice.stores.storeNeeded': {
    nb: 'Velg butikken den ansatte skal legges til i.',
    en: 'Choose the store to add the staff member to.',
    sv: 'Välj butiken den anställda ska läggas till i.',
  },
  'backoffice.stores.pinNeeded': {
    nb: 'En ny ansatt trenger en PIN-kode.',
    en: 'A new staff member needs a PIN.',
    sv: 'En ny anställd behöver en PIN-kod.',
  },
  'backoffice.stores.pinsDiffer': {
    nb: 'PIN-kodene er ikke like. Skriv den samme to ganger.',
    en: 'The PINs are not the same. Type the same one twice.',
    sv: 'PIN-koderna är inte lika. Skriv samma två gånger.',
  },
  'backoffice.stores.staffNameTaken': {
    nb: 'En annen ansatt i kjeden heter det samme. Skriv navnet slik at kassen kan skille dem, for eksempel med etternavnet.',
    en: 'Another staff member of the chain has this name. Write it so the till can tell them apart, for example with the last name.',
    sv: 'En annan anställd i kedjan heter likadant. Skriv namnet så att kassan kan skilja dem åt, till exempel med efternamnet.',
  },
  'backoffice.stores.pinTaken': {
    nb: 'Velg en annen PIN-kode.',
    en: 'Choose another PIN.',
    sv: 'Välj en annan PIN-kod.',
  },
  'backoffice.stores.lastManager': {
    nb: 'Kjeden må ha minst én aktiv leder på kassene. Gjør en annen til leder først.',
    en: 'The chain must keep at least one active manager at the tills. Make someone else a manager first.',
    sv: 'Kedjan måste ha minst en aktiv chef i kassorna. Gör någon annan till chef först.',
  },
  'backoffice.ui.storeAdd.open': {
    nb: 'Ny butikk',
    en: 'New store',
    sv: 'Ny butik',
  },
  'backoffice.ui.storeAdd.title': {
    nb: 'Ny butikk i kjeden',
    en: 'A new store of the chain',
    sv: 'Ny butik i kedjan',
  },
  'backoffice.ui.storeAdd.name': {
    nb: 'Navn på butikken',
    en: 'Name of the store',
    sv: 'Butikens namn',
  },
  'backoffice.ui.storeAdd.submit': {
    nb: 'Legg til butikken',
    en: 'Add the store',
    sv: 'Lägg till butiken',
  },
  'backoffice.ui.storeAdd.made': {
    nb: '{store} er lagt til.',
    en: '{store} has been added.',
    sv: '{store} har lagts till.',
  },
  'backoffice.ui.storeAdd.code': {
    nb: 'Butikkode',
    en: 'Store code',
    sv: 'Butikskod',
  },
  'backoffice.ui.storeAdd.codeHint': {
    nb: 'Skriv koden når butikkens første kasse startes første gang.',
    en: 'Type the code when the store’s first till is started for the first time.',
    sv: 'Skriv koden när butikens första kassa startas första gången.',
  },
  'backoffice.ui.storeAdd.copy': {
    nb: 'Kopier koden',
    en: 'Copy the code',
    sv: 'Kopiera koden',
  },
  'backoffice.ui.storeAdd.copied': {
    nb: 'Kopiert',
    en: 'Copied.',
    sv: 'Kopierad',
  },
  'backoffice.ui.storeRename.open': {
    nb: 'Endre navn',
    en: 'Rename',
    sv: 'Byt namn',
  },
  'backoffice.ui.storeRename.title': {
    nb: 'Nytt navn på {store}',
    en: 'A new name for {store}',
    sv: 'Nytt namn på {store}',
  },
  'backoffice.ui.storeRename.hint': {
    nb: 'Kasser som alt er koblet til butikken, viser det gamle navnet.',
    en: 'Tills already paired with the store keep showing the old name.',
    sv: 'Kassor som redan är kopplade till butiken visar det gamla namnet.',
  },
  'backoffice.ui.storeRename.submit': {
    nb: 'Lagre navnet',
    en: 'Save the name',
    sv: 'Spara namnet',
  },
  'backoffice.ui.storeRename.done': {
    nb: 'Butikken heter nå {store}.',
    en: 'The store is now called {store}.',
    sv: 'Butiken heter nu {store}.',
  },
  'backoffice.ui.staffEdit.add': {
    nb: 'Legg til ansatt',
    en: 'Add a staff member',
    sv: 'Lägg till anställd',
  },
  'backoffice.ui.staffEdit.edit': {
    nb: 'Endre',
    en: 'Edit',
    sv: 'Ändra',
  },
  'backoffice.ui.staffEdit.titleNew': {
    nb: 'Ny ansatt i {store}',
    en: 'A new staff member at {store}',
    sv: 'Ny anställd i {store}',
  },
  'backoffice.ui.staffEdit.titleEdit': {
    nb: 'Endre {name}',
    en: 'Edit {name}',
    sv: 'Ändra {name}',
  },
  'backoffice.ui.staffEdit.pin': {
    nb: 'PIN-kode',
    en: 'PIN',
    sv: 'PIN-kod',
  },
  'backoffice.ui.staffEdit.newPin': {
    nb: 'Ny PIN-kode',
    en: 'New PIN',
    sv: 'Ny PIN-kod',
  },
  'backoffice.ui.staffEdit.pinAgain': {
    nb: 'PIN-koden en gang til',
    en: 'The PIN once more',
    sv: 'PIN-koden en gång till',
  },
  'backoffice.ui.staffEdit.pinHint': {
    nb: '4 til 8 sifre. Den ansatte logger inn på kjedens kasser med den.',
    en: '4 to 8 digits. The staff member logs in at the chain’s tills with it.',
    sv: '4 till 8 siffror. Den anställda loggar in i kedjans kassor med den.',
  },
  'backoffice.ui.staffEdit.keepPin': {
    nb: 'La feltene stå tomme for å beholde PIN-koden.',
    en: 'Leave the fields empty to keep the PIN.',
    sv: 'Lämna fälten tomma för att behålla PIN-koden.',
  },
  'backoffice.ui.staffEdit.save': {
    nb: 'Lagre',
    en: 'Save',
    sv: 'Spara',
  },
  'backoffice.ui.staffEdit.saved': {
    nb: '{name} er lagret. Kassene får endringen neste gang de er på nett.',
    en: '{name} has been saved. The tills get the change the next time they are online.',
    sv: '{name} är sparad. Kassorna får ändringen nästa gång de är uppkopplade.',
  },
  'backoffice.ui.staffEdit.disable': {
    nb: 'Deaktiver',
    en: 'Disable',
    sv: 'Inaktivera',
  },
  'backoffice.ui.staffEdit.enable': {
    nb: 'Aktiver',
    en: 'Enable',
    sv: 'Aktivera',
  },
  'backoffice.ui.staffEdit.disableTitle': {
    nb: 'Deaktivere {name}?',
    en: 'Disable {name}?',
    sv: 'Inaktivera {name}?',
  },
  'backoffice.ui.staffEdit.disableText': {
    nb: '{name} kan ikke lenger logge inn på kjedens kasser når de har fått endringen.',
    en: '{name} can no longer log in at the chain’s tills once they have the change.',
    sv: '{name} kan inte längre logga in i kedjans kassor när de har fått ändringen.',
  },
  'backoffice.ui.staffEdit.disabledDone': {
    nb: '{name} er deaktivert.',
    en: '{name} has been disabled.',
    sv: '{name} är inaktiverad.',
  },
  'backoffice.ui.staffEdit.enabledDone': {
    nb: '{name} er aktivert igjen.',
    en: '{name} has been enabled again.',
    sv: '{name} är aktiverad igen.',
  },
  'backoffice.ui.staffEdit.actions': {
    nb: 'Handlinger',
    en: 'Actions.',
    sv: 'Åtgärder',
  },
});
