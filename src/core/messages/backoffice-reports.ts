/**
 * The back office's reports (src/backoffice/pages/ReportsPage.tsx and
 * src/backoffice/pages/reports/*, the commands of src/contract/backoffice/reports.ts):
 * the range and stores, each report's title, note, chart and table, the CSV
 * columns (`backoffice.ui.reports.*`), and what is wrong with a range typed
 * (`backoffice.input.reports.*`).
 */
import { defineMessages } from './define';

export const backofficeReportsMessages = defineMessages({
  'backoffice.input.reports.day': {
    nb: 'Skriv datoen som år-måned-dag, for eksempel 2026-11-30.',
    en: 'Type the date as year-month-day, for example 2026-11-30.',
    sv: 'Skriv datumet som år-månad-dag, till exempel 2026-11-30.',
  },
  'backoffice.input.reports.order': {
    nb: 'Til-datoen kan ikke være før fra-datoen.',
    en: 'The to date cannot be before the from date.',
    sv: 'Till-datumet kan inte vara före från-datumet.',
  },
  'backoffice.input.reports.span': {
    nb: 'En rapport kan dekke høyst {max, number} dager.',
    en: 'A report may cover at most {max, number} days.',
    sv: 'En rapport kan täcka högst {max, number} dagar.',
  },
  'backoffice.input.reports.topN': {
    nb: 'Velg et helt antall medlemmer fra 1 til {max, number}.',
    en: 'Choose a whole number of members from 1 to {max, number}.',
    sv: 'Välj ett helt antal medlemmar från 1 till {max, number}.',
  },
  'backoffice.ui.nav.reports': {
    nb: 'Rapporter',
    en: 'Reports',
    sv: 'Rapporter',
  },
  'backoffice.ui.reports.title': {
    nb: 'Rapporter',
    en: 'Reports on the loyalty club',
    sv: 'Rapporter om kundklubben',
  },
  'backoffice.ui.reports.lead': {
    nb: 'Hvordan kundeklubben går: salg, innmeldinger, kuponger, klippekort, poeng og bonusstige. Velg periode og butikker; hver rapport kan lastes ned som CSV (åpnes i Excel) og skrives ut.',
    en: 'How the loyalty club is doing: sales, enrolments, coupons, punch cards, points and tiers. Choose the period and stores; each report downloads as CSV (opens in Excel) and prints.',
    sv: 'Hur kundklubben går: försäljning, inskrivningar, kuponger, stämpelkort, poäng och nivåer. Välj period och butiker; varje rapport kan laddas ner som CSV (öppnas i Excel) och skrivas ut.',
  },
  'backoffice.ui.reports.from': { nb: 'Fra dato', en: 'From date', sv: 'Från datum' },
  'backoffice.ui.reports.to': { nb: 'Til dato', en: 'To date', sv: 'Till datum' },
  'backoffice.ui.reports.stores': { nb: 'Butikker', en: 'Stores in the report', sv: 'Butiker' },
  'backoffice.ui.reports.allStores': {
    nb: 'Ingen valgt betyr alle butikkene dine.',
    en: 'None chosen means all your stores.',
    sv: 'Inget valt betyder alla dina butiker.',
  },
  'backoffice.ui.reports.show': { nb: 'Vis rapport', en: 'Show report', sv: 'Visa rapport' },
  'backoffice.ui.reports.choose': { nb: 'Rapport', en: 'Report', sv: 'Rapport' },
  'backoffice.ui.reports.loading': {
    nb: 'Henter tallene …',
    en: 'Fetching the figures …',
    sv: 'Hämtar siffrorna …',
  },
  'backoffice.ui.reports.empty': {
    nb: 'Ingen tall for denne perioden og disse butikkene.',
    en: 'No figures for this period and these stores.',
    sv: 'Inga siffror för den här perioden och de här butikerna.',
  },
  'backoffice.ui.reports.csv': { nb: 'Last ned CSV', en: 'Download CSV', sv: 'Ladda ner CSV' },
  'backoffice.ui.reports.print': { nb: 'Skriv ut', en: 'Print report', sv: 'Skriv ut' },
  'backoffice.ui.reports.period': {
    nb: '{from} – {to} · {stores}',
    en: '{from} – {to} · {stores}',
    sv: '{from} – {to} · {stores}',
  },
  'backoffice.ui.reports.storeCount': {
    nb: '{count, plural, one {# butikk} other {# butikker}}',
    en: '{count, plural, one {# store} other {# stores}}',
    sv: '{count, plural, one {# butik} other {# butiker}}',
  },
  'backoffice.ui.reports.total': { nb: 'Sum', en: 'Total of the period', sv: 'Summa' },
  'backoffice.ui.reports.day': { nb: 'Dag', en: 'Day', sv: 'Dag' },
  'backoffice.ui.reports.store': { nb: 'Butikk', en: 'Store', sv: 'Butik' },
  'backoffice.ui.reports.staff': { nb: 'Ansatt', en: 'Staff member', sv: 'Anställd' },
  'backoffice.ui.reports.staffUnknown': {
    nb: 'Ikke oppgitt',
    en: 'Not recorded',
    sv: 'Inte angiven',
  },
  'backoffice.ui.reports.chartNote': {
    nb: 'Diagrammet viser det samme som tabellen under.',
    en: 'The chart shows what the table below says.',
    sv: 'Diagrammet visar samma sak som tabellen nedan.',
  },

  // 1. Members' share of sales
  'backoffice.ui.reports.share.tab': {
    nb: 'Medlemsandel',
    en: 'Members’ share',
    sv: 'Medlemsandel',
  },
  'backoffice.ui.reports.share.title': {
    nb: 'Medlemmenes andel av salget',
    en: 'Members’ share of sales',
    sv: 'Medlemmarnas andel av försäljningen',
  },
  'backoffice.ui.reports.share.note': {
    nb: 'Salg etter annulleringer og returer, per dag i butikkens tidssone. Kunder som ikke er medlemmer telles ikke som personer (kassen vet ikke hvem de er), så andelen av kundene kan ikke regnes ut – bare andelen av salget og av kvitteringene, og hvor mange ulike medlemmer som handlet.',
    en: 'Sales after voids and returns, per day in the store’s time zone. Customers who are not members are not counted as persons (the till does not know who they are), so the share of customers cannot be worked out – only the share of sales and of receipts, and how many different members bought.',
    sv: 'Försäljning efter makuleringar och returer, per dag i butikens tidszon. Kunder som inte är medlemmar räknas inte som personer (kassan vet inte vilka de är), så andelen av kunderna kan inte räknas ut – bara andelen av försäljningen och av kvittona, och hur många olika medlemmar som handlade.',
  },
  'backoffice.ui.reports.share.amount': { nb: 'Salg', en: 'Sales', sv: 'Försäljning' },
  'backoffice.ui.reports.share.memberAmount': {
    nb: 'Salg til medlemmer',
    en: 'Sales to members',
    sv: 'Försäljning till medlemmar',
  },
  'backoffice.ui.reports.share.otherAmount': {
    nb: 'Salg til andre',
    en: 'Sales to others',
    sv: 'Försäljning till andra',
  },
  'backoffice.ui.reports.share.amountShare': {
    nb: 'Medlemmenes andel av salget',
    en: 'Members’ share of the sales amount',
    sv: 'Medlemmarnas andel av försäljningen i kronor',
  },
  'backoffice.ui.reports.share.receipts': { nb: 'Kvitteringer', en: 'Receipts', sv: 'Kvitton' },
  'backoffice.ui.reports.share.memberReceipts': {
    nb: 'Medlemskvitteringer',
    en: 'Members’ receipts',
    sv: 'Medlemskvitton',
  },
  'backoffice.ui.reports.share.receiptShare': {
    nb: 'Andel kvitteringer',
    en: 'Members’ share of receipts',
    sv: 'Andel kvitton',
  },
  'backoffice.ui.reports.share.members': {
    nb: 'Ulike medlemmer',
    en: 'Different members who bought',
    sv: 'Olika medlemmar',
  },
  'backoffice.ui.reports.share.headline': {
    nb: 'Medlemmene sto for {amount} av salget og {receipts} av kvitteringene.',
    en: 'Members made {amount} of sales and {receipts} of receipts.',
    sv: 'Medlemmarna stod för {amount} av försäljningen och {receipts} av kvittona.',
  },
  'backoffice.ui.reports.share.chart': {
    nb: 'Salg per dag, medlemmer og andre. Medlemmenes andel av salget i perioden: {share}.',
    en: 'Sales per day, members and others. Members’ share of sales in the period: {share}.',
    sv: 'Försäljning per dag, medlemmar och andra. Medlemmarnas andel i perioden: {share}.',
  },

  // 2. Enrolments
  'backoffice.ui.reports.enrolments.tab': {
    nb: 'Innmeldinger',
    en: 'Enrolments',
    sv: 'Inskrivningar',
  },
  'backoffice.ui.reports.enrolments.title': {
    nb: 'Innmeldinger per dag, butikk og ansatt',
    en: 'Enrolments per day, store and staff member',
    sv: 'Inskrivningar per dag, butik och anställd',
  },
  'backoffice.ui.reports.enrolments.note': {
    nb: 'Nye medlemmer der de ble meldt inn, per dag i butikkens tidssone. Sammenslåtte medlemmer telles én gang.',
    en: 'New members where they enrolled, per day in the store’s time zone. Merged members count once.',
    sv: 'Nya medlemmar där de skrevs in, per dag i butikens tidszon. Sammanslagna medlemmar räknas en gång.',
  },
  'backoffice.ui.reports.enrolments.count': {
    nb: 'Innmeldinger',
    en: 'New members enrolled',
    sv: 'Inskrivningar',
  },
  'backoffice.ui.reports.enrolments.chart': {
    nb: '{count, plural, one {# innmelding} other {# innmeldinger}} i perioden, per dag.',
    en: '{count, plural, one {# enrolment} other {# enrolments}} in the period, per day.',
    sv: '{count, plural, one {# inskrivning} other {# inskrivningar}} i perioden, per dag.',
  },
  'backoffice.ui.reports.enrolments.byStaff': {
    nb: 'Per ansatt',
    en: 'Per staff member',
    sv: 'Per anställd',
  },

  // 3. Top members
  'backoffice.ui.reports.top.tab': { nb: 'Toppkunder', en: 'Top customers', sv: 'Toppkunder' },
  'backoffice.ui.reports.top.title': {
    nb: 'De {n, number} medlemmene som handlet mest',
    en: 'The {n, number} members who spent the most',
    sv: 'De {n, number} medlemmar som handlade mest',
  },
  'backoffice.ui.reports.top.note': {
    nb: 'Kjøp etter annulleringer og returer i de valgte butikkene og perioden. Slettede medlemmer vises uten navn.',
    en: 'Purchases after voids and returns at the chosen stores in the period. Erased members are shown without a name.',
    sv: 'Köp efter makuleringar och returer i de valda butikerna och perioden. Raderade medlemmar visas utan namn.',
  },
  'backoffice.ui.reports.top.n': { nb: 'Antall', en: 'How many', sv: 'Antal' },
  'backoffice.ui.reports.top.rank': { nb: 'Nr.', en: 'Rank', sv: 'Nr' },
  'backoffice.ui.reports.top.member': { nb: 'Medlem', en: 'Member', sv: 'Medlem' },
  'backoffice.ui.reports.top.memberNumber': {
    nb: 'Medlemsnummer',
    en: 'Member number',
    sv: 'Medlemsnummer',
  },
  'backoffice.ui.reports.top.phone': { nb: 'Telefon', en: 'Phone', sv: 'Telefon' },
  'backoffice.ui.reports.top.spend': { nb: 'Handlet for', en: 'Spent', sv: 'Handlat för' },
  'backoffice.ui.reports.top.receipts': { nb: 'Kjøp', en: 'Purchases', sv: 'Köp' },
  'backoffice.ui.reports.top.erased': {
    nb: '(slettet medlem)',
    en: '(erased member)',
    sv: '(raderad medlem)',
  },
  'backoffice.ui.reports.top.chart': {
    nb: 'Søyler: hva hvert av de {n, number} medlemmene handlet for.',
    en: 'Bars: what each of the {n, number} members spent.',
    sv: 'Staplar: vad var och en av de {n, number} medlemmarna handlade för.',
  },
  'backoffice.ui.reports.top.campaign': {
    nb: 'Lag kampanje',
    en: 'Create campaign',
    sv: 'Skapa kampanj',
  },
  'backoffice.ui.reports.top.campaignHint': {
    nb: 'Lagrer listen som et segment, så en kampanje kan sendes til nettopp disse medlemmene.',
    en: 'Saves the list as a segment, so a campaign can go to exactly these members.',
    sv: 'Sparar listan som ett segment, så att en kampanj kan gå till just dessa medlemmar.',
  },
  'backoffice.ui.reports.top.segmentName': {
    nb: 'Topp {n, number} kunder {from} – {to}',
    en: 'Top {n, number} customers {from} – {to}',
    sv: 'Topp {n, number} kunder {from} – {to}',
  },
  'backoffice.ui.reports.top.saved': {
    nb: 'Segmentet «{name}» er lagret.',
    en: 'The segment “{name}” is saved.',
    sv: 'Segmentet ”{name}” är sparat.',
  },
  'backoffice.ui.reports.top.openSegment': {
    nb: 'Åpne segmentet',
    en: 'Open the segment',
    sv: 'Öppna segmentet',
  },

  // 4. Coupons
  'backoffice.ui.reports.coupons.tab': { nb: 'Kuponger', en: 'Coupons', sv: 'Kuponger' },
  'backoffice.ui.reports.coupons.title': {
    nb: 'Innløste kuponger per kampanje og type',
    en: 'Coupons redeemed per campaign and kind',
    sv: 'Inlösta kuponger per kampanj och typ',
  },
  'backoffice.ui.reports.coupons.note': {
    nb: 'Kuponger brukt i kjøp, minus annullerte kjøp. En kupong brukt to ganger av kasser uten nett telles to ganger (se Konflikter).',
    en: 'Coupons used in purchases, less voided purchases. A coupon used twice by offline tills counts twice (see Conflicts).',
    sv: 'Kuponger använda i köp, minus makulerade köp. En kupong som använts två gånger av kassor utan nät räknas två gånger (se Konflikter).',
  },
  'backoffice.ui.reports.coupons.kind': { nb: 'Type', en: 'Kind of coupon', sv: 'Typ' },
  'backoffice.ui.reports.coupons.rule': {
    nb: 'Kampanje eller regel',
    en: 'Campaign or rule',
    sv: 'Kampanj eller regel',
  },
  'backoffice.ui.reports.coupons.redemptions': {
    nb: 'Innløst',
    en: 'Redeemed',
    sv: 'Inlösta',
  },
  'backoffice.ui.reports.coupons.ruleGone': {
    nb: 'Ikke i kundeklubben lenger ({id})',
    en: 'No longer in the programme ({id})',
    sv: 'Inte längre i programmet ({id})',
  },
  'backoffice.ui.reports.coupons.chart': {
    nb: '{count, plural, one {# kupong innløst} other {# kuponger innløst}}, per type.',
    en: '{count, plural, one {# coupon redeemed} other {# coupons redeemed}}, per kind.',
    sv: '{count, plural, one {# kupong inlöst} other {# kuponger inlösta}}, per typ.',
  },
  'backoffice.ui.reports.coupons.kindName': {
    nb: '{kind, select, welcome {Velkomst} birthday {Bursdag} spend {Handlebeløp} points {Kjøpt med poeng} campaign {Kampanje} tier {Bonusstige} referral {Verving} other {Annen}}',
    en: '{kind, select, welcome {Welcome} birthday {Birthday} spend {Spend} points {Bought with points} campaign {Campaign} tier {Tier} referral {Referral} other {Other}}',
    sv: '{kind, select, welcome {Välkomst} birthday {Födelsedag} spend {Köpbelopp} points {Köpt med poäng} campaign {Kampanj} tier {Nivå} referral {Värvning} other {Annan}}',
  },

  // 5. Punch cards
  'backoffice.ui.reports.punch.tab': { nb: 'Klippekort', en: 'Punch cards', sv: 'Stämpelkort' },
  'backoffice.ui.reports.punch.title': {
    nb: 'Fulle klippekort per kort',
    en: 'Punch cards completed per card',
    sv: 'Fulla stämpelkort per kort',
  },
  'backoffice.ui.reports.punch.note': {
    nb: 'Kort som ble fulle (belønning opptjent) i perioden, minus annullerte kjøp. Navn fra kundeklubben slik den er nå.',
    en: 'Cards filled (reward earned) in the period, less voided purchases. Names from the programme in force.',
    sv: 'Kort som blev fulla (belöning intjänad) i perioden, minus makulerade köp. Namn från programmet som gäller nu.',
  },
  'backoffice.ui.reports.punch.card': { nb: 'Klippekort', en: 'Card', sv: 'Kort' },
  'backoffice.ui.reports.punch.completed': {
    nb: 'Fulle kort',
    en: 'Cards completed',
    sv: 'Fulla kort',
  },
  'backoffice.ui.reports.punch.cardGone': {
    nb: 'Ikke i kundeklubben lenger ({id})',
    en: 'Card no longer in the programme ({id})',
    sv: 'Kortet finns inte längre i programmet ({id})',
  },
  'backoffice.ui.reports.punch.chart': {
    nb: '{count, plural, one {# fullt klippekort} other {# fulle klippekort}}, per kort.',
    en: '{count, plural, one {# punch card completed} other {# punch cards completed}}, per card.',
    sv: '{count, plural, one {# fullt stämpelkort} other {# fulla stämpelkort}}, per kort.',
  },

  // 6. Points liability
  'backoffice.ui.reports.liability.tab': {
    nb: 'Poenggjeld',
    en: 'Points liability',
    sv: 'Poängskuld',
  },
  'backoffice.ui.reports.liability.title': {
    nb: 'Poenggjeld i kroner',
    en: 'Points liability in kroner',
    sv: 'Poängskuld i kronor',
  },
  'backoffice.ui.reports.liability.note': {
    nb: 'Poeng medlemmene har til gode nå (medlemmer meldt inn i de valgte butikkene; perioden gjelder ikke her), verdt {value} per poeng etter kundeklubbens regler nå, og hva som går ut i hver av de neste seks månedene.',
    en: 'Points the members hold now (members enrolled at the chosen stores; the period does not apply here), worth {value} a point by the programme in force, and what expires in each of the next six months.',
    sv: 'Poäng medlemmarna har kvar nu (medlemmar inskrivna i de valda butikerna; perioden gäller inte här), värda {value} per poäng enligt programmet som gäller nu, och vad som går ut under var och en av de kommande sex månaderna.',
  },
  'backoffice.ui.reports.liability.points': { nb: 'Poeng', en: 'Points held', sv: 'Poäng' },
  'backoffice.ui.reports.liability.value': { nb: 'Verdi', en: 'Value', sv: 'Värde' },
  'backoffice.ui.reports.liability.members': {
    nb: 'Medlemmer med poeng',
    en: 'Members holding points',
    sv: 'Medlemmar med poäng',
  },
  'backoffice.ui.reports.liability.heldNow': {
    nb: 'Til gode nå',
    en: 'Held now',
    sv: 'Kvar nu',
  },
  'backoffice.ui.reports.liability.month': {
    nb: 'Går ut i',
    en: 'Expires in',
    sv: 'Går ut i',
  },
  'backoffice.ui.reports.liability.notRedeemable': {
    nb: 'Poeng kan ikke løses inn som rabatt i kundeklubben slik den er nå, så verdien er 0 kr.',
    en: 'Points cannot be redeemed as a discount in the programme in force, so their value is 0 kr.',
    sv: 'Poäng kan inte lösas in som rabatt i programmet som gäller nu, så värdet är 0 kr.',
  },
  'backoffice.ui.reports.liability.headline': {
    nb: '{points, number} poeng til gode, verdt {value}.',
    en: '{points, number} points held, worth {value}.',
    sv: '{points, number} poäng kvar, värda {value}.',
  },
  'backoffice.ui.reports.liability.chart': {
    nb: 'Poeng som går ut per måned de neste seks månedene, i kroner.',
    en: 'Points expiring per month over the next six months, in kroner.',
    sv: 'Poäng som går ut per månad de kommande sex månaderna, i kronor.',
  },

  // 7. Tier movement
  'backoffice.ui.reports.tiers.tab': { nb: 'Bonusstige', en: 'Tier movement', sv: 'Nivåer' },
  'backoffice.ui.reports.tiers.title': {
    nb: 'Bevegelse i bonusstigen per måned',
    en: 'Movement between tiers per month',
    sv: 'Rörelse mellan nivåer per månad',
  },
  'backoffice.ui.reports.tiers.note': {
    nb: 'Medlemmer meldt inn i de valgte butikkene før månedens start: nivået ved månedens start mot nivået ved slutten, etter reglene i kundeklubben slik den er nå.',
    en: 'Members enrolled at the chosen stores before the month began: their level at the start of the month against the level at its end, by the rules of the programme in force.',
    sv: 'Medlemmar inskrivna i de valda butikerna före månadens början: nivån vid månadens början mot nivån vid dess slut, enligt reglerna i programmet som gäller nu.',
  },
  'backoffice.ui.reports.tiers.off': {
    nb: 'Kundeklubben har ingen bonusstige.',
    en: 'The programme has no tiers.',
    sv: 'Programmet har inga nivåer.',
  },
  'backoffice.ui.reports.tiers.period': { nb: 'Måned', en: 'Month', sv: 'Månad' },
  'backoffice.ui.reports.tiers.up': { nb: 'Opp', en: 'Moved up', sv: 'Upp' },
  'backoffice.ui.reports.tiers.kept': {
    nb: 'Samme nivå',
    en: 'Kept their level',
    sv: 'Samma nivå',
  },
  'backoffice.ui.reports.tiers.down': { nb: 'Ned', en: 'Moved down', sv: 'Ner' },
  'backoffice.ui.reports.tiers.chart': {
    nb: 'Medlemmer som gikk opp, holdt nivået eller gikk ned, per måned.',
    en: 'Members who moved up, kept their level or moved down, per month.',
    sv: 'Medlemmar som gick upp, behöll nivån eller gick ner, per månad.',
  },
});
