/** Scanner and printer (native/, src/service/devices). */
import { defineMessages } from './define';

export const devicesMessages = defineMessages({
  /** A reason kept before reasons were messages: its words as they were stored. */
  'devices.asWritten': { nb: '{text}', en: '{text}', sv: '{text}' },

  // ---- the printer (native/printer/transport.ts) ------------------------------
  'devices.printer.noAnswer': {
    nb: 'Skriveren på {where} svarer ikke (er den slått på?)',
    en: 'The printer at {where} does not answer (is it switched on?)',
    sv: 'Skrivaren på {where} svarar inte (är den påslagen?)',
  },
  'devices.printer.cannotReach': {
    nb: 'Får ikke kontakt med skriveren på {where} ({code})',
    en: 'Cannot reach the printer at {where} ({code})',
    sv: 'Får ingen kontakt med skrivaren på {where} ({code})',
  },
  'devices.printer.connectionBroke': {
    nb: 'Forbindelsen til skriveren på {where} brøt ({code})',
    en: 'The connection to the printer at {where} broke ({code})',
    sv: 'Anslutningen till skrivaren på {where} bröts ({code})',
  },
  'devices.printer.tcpTimeout': {
    nb: 'Skriveren på {where} tok ikke imot utskriften i tide',
    en: 'The printer at {where} did not take the print in time',
    sv: 'Skrivaren på {where} tog inte emot utskriften i tid',
  },
  'devices.printer.outOfPaper': {
    nb: 'Skriveren på {where} er tom for papir',
    en: 'The printer at {where} is out of paper',
    sv: 'Skrivaren på {where} har slut på papper',
  },
  'devices.printer.deviceTimeout': {
    nb: 'Skriveren {path} tok ikke imot utskriften i tide',
    en: 'The printer {path} did not take the print in time',
    sv: 'Skrivaren {path} tog inte emot utskriften i tid',
  },
  'devices.printer.notFound': {
    nb: 'Finner ikke skriveren {path} (er den koblet til og slått på?)',
    en: 'No printer at {path} (is it plugged in and on?)',
    sv: 'Hittar inte skrivaren {path} (är den ansluten och påslagen?)',
  },
  'devices.printer.permission': {
    nb: 'Mangler tilgang til {path} (brukeren må være i gruppen lp)',
    en: 'No permission to write to {path} (the user must be in the lp group)',
    sv: 'Saknar behörighet till {path} (användaren måste vara med i gruppen lp)',
  },
  'devices.printer.writeFailed': {
    nb: 'Utskrift til {path} feilet ({code})',
    en: 'Printing to {path} failed ({code})',
    sv: 'Utskrift till {path} misslyckades ({code})',
  },
  'devices.printer.lpTimeout': {
    nb: 'lp svarte ikke for skriveren {name}',
    en: 'lp did not answer for the printer {name}',
    sv: 'lp svarade inte för skrivaren {name}',
  },
  'devices.printer.noLp': {
    nb: 'Kommandoen lp finnes ikke på denne maskinen: installer CUPS eller bruk tcp:// eller en enhetsfil',
    en: 'The lp command is not on this machine: install CUPS, or use tcp:// or a device path',
    sv: 'Kommandot lp finns inte på den här datorn: installera CUPS eller använd tcp:// eller en enhetsfil',
  },
  'devices.printer.lpStart': {
    nb: 'lp kunne ikke startes: {detail}',
    en: 'lp could not start: {detail}',
    sv: 'lp kunde inte startas: {detail}',
  },
  'devices.printer.lpRefused': {
    nb: 'lp avviste utskriften til {name}: {detail}',
    en: 'lp refused the print for {name}: {detail}',
    sv: 'lp avvisade utskriften till {name}: {detail}',
  },

  // ---- the print queue (native/printer/print-queue.ts) ------------------------
  'devices.printer.none': {
    nb: 'Ingen skriver er satt opp: kvitteringen venter i køen',
    en: 'No printer is set up: the receipt waits in the queue',
    sv: 'Ingen skrivare är inställd: kvittot väntar i kön',
  },
  'devices.printer.cannotPrint': {
    nb: 'Kvitteringen kan ikke skrives ut: {detail}',
    en: 'The receipt cannot be printed: {detail}',
    sv: 'Kvittot kan inte skrivas ut: {detail}',
  },

  // ---- the serial scanner (native/scanner) ------------------------------------
  'devices.scanner.portListUnavailable': {
    nb: 'Datamaskinen ga ingen liste over porter, så kassen viser portene den fant selv.',
    en: 'The computer gave no list of its ports, so the till shows the ports it found itself.',
    sv: 'Datorn gav ingen lista över portar, så kassan visar portarna den hittade själv.',
  },
  'devices.scanner.notOpen': {
    nb: 'Skanneren er ikke åpnet ennå',
    en: 'The scanner is not open yet',
    sv: 'Skannern är inte öppnad ännu',
  },
  'devices.scanner.connected': {
    nb: 'Skanneren er tilkoblet på {path}',
    en: 'The scanner is connected on {path}',
    sv: 'Skannern är ansluten på {path}',
  },
  'devices.scanner.unplugged': {
    nb: 'Skanneren ble koblet fra',
    en: 'The scanner was unplugged',
    sv: 'Skannern kopplades från',
  },
  'devices.scanner.closed': {
    nb: 'Skanneren ble lukket',
    en: 'The scanner port was closed',
    sv: 'Skannerporten stängdes',
  },
  'devices.scanner.notFound': {
    nb: 'Finner ikke skanneren på {path}',
    en: 'No scanner found at {path}',
    sv: 'Hittar ingen skanner på {path}',
  },
  'devices.scanner.permission': {
    nb: 'Mangler tilgang til {path} (brukeren må være i gruppen dialout)',
    en: 'No permission to open {path} (the user must be in the dialout group)',
    sv: 'Saknar behörighet att öppna {path} (användaren måste vara med i gruppen dialout)',
  },
  'devices.scanner.busy': {
    nb: '{path} er i bruk av et annet program',
    en: '{path} is in use by another program',
    sv: '{path} används av ett annat program',
  },
  'devices.scanner.error': {
    nb: 'Skannerfeil på {path}: {detail}',
    en: 'Scanner error on {path}: {detail}',
    sv: 'Skannerfel på {path}: {detail}',
  },
});
