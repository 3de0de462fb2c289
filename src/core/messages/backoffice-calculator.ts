/**
 * The back office's loyalty calculator (src/backoffice/pages/CalculatorPage.tsx
 * and src/core/loyalty-calculator.ts): the baseline, the three levers, the
 * revenue per customer before and after, the chart and the formula with the
 * figures filled in (`backoffice.ui.calculator.*`), and what is wrong with a
 * typed figure (`backoffice.calculator.*`).
 */
import { defineMessages } from './define';

export const backofficeCalculatorMessages = defineMessages({
  'backoffice.calculator.empty': {
    nb: 'Skriv et tall her (0 om det ikke skal endres).',
    en: 'Type a number here (0 for no change).',
    sv: 'Skriv ett tal här (0 om det inte ska ändras).',
  },
  'backoffice.calculator.notANumber': {
    nb: 'Skriv et tall med høyst to desimaler, som 350 eller 2,5.',
    en: 'Type a number with at most two decimals, like 350 or 2.5.',
    sv: 'Skriv ett tal med högst två decimaler, som 350 eller 2,5.',
  },
  'backoffice.calculator.negative': {
    nb: 'Tallet kan ikke være negativt.',
    en: 'The number cannot be negative.',
    sv: 'Talet kan inte vara negativt.',
  },
  'backoffice.calculator.baselineZero': {
    nb: 'Skriv mer enn 0: økningen regnes ut fra dette tallet.',
    en: 'Type more than 0: the increase is worked out from this figure.',
    sv: 'Skriv mer än 0: ökningen räknas ut från det här talet.',
  },
  'backoffice.calculator.tooLarge': {
    nb: 'Kalkulatoren regner med høyst {max, number} {unit, select, kr {kr} visits {besøk i året} years {år} other {måneder}}.',
    en: 'The calculator takes at most {max, number} {unit, select, kr {kr} visits {visits a year} years {years} other {months}}.',
    sv: 'Kalkylatorn räknar med högst {max, number} {unit, select, kr {kr} visits {besök per år} years {år} other {månader}}.',
  },
  'backoffice.ui.nav.calculator': {
    nb: 'Lojalitetskalkulator',
    en: 'Loyalty calculator',
    sv: 'Lojalitetskalkylator',
  },
  'backoffice.ui.calculator.title': {
    nb: 'Lojalitetskalkulator',
    en: 'Loyalty calculator',
    sv: 'Lojalitetskalkylator',
  },
  'backoffice.ui.calculator.lead': {
    nb: 'Hva betyr det for omsetningen når medlemmene handler for litt mer, kommer litt oftere og er kunder litt lenger? Skriv inn dagens tall og prøv de tre grepene.',
    en: 'What does it mean for revenue when members spend a little more, come a little more often and stay customers a little longer? Type in today’s figures and try the three levers.',
    sv: 'Vad betyder det för omsättningen när medlemmarna handlar för lite mer, kommer lite oftare och är kunder lite längre? Skriv in dagens siffror och prova de tre greppen.',
  },
  'backoffice.ui.calculator.baselineTitle': {
    nb: 'Utgangspunktet i dag',
    en: 'Today’s baseline',
    sv: 'Utgångsläget i dag',
  },
  'backoffice.ui.calculator.baselineHint': {
    nb: 'En vanlig kunde: handel per besøk, besøk i året og hvor lenge de er kunder. Skriv dem inn, eller hent dem fra medlemmenes kjøp.',
    en: 'A typical customer: spend per visit, visits a year and how long they stay a customer. Type them in, or take them from the members’ purchases.',
    sv: 'En vanlig kund: köp per besök, besök per år och hur länge de är kunder. Skriv in dem, eller hämta dem från medlemmarnas köp.',
  },
  'backoffice.ui.calculator.basketKr': {
    nb: 'Kroner per besøk',
    en: 'Kroner per visit',
    sv: 'Kronor per besök',
  },
  'backoffice.ui.calculator.visitsPerYear': {
    nb: 'Besøk i året',
    en: 'Visits a year',
    sv: 'Besök per år',
  },
  'backoffice.ui.calculator.years': {
    nb: 'År som kunde',
    en: 'Years as a customer',
    sv: 'År som kund',
  },
  'backoffice.ui.calculator.fromData': {
    nb: 'Hent fra kjedens tall',
    en: 'Take from the chain’s figures',
    sv: 'Hämta från kedjans siffror',
  },
  'backoffice.ui.calculator.fromDataBusy': {
    nb: 'Henter kjedens tall …',
    en: 'Fetching the chain’s figures …',
    sv: 'Hämtar kedjans siffror …',
  },
  'backoffice.ui.calculator.fromDataStores': {
    nb: 'Tall fra',
    en: 'Figures from',
    sv: 'Siffror från',
  },
  'backoffice.ui.calculator.allStores': {
    nb: 'Alle butikkene',
    en: 'All the stores',
    sv: 'Alla butikerna',
  },
  'backoffice.ui.calculator.sourceTitle': {
    nb: 'Slik er tallene hentet',
    en: 'How the figures were got',
    sv: 'Så har siffrorna hämtats',
  },
  'backoffice.ui.calculator.sourcePeriod': {
    nb: 'Medlemmenes kjøp fra {from} til og med {to} ({where}). Annullerte kjøp og returer er trukket fra.',
    en: 'The members’ purchases from {from} to {to} inclusive ({where}). Voided sales and returns are taken off.',
    sv: 'Medlemmarnas köp från {from} till och med {to} ({where}). Makulerade köp och returer är avdragna.',
  },
  'backoffice.ui.calculator.sourceBasket': {
    nb: 'Kroner per besøk: {sales, number, ::.00/w} kr ÷ {receipts, number} kjøp = {basket, number, ::.00/w} kr.',
    en: 'Kroner per visit: {sales, number, ::.00/w} kr ÷ {receipts, plural, one {# purchase} other {# purchases}} = {basket, number, ::.00/w} kr.',
    sv: 'Kronor per besök: {sales, number, ::.00/w} kr ÷ {receipts, number} köp = {basket, number, ::.00/w} kr.',
  },
  'backoffice.ui.calculator.sourceVisits': {
    nb: 'Besøk i året: {receipts, number} kjøp ÷ {buyers, number} medlemmer som handlet = {visits, number}.',
    en: 'Visits a year: {receipts, plural, one {# purchase} other {# purchases}} ÷ {buyers, plural, one {# member} other {# members}} who bought = {visits, number}.',
    sv: 'Besök per år: {receipts, number} köp ÷ {buyers, number} medlemmar som handlade = {visits, number}.',
  },
  'backoffice.ui.calculator.sourceLife': {
    nb: 'År som kunde: Av {then, number} medlemmer som var kunder {day} (handlet i løpet av de {days, number} dagene før), er {lost, number} tapt nå (ikke handlet på {days, number} dager). Frafallet er {churn} i året, og en kunde blir i snitt 1 ÷ {churn} = {years, number} år.',
    en: 'Years as a customer: Of {then, plural, one {# member} other {# members}} who were customers on {day} (bought in the {days, number} days before), {lost, number} {lost, plural, one {is} other {are}} lost now (no purchase in {days, number} days). That is {churn} lost a year, so a customer stays 1 ÷ {churn} = {years, number} years on average.',
    sv: 'År som kund: Av {then, number} medlemmar som var kunder {day} (handlade under de {days, number} dagarna före) är {lost, number} förlorade nu (inte handlat på {days, number} dagar). Bortfallet är {churn} per år, och en kund stannar i snitt 1 ÷ {churn} = {years, number} år.',
  },
  'backoffice.ui.calculator.shortNoMembers': {
    nb: 'Kjeden har ingen medlemmer ennå, så det er ingen tall å hente. Skriv inn tallene selv.',
    en: 'The chain has no members yet, so there are no figures to take. Type the figures in yourself.',
    sv: 'Kedjan har inga medlemmar ännu, så det finns inga siffror att hämta. Skriv in siffrorna själv.',
  },
  'backoffice.ui.calculator.shortNoPurchases': {
    nb: '{what}: Medlemmene har ikke handlet noe i denne perioden ennå.',
    en: '{what}: The members have not bought anything in this period yet.',
    sv: '{what}: Medlemmarna har inte handlat något under den här perioden ännu.',
  },
  'backoffice.ui.calculator.shortVisits': {
    nb: '{what}: Medlemmenes kjøp går bare tilbake til {first}, ikke et helt år.',
    en: '{what}: The members’ purchases go back only to {first}, not a whole year.',
    sv: '{what}: Medlemmarnas köp går bara tillbaka till {first}, inte ett helt år.',
  },
  'backoffice.ui.calculator.shortLife': {
    nb: '{what}: Medlemmenes kjøp går bare tilbake til {first}. Det trengs kjøp fra før {from} for å se hvem som er tapt siden.',
    en: '{what}: The members’ purchases go back only to {first}. Purchases from before {from} are needed to see who has been lost since.',
    sv: '{what}: Medlemmarnas köp går bara tillbaka till {first}. Det behövs köp från före {from} för att se vilka som förlorats sedan dess.',
  },
  'backoffice.ui.calculator.shortNoCustomersThen': {
    nb: '{what}: Ingen medlemmer var kunder {day}, så frafallet kan ikke måles.',
    en: '{what}: No members were customers on {day}, so how many are lost cannot be measured.',
    sv: '{what}: Inga medlemmar var kunder {day}, så bortfallet kan inte mätas.',
  },
  'backoffice.ui.calculator.shortNoneLost': {
    nb: '{what}: Ingen av de {then, number} som var kunder {day}, er tapt siden. Kundetiden er lengre enn ett års tall kan vise; skriv inn et anslag.',
    en: '{what}: None of the {then, number} who were customers on {day} has been lost since. Customers stay longer than a year’s figures can show; type in an estimate.',
    sv: '{what}: Ingen av de {then, number} som var kunder {day} har förlorats sedan dess. Kundtiden är längre än ett års siffror kan visa; skriv in en uppskattning.',
  },
  'backoffice.ui.calculator.sourceFilled': {
    nb: 'Tallene er fylt inn i feltene over. Du kan endre dem.',
    en: 'The figures are filled in above. You may change them.',
    sv: 'Siffrorna är ifyllda i fälten ovan. Du kan ändra dem.',
  },
  'backoffice.ui.calculator.sourceTypeRest': {
    nb: 'Tallene som ikke kunne hentes, skriver du inn selv.',
    en: 'Type in yourself the figures that could not be taken.',
    sv: 'Siffrorna som inte kunde hämtas skriver du in själv.',
  },
  'backoffice.ui.calculator.leversTitle': {
    nb: 'Grepene',
    en: 'The levers',
    sv: 'Greppen',
  },
  'backoffice.ui.calculator.leversHint': {
    nb: 'Skriv tallet eller dra i glidebryteren (piltastene flytter den også).',
    en: 'Type the figure or drag the slider (the arrow keys move it too).',
    sv: 'Skriv talet eller dra i reglaget (piltangenterna flyttar det också).',
  },
  'backoffice.ui.calculator.moreKr': {
    nb: 'Kroner mer per besøk',
    en: 'Kroner more per visit',
    sv: 'Kronor mer per besök',
  },
  'backoffice.ui.calculator.moreVisits': {
    nb: 'Flere besøk i året',
    en: 'More visits a year',
    sv: 'Fler besök per år',
  },
  'backoffice.ui.calculator.moreMonths': {
    nb: 'Måneder lenger som kunde',
    en: 'Months longer as a customer',
    sv: 'Månader längre som kund',
  },
  'backoffice.ui.calculator.plusKr': {
    nb: '+{amount, number} kr',
    en: '+{amount, number} kr',
    sv: '+{amount, number} kr',
  },
  'backoffice.ui.calculator.plusVisits': {
    nb: '{count, plural, one {+# besøk} other {+# besøk}} i året',
    en: '{count, plural, one {+# visit} other {+# visits}} a year',
    sv: '{count, plural, one {+# besök} other {+# besök}} per år',
  },
  'backoffice.ui.calculator.plusMonths': {
    nb: '{count, plural, one {+# måned} other {+# måneder}}',
    en: '{count, plural, one {+# month} other {+# months}}',
    sv: '{count, plural, one {+# månad} other {+# månader}}',
  },
  'backoffice.ui.calculator.slider': {
    nb: 'Glidebryter: {what}',
    en: 'Slider: {what}',
    sv: 'Reglage: {what}',
  },
  'backoffice.ui.calculator.resultTitle': {
    nb: 'Omsetning per kunde',
    en: 'Revenue per customer',
    sv: 'Omsättning per kund',
  },
  'backoffice.ui.calculator.resultHint': {
    nb: 'Alt en kunde handler for i hele tiden som kunde.',
    en: 'All a customer spends over their whole time as a customer.',
    sv: 'Allt en kund handlar för under hela tiden som kund.',
  },
  'backoffice.ui.calculator.before': {
    nb: 'I dag',
    en: 'Today',
    sv: 'I dag',
  },
  'backoffice.ui.calculator.after': {
    nb: 'Med grepene',
    en: 'With the levers',
    sv: 'Med greppen',
  },
  'backoffice.ui.calculator.change': {
    nb: 'Økning',
    en: 'Increase',
    sv: 'Ökning',
  },
  'backoffice.ui.calculator.kr': {
    nb: '{amount, number, ::.00/w} kr',
    en: '{amount, number, ::.00/w} kr',
    sv: '{amount, number, ::.00/w} kr',
  },
  'backoffice.ui.calculator.plusPercent': {
    nb: '+{change}',
    en: '+{change}',
    sv: '+{change}',
  },
  'backoffice.ui.calculator.morePerCustomer': {
    nb: '+{amount, number, ::.00/w} kr per kunde',
    en: '+{amount, number, ::.00/w} kr per customer',
    sv: '+{amount, number, ::.00/w} kr per kund',
  },
  'backoffice.ui.calculator.start': {
    nb: 'Skriv inn dagens tall, så regnes økningen ut.',
    en: 'Type in today’s figures and the increase is worked out.',
    sv: 'Skriv in dagens siffror, så räknas ökningen ut.',
  },
  'backoffice.ui.calculator.waiting': {
    nb: 'Rett opp tallene som er merket, så regnes det ut.',
    en: 'Correct the figures marked and it is worked out.',
    sv: 'Rätta siffrorna som är markerade, så räknas det ut.',
  },
  'backoffice.ui.calculator.chartTitle': {
    nb: 'Før og etter, og hva hvert grep gir',
    en: 'Before and after, and what each lever brings',
    sv: 'Före och efter, och vad varje grepp ger',
  },
  'backoffice.ui.calculator.chartSummary': {
    nb: 'Stolpediagram. I dag: {before}. Med grepene: {after}, av det {basket} fra mer per besøk, {visits} fra flere besøk og {months} fra lengre tid som kunde.',
    en: 'Bar chart. Today: {before}. With the levers: {after}, of which {basket} from more per visit, {visits} from more visits and {months} from a longer time as a customer.',
    sv: 'Stapeldiagram. I dag: {before}. Med greppen: {after}, varav {basket} från mer per besök, {visits} från fler besök och {months} från längre tid som kund.',
  },
  'backoffice.ui.calculator.seriesToday': {
    nb: 'Dagens omsetning',
    en: 'Today’s revenue',
    sv: 'Dagens omsättning',
  },
  'backoffice.ui.calculator.seriesBasket': {
    nb: 'Mer per besøk',
    en: 'More per visit',
    sv: 'Mer per besök',
  },
  'backoffice.ui.calculator.seriesVisits': {
    nb: 'Flere besøk',
    en: 'More visits',
    sv: 'Fler besök',
  },
  'backoffice.ui.calculator.seriesMonths': {
    nb: 'Lenger som kunde',
    en: 'Longer as a customer',
    sv: 'Längre som kund',
  },
  'backoffice.ui.calculator.sharedNote': {
    nb: 'Grepene forsterker hverandre. Det de gir sammen, er delt likt mellom dem.',
    en: 'The levers strengthen each other. What they bring together is shared evenly between them.',
    sv: 'Greppen förstärker varandra. Det de ger tillsammans delas lika mellan dem.',
  },
  'backoffice.ui.calculator.formulaTitle': {
    nb: 'Slik regnes det',
    en: 'How it is worked out',
    sv: 'Så räknas det',
  },
  'backoffice.ui.calculator.formula': {
    nb: 'Omsetning per kunde = kroner per besøk × besøk i året × år som kunde',
    en: 'Revenue per customer = kroner per visit × visits a year × years as a customer',
    sv: 'Omsättning per kund = kronor per besök × besök per år × år som kund',
  },
  'backoffice.ui.calculator.formulaBefore': {
    nb: 'I dag: {basket, number, ::.00/w} kr × {visits, number} besøk × {years, number} år = {revenue}',
    en: 'Today: {basket, number, ::.00/w} kr × {visits, plural, one {# visit} other {# visits}} × {years, plural, one {# year} other {# years}} = {revenue}',
    sv: 'I dag: {basket, number, ::.00/w} kr × {visits, number} besök × {years, number} år = {revenue}',
  },
  'backoffice.ui.calculator.formulaAfter': {
    nb: 'Med grepene: ({basket, number, ::.00/w} kr + {moreBasket, number, ::.00/w} kr) × ({visits, number} + {moreVisits, number}) besøk × ({years, number} år + {moreMonths, number} mnd.) = {revenue}',
    en: 'With the levers: ({basket, number, ::.00/w} kr + {moreBasket, number, ::.00/w} kr) × ({visits, number} + {moreVisits, number}) visits × ({years, number} years + {moreMonths, number} months) = {revenue}',
    sv: 'Med greppen: ({basket, number, ::.00/w} kr + {moreBasket, number, ::.00/w} kr) × ({visits, number} + {moreVisits, number}) besök × ({years, number} år + {moreMonths, number} mån.) = {revenue}',
  },
  'backoffice.ui.calculator.formulaChange': {
    nb: 'Økning: {after} ÷ {before} − 1 = +{change}',
    en: 'Increase: {after} ÷ {before} − 1 = +{change}',
    sv: 'Ökning: {after} ÷ {before} − 1 = +{change}',
  },
});
