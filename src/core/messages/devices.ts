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
    nb: 'Får ikke kontakt med skriveren på {where}. Sjekk at den er slått på og koblet til nettet.',
    en: 'Cannot reach the printer at {where} ({code}). Check that it is on and connected to the network.',
    sv: 'Får ingen kontakt med skrivaren på {where}. Kontrollera att den är påslagen och ansluten till nätverket.',
  },
  'devices.printer.connectionBroke': {
    nb: 'Forbindelsen til skriveren på {where} ble brutt',
    en: 'The connection to the printer at {where} broke ({code})',
    sv: 'Anslutningen till skrivaren på {where} bröts',
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
    nb: 'Kassen har ikke tilgang til skriveren {path} (brukeren må være i gruppen lp)',
    en: 'The till may not write to the printer {path} (the user must be in the lp group)',
    sv: 'Saknar behörighet till {path} (användaren måste vara med i gruppen lp)',
  },
  'devices.printer.writeFailed': {
    nb: 'Utskriften til {path} feilet',
    en: 'Printing to {path} failed ({code})',
    sv: 'Utskriften till {path} misslyckades',
  },
  'devices.printer.lpTimeout': {
    nb: 'Utskriftssystemet (lp) svarte ikke for skriveren {name}',
    en: 'The print system (lp) did not answer for the printer {name}',
    sv: 'lp svarade inte för skrivaren {name}',
  },
  'devices.printer.noLp': {
    nb: 'Utskriftssystemet (CUPS) er ikke installert på denne maskinen. Installer det, eller bruk en skriveradresse med tcp:// eller en enhetssti.',
    en: 'The print system (CUPS) is not installed on this computer. Install it, or use a printer address with tcp:// or a device path.',
    sv: 'Kommandot lp finns inte på den här datorn: installera CUPS eller använd tcp:// eller en enhetsfil',
  },
  'devices.printer.lpStart': {
    nb: 'Utskriftssystemet (lp) kunne ikke startes',
    en: 'The print system (lp) could not start ({detail})',
    sv: 'Utskriftssystemet (lp) kunde inte startas',
  },
  'devices.printer.lpRefused': {
    nb: 'Utskriftssystemet avviste utskriften til {name}',
    en: 'The print system refused the print for {name} ({detail})',
    sv: 'Utskriftssystemet avvisade utskriften till {name}',
  },

  // ---- the print queue (native/printer/print-queue.ts) ------------------------
  'devices.printer.none': {
    nb: 'Ingen skriver er satt opp: kvitteringen venter i køen',
    en: 'No printer is set up: the receipt waits in the queue',
    sv: 'Ingen skrivare är inställd: kvittot väntar i kön',
  },
  'devices.printer.cannotPrint': {
    nb: 'Kvitteringen kan ikke skrives ut',
    en: 'The receipt cannot be printed ({detail})',
    sv: 'Kvittot kan inte skrivas ut',
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
    nb: 'Forbindelsen til skanneren ble lukket',
    en: 'The scanner port was closed',
    sv: 'Skannerporten stängdes',
  },
  'devices.scanner.notFound': {
    nb: 'Finner ikke skanneren på {path}',
    en: 'No scanner found at {path}',
    sv: 'Hittar ingen skanner på {path}',
  },
  'devices.scanner.permission': {
    nb: 'Kassen har ikke tilgang til {path} (brukeren må være i gruppen dialout)',
    en: 'The till may not open {path} (the user must be in the dialout group)',
    sv: 'Saknar behörighet att öppna {path} (användaren måste vara med i gruppen dialout)',
  },
  'devices.scanner.busy': {
    nb: '{path} er i bruk av et annet program',
    en: '{path} is in use by another program',
    sv: '{path} används av ett annat program',
  },
  'devices.scanner.error': {
    nb: 'Skanneren på {path} har en feil. Koble den fra og til igjen.',
    en: 'The scanner on {path} has a fault ({detail}). Unplug it and plug it in again.',
    sv: 'Skannern på {path} har ett fel. Koppla ur den och anslut den igen.',
  },
});
