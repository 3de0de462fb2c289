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
    nb: 'En vanlig kunde: handel per besøk, besøk i året og hvor lenge de er kunder.',
    en: 'A typical customer: spend per visit, visits a year and how long they stay a customer.',
    sv: 'En vanlig kund: köp per besök, besök per år och hur länge de är kunder.',
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
