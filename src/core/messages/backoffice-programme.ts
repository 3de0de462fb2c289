/**
 * The programme editor's words (src/backoffice/pages/ProgrammePage.tsx and
 * pages/programme/*): `backoffice.ui.programme.*`, said as `t('programme.x')`.
 * The programme's own checks speak through programme.* (messages/programme.ts);
 * `error.*` are said for the checks zod makes itself (a number too small).
 */
import { defineMessages } from './define';

export const backofficeProgrammeMessages = defineMessages({
  'backoffice.ui.programme.title': {
    nb: 'Kundeklubben',
    en: 'Loyalty programme',
    sv: 'Kundklubben',
  },
  'backoffice.ui.programme.lead': {
    nb: 'Reglene for kundeklubben i butikkene i kjeden. Du publiserer dem til alle butikkene eller til noen av dem, nå eller fra en dato.',
    en: 'The rules of the loyalty programme in the stores of the chain. You publish them to every store or to some, now or from a date.',
    sv: 'Reglerna för kundklubben i butikerna i kedjan. Du publicerar dem till alla butiker eller till några, nu eller från ett datum.',
  },
  'backoffice.ui.programme.readOnly': {
    nb: 'Du kan se reglene. Bare eieren kan publisere endringer.',
    en: 'You can see the rules. Only an owner can publish changes.',
    sv: 'Du kan se reglerna. Bara ägaren kan publicera ändringar.',
  },
  'backoffice.ui.programme.noneYet': {
    nb: 'Kjeden har ikke publisert regler for kundeklubben ennå. Start fra en mal.',
    en: 'The chain has not published any rules yet. Start from a template.',
    sv: 'Kedjan har inte publicerat några regler ännu. Börja från en mall.',
  },
  'backoffice.ui.programme.current': {
    nb: 'Siste versjon: {number}, publisert {when}.',
    en: 'Newest version: {number}, published {when}.',
    sv: 'Senaste version: {number}, publicerad {when}.',
  },
  'backoffice.ui.programme.draftFrom': {
    nb: 'Utkastet bygger på malen {name}.',
    en: 'The draft starts from the template {name}.',
    sv: 'Utkastet bygger på mallen {name}.',
  },
  'backoffice.ui.programme.sections': {
    nb: 'Deler av kundeklubben',
    en: 'Parts of the programme',
    sv: 'Delar av kundklubben',
  },
  'backoffice.ui.programme.templates.title': {
    nb: 'Start fra en mal',
    en: 'Start from a template',
    sv: 'Börja från en mall',
  },
  'backoffice.ui.programme.templates.use': {
    nb: 'Bruk {name}',
    en: 'Use {name}',
    sv: 'Använd {name}',
  },
  'backoffice.ui.programme.templates.confirmTitle': {
    nb: 'Bruke malen {name}?',
    en: 'Use the template {name}?',
    sv: 'Använda mallen {name}?',
  },
  'backoffice.ui.programme.templates.confirm': {
    nb: 'Utkastet blir malen {name}. Endringer som ikke er publisert, går tapt. Ingenting publiseres før du trykker Publiser.',
    en: 'The draft becomes the template {name}. Changes not yet published are lost. Nothing is published until you press Publish.',
    sv: 'Utkastet blir mallen {name}. Ändringar som inte är publicerade går förlorade. Inget publiceras förrän du trycker Publicera.',
  },
  'backoffice.ui.programme.templates.confirmButton': {
    nb: 'Bruk malen',
    en: 'Use the template',
    sv: 'Använd mallen',
  },
  'backoffice.ui.programme.bar.unsaved': {
    nb: 'Endringer som ikke er publisert',
    en: 'Changes not yet published',
    sv: 'Ändringar som inte är publicerade',
  },
  'backoffice.ui.programme.bar.clean': {
    nb: 'Ingen endringer å publisere',
    en: 'No changes to publish',
    sv: 'Inga ändringar att publicera',
  },
  'backoffice.ui.programme.bar.problems': {
    nb: '{count, plural, one {# felt må rettes før du kan publisere} other {# felt må rettes før du kan publisere}}',
    en: '{count, plural, one {# field needs fixing before you can publish.} other {# fields need fixing before you can publish.}}',
    sv: '{count, plural, one {# fält måste rättas innan du kan publicera} other {# fält måste rättas innan du kan publicera}}',
  },
  'backoffice.ui.programme.bar.firstProblem': {
    nb: 'Gå til første feil',
    en: 'Go to the first problem',
    sv: 'Gå till första felet',
  },
  'backoffice.ui.programme.bar.publish': {
    nb: 'Publiser',
    en: 'Publish',
    sv: 'Publicera',
  },
  'backoffice.ui.programme.bar.discard': {
    nb: 'Forkast endringene',
    en: 'Discard the changes',
    sv: 'Släng ändringarna',
  },
  'backoffice.ui.programme.bar.where': {
    nb: 'Du velger butikker og første dag når du publiserer.',
    en: 'You choose the stores and the first day when you publish.',
    sv: 'Du väljer butiker och första dag när du publicerar.',
  },
  'backoffice.ui.programme.publish.confirmTitle': {
    nb: 'Publisere reglene?',
    en: 'Publish the rules?',
    sv: 'Publicera reglerna?',
  },
  'backoffice.ui.programme.publish.confirm': {
    nb: 'Versjon {number} sendes til kassene så snart de er tilkoblet. Salg som alt er gjort, regnes ikke om.',
    en: 'Version {number} goes to the tills as soon as they are connected. Sales already made are not recalculated.',
    sv: 'Version {number} skickas till kassorna så snart de är anslutna. Försäljning som redan gjorts räknas inte om.',
  },
  'backoffice.ui.programme.publish.note': {
    nb: 'Merknad (valgfritt)',
    en: 'Note (optional)',
    sv: 'Anteckning (valfritt)',
  },
  'backoffice.ui.programme.publish.noteHint': {
    nb: 'Et par ord om hva som er endret, for historikken.',
    en: 'A few words on what changed, for the history.',
    sv: 'Några ord om vad som ändrats, för historiken.',
  },
  'backoffice.ui.programme.publish.button': {
    nb: 'Publiser versjon {number}',
    en: 'Publish version {number}',
    sv: 'Publicera version {number}',
  },
  'backoffice.ui.programme.publish.done': {
    nb: 'Versjon {number} er publisert. Kassene henter den neste gang de er tilkoblet.',
    en: 'Version {number} is published. The tills fetch it the next time they are connected.',
    sv: 'Version {number} är publicerad. Kassorna hämtar den nästa gång de är anslutna.',
  },
  'backoffice.ui.programme.publish.where': {
    nb: 'Hvilke butikker',
    en: 'Which stores',
    sv: 'Vilka butiker',
  },
  'backoffice.ui.programme.publish.allStores': {
    nb: 'Alle butikkene i kjeden, også de som kommer til',
    en: 'Every store of the chain, those added later too',
    sv: 'Alla butiker i kedjan, även de som tillkommer',
  },
  'backoffice.ui.programme.publish.chosenStores': {
    nb: 'Bare butikkene jeg velger',
    en: 'Only the stores I choose',
    sv: 'Bara de butiker jag väljer',
  },
  'backoffice.ui.programme.publish.when': {
    nb: 'Fra når',
    en: 'From when',
    sv: 'Från när',
  },
  'backoffice.ui.programme.publish.now': {
    nb: 'Med en gang',
    en: 'At once',
    sv: 'Genast',
  },
  'backoffice.ui.programme.publish.fromDate': {
    nb: 'Fra en dato',
    en: 'From a date',
    sv: 'Från ett datum',
  },
  'backoffice.ui.programme.publish.date': {
    nb: 'Første dag',
    en: 'First day',
    sv: 'Första dag',
  },
  'backoffice.ui.programme.publish.dateHint': {
    nb: 'Reglene gjelder fra midnatt denne dagen, også på kasser som ikke er tilkoblet da. Til da gjelder reglene som gjelder nå.',
    en: 'The rules apply from midnight on that day, also at tills that are not connected then. Until then the rules in force now apply.',
    sv: 'Reglerna gäller från midnatt den dagen, även på kassor som inte är anslutna då. Till dess gäller reglerna som gäller nu.',
  },
  'backoffice.ui.programme.publish.noStores': {
    nb: 'Velg minst én butikk.',
    en: 'Choose at least one store.',
    sv: 'Välj minst en butik.',
  },
  'backoffice.ui.programme.publish.badDate': {
    nb: 'Skriv en dato som 2027-01-31.',
    en: 'Give a date such as 2027-01-31.',
    sv: 'Ange ett datum som 2027-01-31.',
  },
  'backoffice.ui.programme.publish.pastDate': {
    nb: 'Den dagen har vært. Velg i dag eller en senere dag.',
    en: 'That day has passed. Choose today or a later day.',
    sv: 'Den dagen har passerat. Välj i dag eller en senare dag.',
  },
  'backoffice.ui.programme.publish.unknownStore': {
    nb: 'En av butikkene finnes ikke lenger i kjeden. Last inn siden på nytt.',
    en: 'One of the stores is no longer in the chain. Reload the page.',
    sv: 'En av butikerna finns inte längre i kedjan. Ladda om sidan.',
  },
  'backoffice.ui.programme.publish.donePlanned': {
    nb: 'Versjon {number} er publisert og gjelder fra {date}.',
    en: 'Version {number} is published and applies from {date}.',
    sv: 'Version {number} är publicerad och gäller från {date}.',
  },
  'backoffice.ui.programme.leave': {
    nb: 'Du har endringer som ikke er publisert.',
    en: 'You have changes that are not published.',
    sv: 'Du har ändringar som inte är publicerade.',
  },
  'backoffice.ui.programme.leaveText': {
    nb: 'Går du til en annen side nå, forsvinner endringene.',
    en: 'If you go to another page now, the changes are lost.',
    sv: 'Går du till en annan sida nu försvinner ändringarna.',
  },
  'backoffice.ui.programme.leaveStay': {
    nb: 'Bli her',
    en: 'Stay here',
    sv: 'Stanna här',
  },
  'backoffice.ui.programme.leaveGo': {
    nb: 'Gå videre uten å publisere',
    en: 'Go on without publishing',
    sv: 'Gå vidare utan att publicera',
  },
  'backoffice.ui.programme.section.general': {
    nb: 'Generelt',
    en: 'General',
    sv: 'Allmänt',
  },
  'backoffice.ui.programme.section.points': {
    nb: 'Poeng',
    en: 'Points',
    sv: 'Poäng',
  },
  'backoffice.ui.programme.section.tiers': {
    nb: 'Bonusstige',
    en: 'Tiers',
    sv: 'Bonustrappa',
  },
  'backoffice.ui.programme.section.punchCards': {
    nb: 'Klippekort',
    en: 'Punch cards',
    sv: 'Stämpelkort',
  },
  'backoffice.ui.programme.section.coupons': {
    nb: 'Kuponger',
    en: 'Coupons',
    sv: 'Kuponger',
  },
  'backoffice.ui.programme.section.campaigns': {
    nb: 'Kampanjer',
    en: 'Campaigns',
    sv: 'Kampanjer',
  },
  'backoffice.ui.programme.section.referral': {
    nb: 'Verv en venn',
    en: 'Refer a friend',
    sv: 'Värva en vän',
  },
  'backoffice.ui.programme.section.cashback': {
    nb: 'Bonus i kroner',
    en: 'Cashback',
    sv: 'Bonus i kronor',
  },
  'backoffice.ui.programme.section.memberPrices': {
    nb: 'Medlemspriser',
    en: 'Member prices',
    sv: 'Medlemspriser',
  },
  'backoffice.ui.programme.section.stacking': {
    nb: 'Kombinering',
    en: 'Stacking',
    sv: 'Kombinering',
  },
  'backoffice.ui.programme.section.verify': {
    nb: 'Bekreftelse av medlem',
    en: 'Member check',
    sv: 'Bekräftelse av medlem',
  },
  'backoffice.ui.programme.section.preview': {
    nb: 'Prøv utkastet',
    en: 'Try the draft',
    sv: 'Prova utkastet',
  },
  'backoffice.ui.programme.section.history': {
    nb: 'Versjoner',
    en: 'Versions',
    sv: 'Versioner',
  },
  'backoffice.ui.programme.section.problems': {
    nb: 'Må rettes her: {text}',
    en: 'To fix here: {text}',
    sv: 'Måste rättas här: {text}',
  },
  'backoffice.ui.programme.common.remove': {
    nb: 'Fjern',
    en: 'Remove',
    sv: 'Ta bort',
  },
  'backoffice.ui.programme.common.cancel': {
    nb: 'Avbryt',
    en: 'Cancel',
    sv: 'Avbryt',
  },
  'backoffice.ui.programme.common.on': {
    nb: 'På',
    en: 'On',
    sv: 'På',
  },
  'backoffice.ui.programme.common.nameNb': {
    nb: 'Navn på bokmål',
    en: 'Name in Norwegian',
    sv: 'Namn på norska',
  },
  'backoffice.ui.programme.common.nameEn': {
    nb: 'Navn på engelsk',
    en: 'Name in English',
    sv: 'Namn på engelska',
  },
  'backoffice.ui.programme.common.shortName': {
    nb: 'Kortnavn',
    en: 'Short name',
    sv: 'Kortnamn',
  },
  'backoffice.ui.programme.common.shortNameHint': {
    nb: 'Små bokstaver, tall og bindestrek, for eksempel kaffe.',
    en: 'Lower-case letters, digits and hyphens, for example coffee.',
    sv: 'Små bokstäver, siffror och bindestreck, till exempel kaffe.',
  },
  'backoffice.ui.programme.common.listHint': {
    nb: 'Skill med komma.',
    en: 'Separate with commas.',
    sv: 'Skilj med komma.',
  },
  'backoffice.ui.programme.common.emptyAll': {
    nb: 'Skill med komma. Tomt: alle.',
    en: 'Separate with commas. Empty: all.',
    sv: 'Skilj med komma. Tomt: alla.',
  },
  'backoffice.ui.programme.common.emptyNoLimit': {
    nb: 'Tomt: ingen grense.',
    en: 'Empty: no limit.',
    sv: 'Tomt: ingen gräns.',
  },
  'backoffice.ui.programme.common.dateHint': {
    nb: 'Dato som ÅÅÅÅ-MM-DD.',
    en: 'A date as YYYY-MM-DD.',
    sv: 'Datum som ÅÅÅÅ-MM-DD.',
  },
  'backoffice.ui.programme.general.name': {
    nb: 'Navn på kundeklubben',
    en: 'Name of the loyalty programme',
    sv: 'Namn på kundklubben',
  },
  'backoffice.ui.programme.general.terms': {
    nb: 'Versjon av vilkårene',
    en: 'Version of the terms',
    sv: 'Version av villkoren',
  },
  'backoffice.ui.programme.general.termsHint': {
    nb: 'Endre den når vilkårene medlemmene godtar, endres.',
    en: 'Change it when the terms members accept change.',
    sv: 'Ändra den när villkoren medlemmarna godkänner ändras.',
  },
  'backoffice.ui.programme.general.termsText': {
    nb: 'Medlemsvilkår',
    en: 'Membership terms',
    sv: 'Medlemsvillkor',
  },
  'backoffice.ui.programme.general.termsTextHint': {
    nb: 'Ren tekst; linjeskift beholdes. Kunden leser dem når de melder seg inn med mobilen.',
    en: 'Plain text; line breaks are kept. Customers read them when they join on their phone.',
    sv: 'Ren text; radbrytningar behålls. Kunden läser dem när de går med via mobilen.',
  },
  'backoffice.ui.programme.general.termsNewVersion': {
    nb: 'Endrer du vilkårene, gi dem et nytt versjonsnummer.',
    en: 'If you change the terms, give them a new version number.',
    sv: 'Ändrar du villkoren, ge dem ett nytt versionsnummer.',
  },
  'backoffice.ui.programme.general.prefix': {
    nb: 'Starten på medlemsnumrene',
    en: 'Start of member numbers',
    sv: 'Början på medlemsnumren',
  },
  'backoffice.ui.programme.general.prefixHint': {
    nb: 'Sifrene hvert medlemsnummer begynner med.',
    en: 'The digits every member number starts with.',
    sv: 'Siffrorna varje medlemsnummer börjar med.',
  },
  'backoffice.ui.programme.points.on': {
    nb: 'Medlemmene samler poeng',
    en: 'Members collect points',
    sv: 'Medlemmarna samlar poäng',
  },
  'backoffice.ui.programme.points.mode': {
    nb: 'Slik samles poeng',
    en: 'How points are earned',
    sv: 'Så samlas poäng',
  },
  'backoffice.ui.programme.points.perAmount': {
    nb: 'Per beløp handlet',
    en: 'Per amount spent',
    sv: 'Per belopp handlat',
  },
  'backoffice.ui.programme.points.perPurchase': {
    nb: 'Per kjøp',
    en: 'Per purchase',
    sv: 'Per köp',
  },
  'backoffice.ui.programme.points.orePerStep': {
    nb: 'For hvert beløp (kr)',
    en: 'For every amount (kr)',
    sv: 'För varje belopp (kr)',
  },
  'backoffice.ui.programme.points.orePerStepHint': {
    nb: 'For eksempel 10: poeng for hver tiende krone.',
    en: 'For example 10: points for every 10 kroner.',
    sv: 'Till exempel 10: poäng för var tionde krona.',
  },
  'backoffice.ui.programme.points.pointsPerStep': {
    nb: 'Poeng for hvert beløp',
    en: 'Points for each amount',
    sv: 'Poäng för varje belopp',
  },
  'backoffice.ui.programme.points.points': {
    nb: 'Poeng per kjøp',
    en: 'Points per purchase',
    sv: 'Poäng per köp',
  },
  'backoffice.ui.programme.points.lifetime': {
    nb: 'Poengene varer (måneder)',
    en: 'Points last (months)',
    sv: 'Poängen gäller (månader)',
  },
  'backoffice.ui.programme.points.lifetimeHint': {
    nb: 'Tomt: poengene varer for alltid.',
    en: 'Empty: points never run out.',
    sv: 'Tomt: poängen gäller för alltid.',
  },
  'backoffice.ui.programme.points.pendingDays': {
    nb: 'Dager før poengene kan brukes',
    en: 'Days before points can be used',
    sv: 'Dagar innan poängen kan användas',
  },
  'backoffice.ui.programme.points.pendingDaysHint': {
    nb: 'Gir tid til retur. 0: med en gang.',
    en: 'Leaves time for returns. 0: at once.',
    sv: 'Ger tid för retur. 0: direkt.',
  },
  'backoffice.ui.programme.points.redeemValue': {
    nb: 'Verdi av ett poeng (kr)',
    en: 'Value of one point (kr)',
    sv: 'Värde av en poäng (kr)',
  },
  'backoffice.ui.programme.points.redeemValueHint': {
    nb: '0: poeng kan ikke brukes som rabatt.',
    en: '0: points cannot be used as a discount.',
    sv: '0: poäng kan inte användas som rabatt.',
  },
  'backoffice.ui.programme.points.excluded': {
    nb: 'Varegrupper som ikke gir poeng',
    en: 'Categories that earn no points',
    sv: 'Varugrupper som inte ger poäng',
  },
  'backoffice.ui.programme.points.maxAdjustment': {
    nb: 'Største manuelle justering (poeng)',
    en: 'Largest manual adjustment (points)',
    sv: 'Största manuella justering (poäng)',
  },
  'backoffice.ui.programme.points.actions': {
    nb: 'Poeng for annet enn kjøp',
    en: 'Points for things other than buying',
    sv: 'Poäng för annat än köp',
  },
  'backoffice.ui.programme.points.actionsHint': {
    nb: 'For eksempel en anmeldelse eller en spørreundersøkelse, gitt av en leder i kassen.',
    en: 'For example a review or a survey, given by a manager at the till.',
    sv: 'Till exempel en recension eller en enkät, given av en chef i kassan.',
  },
  'backoffice.ui.programme.points.action': {
    nb: 'Handling {n}',
    en: 'Action {n}',
    sv: 'Handling {n}',
  },
  'backoffice.ui.programme.points.actionPoints': {
    nb: 'Poeng for handlingen',
    en: 'Points for the action',
    sv: 'Poäng för handlingen',
  },
  'backoffice.ui.programme.points.addAction': {
    nb: 'Legg til handling',
    en: 'Add an action',
    sv: 'Lägg till handling',
  },
  'backoffice.ui.programme.tiers.on': {
    nb: 'Bruk bonusstige',
    en: 'Use tiers',
    sv: 'Använd bonustrappa',
  },
  'backoffice.ui.programme.tiers.period': {
    nb: 'Perioden som teller',
    en: 'The period that counts',
    sv: 'Perioden som räknas',
  },
  'backoffice.ui.programme.tiers.rolling1': {
    nb: '1 år fra innmelding',
    en: '1 year from joining',
    sv: '1 år från inträde',
  },
  'backoffice.ui.programme.tiers.rolling2': {
    nb: '2 år fra innmelding',
    en: '2 years from joining',
    sv: '2 år från inträde',
  },
  'backoffice.ui.programme.tiers.rolling3': {
    nb: '3 år fra innmelding',
    en: '3 years from joining',
    sv: '3 år från inträde',
  },
  'backoffice.ui.programme.tiers.calendar': {
    nb: 'Kalenderår',
    en: 'Calendar year',
    sv: 'Kalenderår',
  },
  'backoffice.ui.programme.tiers.level': {
    nb: 'Nivå {n}',
    en: 'Level {n}',
    sv: 'Nivå {n}',
  },
  'backoffice.ui.programme.tiers.threshold': {
    nb: 'Poeng som trengs i perioden',
    en: 'Points needed in the period',
    sv: 'Poäng som behövs i perioden',
  },
  'backoffice.ui.programme.tiers.benefit': {
    nb: 'Fordel',
    en: 'Benefit',
    sv: 'Förmån',
  },
  'backoffice.ui.programme.tiers.none': {
    nb: 'Ingen',
    en: 'None',
    sv: 'Ingen',
  },
  'backoffice.ui.programme.tiers.percentEvery': {
    nb: 'Prosent av hvert kjøp',
    en: 'A percentage off every purchase',
    sv: 'Procent av varje köp',
  },
  'backoffice.ui.programme.tiers.percentOnce': {
    nb: 'Prosent én gang per periode',
    en: 'A percentage off once per period',
    sv: 'Procent en gång per period',
  },
  'backoffice.ui.programme.tiers.coupons': {
    nb: 'Kuponger hver periode',
    en: 'Coupons each period',
    sv: 'Kuponger varje period',
  },
  'backoffice.ui.programme.tiers.percent': {
    nb: 'Rabatt (%)',
    en: 'Discount (%)',
    sv: 'Rabatt (%)',
  },
  'backoffice.ui.programme.tiers.count': {
    nb: 'Antall kuponger',
    en: 'Number of coupons',
    sv: 'Antal kuponger',
  },
  'backoffice.ui.programme.tiers.add': {
    nb: 'Legg til nivå',
    en: 'Add a level',
    sv: 'Lägg till nivå',
  },
  'backoffice.ui.programme.coupon.title': {
    nb: 'Kupongen',
    en: 'The coupon',
    sv: 'Kupongen',
  },
  'backoffice.ui.programme.coupon.kind': {
    nb: 'Kupongen gir',
    en: 'The coupon gives',
    sv: 'Kupongen ger',
  },
  'backoffice.ui.programme.coupon.percent': {
    nb: 'Prosent rabatt',
    en: 'A percentage off',
    sv: 'Procent rabatt',
  },
  'backoffice.ui.programme.coupon.amount': {
    nb: 'Kroner rabatt',
    en: 'An amount off',
    sv: 'Kronor rabatt',
  },
  'backoffice.ui.programme.coupon.freeItem': {
    nb: 'En vare gratis',
    en: 'A free item',
    sv: 'En vara gratis',
  },
  'backoffice.ui.programme.coupon.percentValue': {
    nb: 'Rabatt (%)',
    en: 'Discount (%)',
    sv: 'Rabatt (%)',
  },
  'backoffice.ui.programme.coupon.amountValue': {
    nb: 'Rabatt (kr)',
    en: 'Discount (kr)',
    sv: 'Rabatt (kr)',
  },
  'backoffice.ui.programme.coupon.freeProducts': {
    nb: 'Varer som kan bli gratis',
    en: 'Products that can be free',
    sv: 'Varor som kan bli gratis',
  },
  'backoffice.ui.programme.coupon.minBasket': {
    nb: 'Minste handel (kr)',
    en: 'Smallest purchase (kr)',
    sv: 'Minsta köp (kr)',
  },
  'backoffice.ui.programme.coupon.minBasketHint': {
    nb: '0: ingen grense.',
    en: '0: no limit.',
    sv: '0: ingen gräns.',
  },
  'backoffice.ui.programme.coupon.validDays': {
    nb: 'Gyldig i dager',
    en: 'Valid for days',
    sv: 'Giltig i dagar',
  },
  'backoffice.ui.programme.punch.card': {
    nb: 'Klippekort {n}',
    en: 'Punch card {n}',
    sv: 'Stämpelkort {n}',
  },
  'backoffice.ui.programme.punch.products': {
    nb: 'Varer som gir klipp',
    en: 'Products that earn stamps',
    sv: 'Varor som ger stämplar',
  },
  'backoffice.ui.programme.punch.productsHint': {
    nb: 'Velg fra varelisten. Ingen valgt og ingen varegruppe: alle varer.',
    en: 'Choose from the product list. None chosen and no category: every product.',
    sv: 'Välj från varulistan. Ingen vald och ingen varugrupp: alla varor.',
  },
  'backoffice.ui.programme.punch.categories': {
    nb: 'Varegrupper som gir klipp',
    en: 'Categories that earn stamps',
    sv: 'Varugrupper som ger stämplar',
  },
  'backoffice.ui.programme.punch.stamps': {
    nb: 'Klipp for å fylle kortet',
    en: 'Stamps to fill the card',
    sv: 'Stämplar för att fylla kortet',
  },
  'backoffice.ui.programme.punch.reward': {
    nb: 'Belønning for fullt kort',
    en: 'Reward for a full card',
    sv: 'Belöning för fullt kort',
  },
  'backoffice.ui.programme.punch.freeItem': {
    nb: 'Den billigste av varene gratis',
    en: 'The cheapest of the products free',
    sv: 'Den billigaste av varorna gratis',
  },
  'backoffice.ui.programme.punch.amountOff': {
    nb: 'Kroner rabatt',
    en: 'An amount off',
    sv: 'Kronor rabatt',
  },
  'backoffice.ui.programme.punch.amount': {
    nb: 'Rabatt (kr)',
    en: 'Discount (kr)',
    sv: 'Rabatt (kr)',
  },
  'backoffice.ui.programme.punch.cap': {
    nb: 'Høyst klipp per kjøp',
    en: 'Most stamps per purchase',
    sv: 'Högst stämplar per köp',
  },
  'backoffice.ui.programme.punch.add': {
    nb: 'Legg til klippekort',
    en: 'Add a punch card',
    sv: 'Lägg till stämpelkort',
  },
  'backoffice.ui.programme.punch.fromTemplate': {
    nb: 'Kjeden har ingen vareliste i skyen ennå: varene her er fra malen.',
    en: 'The chain has no product list in the cloud yet: these products are the template’s.',
    sv: 'Kedjan har ingen varulista i molnet ännu: varorna här är mallens.',
  },
  'backoffice.ui.programme.punch.filter': {
    nb: 'Finn vare',
    en: 'Find a product',
    sv: 'Hitta vara',
  },
  'backoffice.ui.programme.spend.title': {
    nb: 'Kupong for hvert beløp handlet',
    en: 'A coupon for every amount spent',
    sv: 'Kupong för varje handlat belopp',
  },
  'backoffice.ui.programme.spend.rule': {
    nb: 'Regel {n}',
    en: 'Rule {n}',
    sv: 'Regel {n}',
  },
  'backoffice.ui.programme.spend.every': {
    nb: 'For hvert beløp (kr)',
    en: 'For every amount (kr)',
    sv: 'För varje belopp (kr)',
  },
  'backoffice.ui.programme.spend.add': {
    nb: 'Legg til regel',
    en: 'Add a rule',
    sv: 'Lägg till regel',
  },
  'backoffice.ui.programme.welcome.on': {
    nb: 'Velkomstkupong til nye medlemmer',
    en: 'A welcome coupon for new members',
    sv: 'Välkomstkupong till nya medlemmar',
  },
  'backoffice.ui.programme.birthday.on': {
    nb: 'Bursdagskupong',
    en: 'A birthday coupon',
    sv: 'Födelsedagskupong',
  },
  'backoffice.ui.programme.birthday.before': {
    nb: 'Gis dager før bursdagen',
    en: 'Given days before the birthday',
    sv: 'Ges dagar före födelsedagen',
  },
  'backoffice.ui.programme.birthday.after': {
    nb: 'Gyldig dager etter bursdagen',
    en: 'Valid days after the birthday',
    sv: 'Giltig dagar efter födelsedagen',
  },
  'backoffice.ui.programme.offers.title': {
    nb: 'Kuponger medlemmene kjøper med poeng',
    en: 'Coupons members buy with points',
    sv: 'Kuponger medlemmarna köper med poäng',
  },
  'backoffice.ui.programme.offers.offer': {
    nb: 'Tilbud {n}',
    en: 'Offer {n}',
    sv: 'Erbjudande {n}',
  },
  'backoffice.ui.programme.offers.cost': {
    nb: 'Pris i poeng',
    en: 'Price in points',
    sv: 'Pris i poäng',
  },
  'backoffice.ui.programme.offers.add': {
    nb: 'Legg til tilbud',
    en: 'Add an offer',
    sv: 'Lägg till erbjudande',
  },
  'backoffice.ui.programme.campaigns.coupon': {
    nb: 'Kupongkampanjer',
    en: 'Coupon campaigns',
    sv: 'Kupongkampanjer',
  },
  'backoffice.ui.programme.campaigns.campaign': {
    nb: 'Kampanje {n}',
    en: 'Campaign {n}',
    sv: 'Kampanj {n}',
  },
  'backoffice.ui.programme.campaigns.from': {
    nb: 'Fra dato',
    en: 'From date',
    sv: 'Från datum',
  },
  'backoffice.ui.programme.campaigns.to': {
    nb: 'Til dato',
    en: 'To date',
    sv: 'Till datum',
  },
  'backoffice.ui.programme.campaigns.code': {
    nb: 'Kode på flygeblad',
    en: 'Code on flyers',
    sv: 'Kod på flygblad',
  },
  'backoffice.ui.programme.campaigns.codeHint': {
    nb: 'Store bokstaver og tall, 3 til 20 tegn. Tomt: ingen kode.',
    en: 'Capital letters and digits, 3 to 20 characters. Empty: no code.',
    sv: 'Stora bokstäver och siffror, 3 till 20 tecken. Tomt: ingen kod.',
  },
  'backoffice.ui.programme.campaigns.uses': {
    nb: 'Bruk per medlem',
    en: 'Uses per member',
    sv: 'Användningar per medlem',
  },
  'backoffice.ui.programme.campaigns.add': {
    nb: 'Legg til kampanje',
    en: 'Add a campaign',
    sv: 'Lägg till kampanj',
  },
  'backoffice.ui.programme.campaigns.bonus': {
    nb: 'Bonuskampanjer med ekstra poeng',
    en: 'Bonus campaigns with extra points',
    sv: 'Bonuskampanjer med extra poäng',
  },
  'backoffice.ui.programme.campaigns.bonusCampaign': {
    nb: 'Bonuskampanje {n}',
    en: 'Bonus campaign {n}',
    sv: 'Bonuskampanj {n}',
  },
  'backoffice.ui.programme.campaigns.multiplier': {
    nb: 'Ganger poengene med',
    en: 'Multiplies points by',
    sv: 'Gånger poängen med',
  },
  'backoffice.ui.programme.campaigns.multiplierHint': {
    nb: 'Fra 2 til 10.',
    en: 'From 2 to 10.',
    sv: 'Från 2 till 10.',
  },
  'backoffice.ui.programme.campaigns.categories': {
    nb: 'Bare disse varegruppene',
    en: 'Only these categories',
    sv: 'Bara dessa varugrupper',
  },
  'backoffice.ui.programme.campaigns.tiers': {
    nb: 'Bare disse nivåene (kortnavn)',
    en: 'Only these tiers (short names)',
    sv: 'Bara dessa nivåer (kortnamn)',
  },
  'backoffice.ui.programme.campaigns.addBonus': {
    nb: 'Legg til bonuskampanje',
    en: 'Add a bonus campaign',
    sv: 'Lägg till bonuskampanj',
  },
  'backoffice.ui.programme.segment.on': {
    nb: 'Bare for noen medlemmer',
    en: 'Only for some members',
    sv: 'Bara för vissa medlemmar',
  },
  'backoffice.ui.programme.segment.tiers': {
    nb: 'Nivåer (kortnavn)',
    en: 'Tiers (short names)',
    sv: 'Nivåer (kortnamn)',
  },
  'backoffice.ui.programme.segment.minAge': {
    nb: 'Fra alder',
    en: 'From age',
    sv: 'Från ålder',
  },
  'backoffice.ui.programme.segment.maxAge': {
    nb: 'Til alder',
    en: 'To age',
    sv: 'Till ålder',
  },
  'backoffice.ui.programme.segment.genders': {
    nb: 'Kjønn',
    en: 'Gender',
    sv: 'Kön',
  },
  'backoffice.ui.programme.segment.female': {
    nb: 'Kvinne',
    en: 'Woman',
    sv: 'Kvinna',
  },
  'backoffice.ui.programme.segment.male': {
    nb: 'Mann',
    en: 'Man',
    sv: 'Man',
  },
  'backoffice.ui.programme.segment.other': {
    nb: 'Annet',
    en: 'Other',
    sv: 'Annat',
  },
  'backoffice.ui.programme.segment.postal': {
    nb: 'Postnumre som begynner med',
    en: 'Postcodes starting with',
    sv: 'Postnummer som börjar med',
  },
  'backoffice.ui.programme.referral.on': {
    nb: 'Belønning til den som verver et nytt medlem',
    en: 'A reward for whoever brings a new member',
    sv: 'Belöning till den som värvar en ny medlem',
  },
  'backoffice.ui.programme.referral.reward': {
    nb: 'Belønningen',
    en: 'The reward',
    sv: 'Belöningen',
  },
  'backoffice.ui.programme.referral.points': {
    nb: 'Poeng',
    en: 'Points',
    sv: 'Poäng',
  },
  'backoffice.ui.programme.referral.coupon': {
    nb: 'Kupong',
    en: 'Coupon',
    sv: 'Kupong',
  },
  'backoffice.ui.programme.referral.cap': {
    nb: 'Høyst belønninger per måned',
    en: 'Most rewards per month',
    sv: 'Högst belöningar per månad',
  },
  'backoffice.ui.programme.cashback.on': {
    nb: 'Medlemmene får bonus i kroner på kjøp',
    en: 'Members get cashback in kroner on purchases',
    sv: 'Medlemmarna får bonus i kronor på köp',
  },
  'backoffice.ui.programme.cashback.percent': {
    nb: 'Bonus (%)',
    en: 'Cashback (%)',
    sv: 'Bonus (%)',
  },
  'backoffice.ui.programme.cashback.excluded': {
    nb: 'Varegrupper som ikke gir bonus',
    en: 'Categories that earn no cashback',
    sv: 'Varugrupper som inte ger bonus',
  },
  'backoffice.ui.programme.memberPrices.lead': {
    nb: 'Medlemsprisene står på varene i varelisten (Produkter). Kassen gir dem når et medlem er med på kjøpet.',
    en: 'Member prices are set on the products in the product list (Products). The till gives them when a member is on the sale.',
    sv: 'Medlemspriserna står på varorna i varulistan (Produkter). Kassan ger dem när en medlem är med på köpet.',
  },
  'backoffice.ui.programme.memberPrices.none': {
    nb: 'Ingen varer har medlemspris.',
    en: 'No products have a member price.',
    sv: 'Inga varor har medlemspris.',
  },
  'backoffice.ui.programme.memberPrices.product': {
    nb: 'Vare',
    en: 'Product',
    sv: 'Vara',
  },
  'backoffice.ui.programme.memberPrices.price': {
    nb: 'Pris',
    en: 'Price',
    sv: 'Pris',
  },
  'backoffice.ui.programme.memberPrices.member': {
    nb: 'Medlemspris',
    en: 'Member price',
    sv: 'Medlemspris',
  },
  'backoffice.ui.programme.stacking.maxCoupons': {
    nb: 'Kuponger per kjøp',
    en: 'Coupons per purchase',
    sv: 'Kuponger per köp',
  },
  'backoffice.ui.programme.stacking.maxCouponsHint': {
    nb: 'Belønninger fra klippekort kommer i tillegg.',
    en: 'Punch-card rewards come on top.',
    sv: 'Belöningar från stämpelkort tillkommer.',
  },
  'backoffice.ui.programme.stacking.tierWithCoupon': {
    nb: 'Nivårabatt også når en kupong brukes',
    en: 'Tier discount also when a coupon is used',
    sv: 'Nivårabatt även när en kupong används',
  },
  'backoffice.ui.programme.stacking.nonDiscountable': {
    nb: 'Varegrupper uten rabatt',
    en: 'Categories never discounted',
    sv: 'Varugrupper utan rabatt',
  },
  'backoffice.ui.programme.stacking.nonDiscountableHint': {
    nb: 'For eksempel Gavekort. Skill med komma.',
    en: 'For example Gift cards. Separate with commas.',
    sv: 'Till exempel Presentkort. Skilj med komma.',
  },
  'backoffice.ui.programme.verify.on': {
    nb: 'Be om kort eller PIN ved store innløsninger',
    en: 'Ask for the card or PIN on large redemptions',
    sv: 'Be om kort eller PIN vid stora inlösningar',
  },
  'backoffice.ui.programme.verify.limit': {
    nb: 'Over beløp (kr)',
    en: 'Above amount (kr)',
    sv: 'Över belopp (kr)',
  },
  'backoffice.ui.programme.verify.hint': {
    nb: 'Et medlem funnet med telefonnummer alene må vise kortet eller skrive PIN når det som brukes, er verdt mer.',
    en: 'A member found by phone number alone must show the card or type the PIN when what is used is worth more.',
    sv: 'En medlem som hittats med telefonnummer ensamt måste visa kortet eller skriva PIN när det som används är värt mer.',
  },
  'backoffice.ui.programme.preview.lead': {
    nb: 'Kurven regnes ut med de samme reglene som kassen bruker, med utkastet slik det står nå.',
    en: 'The basket is worked out by the same rules the till uses, with the draft as it stands now.',
    sv: 'Korgen räknas ut med samma regler som kassan använder, med utkastet som det står nu.',
  },
  'backoffice.ui.programme.preview.product': {
    nb: 'Vare',
    en: 'Product',
    sv: 'Vara',
  },
  'backoffice.ui.programme.preview.quantity': {
    nb: 'Antall',
    en: 'Quantity',
    sv: 'Antal',
  },
  'backoffice.ui.programme.preview.add': {
    nb: 'Legg i kurven',
    en: 'Add to the basket',
    sv: 'Lägg i korgen',
  },
  'backoffice.ui.programme.preview.empty': {
    nb: 'Kurven er tom.',
    en: 'The basket is empty.',
    sv: 'Korgen är tom.',
  },
  'backoffice.ui.programme.preview.sample': {
    nb: 'Eksempelkurv',
    en: 'Sample basket',
    sv: 'Exempelkorg',
  },
  'backoffice.ui.programme.preview.clear': {
    nb: 'Tøm kurven',
    en: 'Empty the basket',
    sv: 'Töm korgen',
  },
  'backoffice.ui.programme.preview.member': {
    nb: 'Medlem',
    en: 'Member',
    sv: 'Medlem',
  },
  'backoffice.ui.programme.preview.newMember': {
    nb: 'Et nytt medlem',
    en: 'A new member',
    sv: 'En ny medlem',
  },
  'backoffice.ui.programme.preview.backToNew': {
    nb: 'Bruk et nytt medlem i stedet',
    en: 'Use a new member instead',
    sv: 'Använd en ny medlem i stället',
  },
  'backoffice.ui.programme.preview.realMember': {
    nb: 'Et ekte medlem (telefon eller medlemsnummer)',
    en: 'A real member (phone or member number)',
    sv: 'En riktig medlem (telefon eller medlemsnummer)',
  },
  'backoffice.ui.programme.preview.find': {
    nb: 'Finn',
    en: 'Find',
    sv: 'Hitta',
  },
  'backoffice.ui.programme.preview.notFound': {
    nb: 'Ingen medlem har det nummeret.',
    en: 'No member has that number.',
    sv: 'Ingen medlem har det numret.',
  },
  'backoffice.ui.programme.preview.found': {
    nb: '{name}, medlem {number}',
    en: '{name}, member {number}',
    sv: '{name}, medlem {number}',
  },
  'backoffice.ui.programme.preview.useCoupon': {
    nb: 'Bruk {name}',
    en: 'Use {name}',
    sv: 'Använd {name}',
  },
  'backoffice.ui.programme.preview.useReward': {
    nb: 'Bruk belønningen for {name}',
    en: 'Use the reward for {name}',
    sv: 'Använd belöningen för {name}',
  },
  'backoffice.ui.programme.preview.useTierOnce': {
    nb: 'Bruk nivårabatten for {name} nå',
    en: 'Use the {name} discount now',
    sv: 'Använd nivårabatten för {name} nu',
  },
  'backoffice.ui.programme.preview.spendPoints': {
    nb: 'Poeng å bruke som rabatt (har {balance})',
    en: 'Points to spend as a discount (has {balance})',
    sv: 'Poäng att använda som rabatt (har {balance})',
  },
  'backoffice.ui.programme.preview.result': {
    nb: 'Denne kurven ville gitt',
    en: 'This basket would give',
    sv: 'Den här korgen skulle ge',
  },
  'backoffice.ui.programme.preview.points': {
    nb: '{points, plural, one {# poeng} other {# poeng}}',
    en: '{points, plural, one {# point} other {# points}}',
    sv: '{points, plural, one {# poäng} other {# poäng}}',
  },
  'backoffice.ui.programme.preview.before': {
    nb: 'Før rabatt',
    en: 'Before discounts',
    sv: 'Före rabatt',
  },
  'backoffice.ui.programme.preview.discount': {
    nb: 'Rabatt',
    en: 'Discount',
    sv: 'Rabatt',
  },
  'backoffice.ui.programme.preview.total': {
    nb: 'Å betale',
    en: 'To pay',
    sv: 'Att betala',
  },
  'backoffice.ui.programme.preview.nothingEarned': {
    nb: 'Ingen poeng, klipp eller bonus.',
    en: 'No points, stamps or cashback.',
    sv: 'Inga poäng, stämplar eller bonus.',
  },
  'backoffice.ui.programme.preview.fixFirst': {
    nb: 'Rett feltene som er merket, så regnes kurven ut.',
    en: 'Fix the marked fields, and the basket is worked out.',
    sv: 'Rätta de markerade fälten, så räknas korgen ut.',
  },
  'backoffice.ui.programme.preview.rejected': {
    nb: 'Ikke brukt: {reason}',
    en: 'Not used: {reason}',
    sv: 'Inte använd: {reason}',
  },
  'backoffice.ui.programme.history.none': {
    nb: 'Ingen versjoner ennå.',
    en: 'No versions yet.',
    sv: 'Inga versioner ännu.',
  },
  'backoffice.ui.programme.history.version': {
    nb: 'Versjon {number}',
    en: 'Version {number}',
    sv: 'Version {number}',
  },
  'backoffice.ui.programme.history.first': {
    nb: 'Den første versjonen av kundeklubben.',
    en: 'The first version of the programme.',
    sv: 'Den första versionen av kundklubben.',
  },
  'backoffice.ui.programme.history.current': {
    nb: 'I kraft i alle butikkene',
    en: 'In force in every store',
    sv: 'Gäller i alla butiker',
  },
  'backoffice.ui.programme.history.inForceAt': {
    nb: 'I kraft i: {stores}',
    en: 'In force in: {stores}',
    sv: 'Gäller i: {stores}',
  },
  'backoffice.ui.programme.history.planned': {
    nb: 'Planlagt fra {date}',
    en: 'Planned from {date}',
    sv: 'Planerad från {date}',
  },
  'backoffice.ui.programme.history.toStores': {
    nb: 'Til: {stores}',
    en: 'Published to: {stores}',
    sv: 'Till: {stores}',
  },
  'backoffice.ui.programme.history.toAll': {
    nb: 'Til alle butikkene',
    en: 'Published to every store',
    sv: 'Till alla butiker',
  },
  'backoffice.ui.programme.history.toOthers': {
    nb: 'Til butikker du ikke har tilgang til',
    en: 'Published to stores you do not reach',
    sv: 'Till butiker du inte har tillgång till',
  },
  'backoffice.ui.programme.history.byTill': {
    nb: 'En kasse',
    en: 'A till',
    sv: 'En kassa',
  },
  'backoffice.ui.programme.history.byCloud': {
    nb: 'Kjedens eget system',
    en: 'The chain’s own system',
    sv: 'Kedjans eget system',
  },
  'backoffice.ui.programme.history.rolledBack': {
    nb: 'Tilbake til versjon {number}',
    en: 'Back to version {number}',
    sv: 'Tillbaka till version {number}',
  },
  'backoffice.ui.programme.history.changed': {
    nb: 'Endret: {parts}',
    en: 'Changed: {parts}',
    sv: 'Ändrat: {parts}',
  },
  'backoffice.ui.programme.history.rollBack': {
    nb: 'Gå tilbake hit',
    en: 'Go back to this',
    sv: 'Gå tillbaka hit',
  },
  'backoffice.ui.programme.history.confirmTitle': {
    nb: 'Gå tilbake til versjon {number}?',
    en: 'Go back to version {number}?',
    sv: 'Gå tillbaka till version {number}?',
  },
  'backoffice.ui.programme.history.confirm': {
    nb: 'Reglene i versjon {number} publiseres på nytt som en ny versjon, for alle butikkene, med en gang. Utkastet du har, går tapt.',
    en: 'The rules of version {number} are published again as a new version, for every store, at once. Your draft is lost.',
    sv: 'Reglerna i version {number} publiceras igen som en ny version, för alla butiker, genast. Ditt utkast går förlorat.',
  },
  'backoffice.ui.programme.history.confirmButton': {
    nb: 'Publiser versjon {number} på nytt',
    en: 'Publish version {number} again',
    sv: 'Publicera version {number} igen',
  },
  'backoffice.ui.programme.history.done': {
    nb: 'Versjon {number} er publisert med reglene fra versjon {from}.',
    en: 'Version {number} is published with the rules of version {from}.',
    sv: 'Version {number} är publicerad med reglerna från version {from}.',
  },
  'backoffice.ui.programme.part.name': {
    nb: 'Navn',
    en: 'Name',
    sv: 'Namn',
  },
  'backoffice.ui.programme.part.points': {
    nb: 'Poeng',
    en: 'Points',
    sv: 'Poäng',
  },
  'backoffice.ui.programme.part.tiers': {
    nb: 'Bonusstige',
    en: 'Tiers',
    sv: 'Bonustrappa',
  },
  'backoffice.ui.programme.part.punchCards': {
    nb: 'Klippekort',
    en: 'Punch cards',
    sv: 'Stämpelkort',
  },
  'backoffice.ui.programme.part.spendCoupons': {
    nb: 'Kupong per beløp',
    en: 'Coupons per amount',
    sv: 'Kupong per belopp',
  },
  'backoffice.ui.programme.part.pointsOffers': {
    nb: 'Kuponger for poeng',
    en: 'Coupons for points',
    sv: 'Kuponger för poäng',
  },
  'backoffice.ui.programme.part.welcome': {
    nb: 'Velkomstkupong',
    en: 'Welcome coupon',
    sv: 'Välkomstkupong',
  },
  'backoffice.ui.programme.part.birthday': {
    nb: 'Bursdagskupong',
    en: 'Birthday coupon',
    sv: 'Födelsedagskupong',
  },
  'backoffice.ui.programme.part.campaigns': {
    nb: 'Kampanjer',
    en: 'Campaigns',
    sv: 'Kampanjer',
  },
  'backoffice.ui.programme.part.bonusCampaigns': {
    nb: 'Bonuskampanjer',
    en: 'Bonus campaigns',
    sv: 'Bonuskampanjer',
  },
  'backoffice.ui.programme.part.referral': {
    nb: 'Verv en venn',
    en: 'Refer a friend',
    sv: 'Värva en vän',
  },
  'backoffice.ui.programme.part.cashback': {
    nb: 'Bonus i kroner',
    en: 'Cashback',
    sv: 'Bonus i kronor',
  },
  'backoffice.ui.programme.part.nonDiscountableCategories': {
    nb: 'Varegrupper uten rabatt',
    en: 'Categories never discounted',
    sv: 'Varugrupper utan rabatt',
  },
  'backoffice.ui.programme.part.stacking': {
    nb: 'Kombinering',
    en: 'Stacking',
    sv: 'Kombinering',
  },
  'backoffice.ui.programme.part.verifyRedemptionAboveOre': {
    nb: 'Bekreftelse av medlem',
    en: 'Member check',
    sv: 'Bekräftelse av medlem',
  },
  'backoffice.ui.programme.part.other': {
    nb: 'Annet',
    en: 'Other',
    sv: 'Annat',
  },
  'backoffice.ui.programme.error.number': {
    nb: 'Skriv et tall.',
    en: 'Type a number.',
    sv: 'Skriv ett tal.',
  },
  'backoffice.ui.programme.error.whole': {
    nb: 'Skriv et helt tall.',
    en: 'Type a whole number.',
    sv: 'Skriv ett heltal.',
  },
  'backoffice.ui.programme.error.tooSmall': {
    nb: 'Minst {min}.',
    en: 'At least {min}.',
    sv: 'Minst {min}.',
  },
  'backoffice.ui.programme.error.above': {
    nb: 'Mer enn {min}.',
    en: 'More than {min}.',
    sv: 'Mer än {min}.',
  },
  'backoffice.ui.programme.error.tooBig': {
    nb: 'Høyst {max}.',
    en: 'At most {max}.',
    sv: 'Högst {max}.',
  },
  'backoffice.ui.programme.error.required': {
    nb: 'Fyll ut feltet.',
    en: 'Fill in the field.',
    sv: 'Fyll i fältet.',
  },
  'backoffice.ui.programme.error.format': {
    nb: 'Ikke riktig form. Se teksten under feltet.',
    en: 'Not in the right form. See the text under the field.',
    sv: 'Inte rätt form. Se texten under fältet.',
  },
  'backoffice.ui.programme.error.choice': {
    nb: 'Velg et av valgene.',
    en: 'Choose one of the options.',
    sv: 'Välj ett av alternativen.',
  },
  'backoffice.ui.programme.error.money': {
    nb: 'Skriv et beløp i kroner, som 10 eller 10,50.',
    en: 'Type an amount in kroner, like 10 or 10.50.',
    sv: 'Skriv ett belopp i kronor, som 10 eller 10,50.',
  },
  'backoffice.ui.programme.error.tooMany': {
    nb: 'For mange.',
    en: 'Too many.',
    sv: 'För många.',
  },
  'backoffice.ui.programme.error.tooFew': {
    nb: 'Legg til minst {min}.',
    en: 'Add at least {min}.',
    sv: 'Lägg till minst {min}.',
  },
});
