/**
 * "Dagens tall": the day's figures for the till's store, on the manager's
 * screen (src/ui/screens/DayReportDialog.tsx) and printed on the receipt
 * printer (src/core/day-report.ts). The figures' names (`dayReport.*`) are
 * the same on both; `ui.dayReport.*` are the screen's own words.
 */
import { defineMessages } from './define';

export const dayReportMessages = defineMessages({
  'dayReport.title': { nb: 'Dagens tall', en: "Today's figures", sv: 'Dagens siffror' },
  'dayReport.day': { nb: 'Dag: {date}', en: 'Day: {date}', sv: 'Dag: {date}' },
  'dayReport.printedAt': {
    nb: 'Skrevet ut {date} kl. {time}',
    en: 'Printed {date} at {time}',
    sv: 'Utskrivet {date} kl. {time}',
  },
  'dayReport.sales': { nb: 'Salg', en: 'Sales', sv: 'Försäljning' },
  'dayReport.receipts': { nb: 'Antall kvitteringer', en: 'Receipts', sv: 'Antal kvitton' },
  'dayReport.salesAmount': { nb: 'Omsetning', en: 'Sales amount', sv: 'Omsättning' },
  'dayReport.returns': {
    nb: 'Returer ({count})',
    en: 'Returns ({count})',
    sv: 'Returer ({count})',
  },
  'dayReport.net': { nb: 'Netto', en: 'Net', sv: 'Netto' },
  'dayReport.voided': {
    nb: 'Annullert ({count})',
    en: 'Voided ({count})',
    sv: 'Makulerat ({count})',
  },
  'dayReport.members': { nb: 'Kundeklubben', en: 'Loyalty club', sv: 'Kundklubben' },
  'dayReport.memberReceipts': {
    nb: 'Medlemmenes andel av kvitteringene',
    en: "Members' share of receipts",
    sv: 'Medlemmarnas andel av kvittona',
  },
  'dayReport.memberAmount': {
    nb: 'Medlemmenes andel av omsetningen',
    en: "Members' share of sales",
    sv: 'Medlemmarnas andel av omsättningen',
  },
  'dayReport.memberSales': {
    nb: 'Medlemskjøp',
    en: 'Member purchases',
    sv: 'Medlemsköp',
  },
  'dayReport.share': { nb: '{share}', en: '{share}', sv: '{share}' },
  'dayReport.noShare': { nb: '–', en: '–', sv: '–' },
  'dayReport.coupons': { nb: 'Kuponger brukt', en: 'Coupons used', sv: 'Kuponger använda' },
  'dayReport.rewards': {
    nb: 'Belønninger brukt',
    en: 'Rewards used',
    sv: 'Belöningar använda',
  },
  'dayReport.pointsRedeemed': {
    nb: 'Poeng brukt',
    en: 'Points used',
    sv: 'Poäng använda',
  },
  'dayReport.enrolments': {
    nb: 'Nye medlemmer',
    en: 'New members',
    sv: 'Nya medlemmar',
  },
  'dayReport.byStaff': {
    nb: 'Innmeldinger per ansatt',
    en: 'Enrolments per staff member',
    sv: 'Nya medlemmar per anställd',
  },
  'dayReport.noStaff': {
    nb: 'Uten ansatt (selvbetjent)',
    en: 'No staff member (self-service)',
    sv: 'Utan anställd (självbetjäning)',
  },
  'dayReport.noEnrolments': {
    nb: 'Ingen nye medlemmer i dag.',
    en: 'No new members today.',
    sv: 'Inga nya medlemmar i dag.',
  },
  'dayReport.source': {
    nb: 'Fra kassens egne data, også uten nett.',
    en: "From this till's own data, offline too.",
    sv: 'Från kassans egna data, även utan nät.',
  },
  'ui.dayReport.open': { nb: 'Dagens tall', en: "Today's figures", sv: 'Dagens siffror' },
  'ui.dayReport.loading': {
    nb: 'Henter dagens tall …',
    en: "Fetching today's figures …",
    sv: 'Hämtar dagens siffror …',
  },
  'ui.dayReport.refresh': { nb: 'Oppdater', en: 'Refresh', sv: 'Uppdatera' },
  'ui.dayReport.print': { nb: 'Skriv ut', en: 'Print', sv: 'Skriv ut' },
  'ui.dayReport.noPrinter': {
    nb: 'Ingen kvitteringsskriver er satt opp.',
    en: 'No receipt printer is set up.',
    sv: 'Ingen kvittoskrivare är inställd.',
  },
  'ui.dayReport.printSending': {
    nb: 'Dagens tall sendes til skriveren …',
    en: "Sending today's figures to the printer …",
    sv: 'Dagens siffror skickas till skrivaren …',
  },
  'ui.dayReport.printPrinted': {
    nb: 'Dagens tall er skrevet ut.',
    en: "Today's figures have been printed.",
    sv: 'Dagens siffror är utskrivna.',
  },
  'ui.dayReport.printWaiting': {
    nb: 'Dagens tall venter på skriveren: {reason}',
    en: "Today's figures are waiting for the printer: {reason}",
    sv: 'Dagens siffror väntar på skrivaren: {reason}',
  },
  'ui.dayReport.printFailed': {
    nb: 'Dagens tall kunne ikke skrives ut: {reason}',
    en: "Today's figures could not be printed: {reason}",
    sv: 'Dagens siffror kunde inte skrivas ut: {reason}',
  },
  'ui.dayReport.printJob': {
    nb: 'Dagens tall {date}',
    en: "Today's figures {date}",
    sv: 'Dagens siffror {date}',
  },
});
