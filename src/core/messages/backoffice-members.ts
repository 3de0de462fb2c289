/**
 * The back office's members (src/backoffice/pages/Members*.tsx, the commands of
 * src/contract/backoffice/members.ts): the search, a member's page and its
 * tabs, and the refusals of the member commands.
 */
import { defineMessages } from './define';

export const backofficeMembersMessages = defineMessages({
  'backoffice.input.members.queryShort': {
    nb: 'Skriv minst to tegn: navn, telefonnummer eller medlemsnummer.',
    en: 'Type at least two characters: a name, a phone number or a member number.',
    sv: 'Skriv minst två tecken: namn, telefonnummer eller medlemsnummer.',
  },
  'backoffice.input.members.queryLong': {
    nb: 'Søket kan ha høyst 80 tegn.',
    en: 'The search may have at most 80 characters.',
    sv: 'Sökningen får ha högst 80 tecken.',
  },
  'backoffice.input.members.nameLong': {
    nb: 'Navnet kan ha høyst 80 tegn.',
    en: 'A name may have at most 80 characters.',
    sv: 'Ett namn får ha högst 80 tecken.',
  },
  'backoffice.input.members.birthDate': {
    nb: 'Skriv en ekte fødselsdato fra 1900 til i dag, som år-måned-dag, for eksempel 1985-04-23.',
    en: 'Type a real date of birth from 1900 to today, as year-month-day, for example 1985-04-23.',
    sv: 'Skriv ett riktigt födelsedatum från 1900 till i dag, som år-månad-dag, till exempel 1985-04-23.',
  },
  'backoffice.input.members.postalCode': {
    nb: 'Postnummeret har fire sifre.',
    en: 'The postcode has four digits.',
    sv: 'Postnumret har fyra siffror.',
  },
  'backoffice.input.members.phone': {
    nb: 'Telefonnummeret er for langt.',
    en: 'The phone number is too long.',
    sv: 'Telefonnumret är för långt.',
  },
  'backoffice.input.members.phoneTaken': {
    nb: 'Et annet medlem har dette telefonnummeret.',
    en: 'Another member has this phone number.',
    sv: 'En annan medlem har det här telefonnumret.',
  },
  'backoffice.input.members.pointsWhole': {
    nb: 'Skriv et helt antall poeng, for eksempel 50 eller -50.',
    en: 'Type a whole number of points, for example 50 or -50.',
    sv: 'Skriv ett helt antal poäng, till exempel 50 eller -50.',
  },
  'backoffice.input.members.pointsZero': {
    nb: 'Skriv hvor mange poeng som skal legges til eller trekkes fra.',
    en: 'Type how many points to add or take away.',
    sv: 'Skriv hur många poäng som ska läggas till eller dras av.',
  },
  'backoffice.input.members.reasonNeeded': {
    nb: 'Skriv hvorfor poengene endres (minst tre tegn). Medlemmet ser grunnen.',
    en: 'Type why the points change (at least three characters). The member sees the reason.',
    sv: 'Skriv varför poängen ändras (minst tre tecken). Medlemmen ser orsaken.',
  },
  'backoffice.input.members.reasonLong': {
    nb: 'Grunnen kan ha høyst 200 tegn.',
    en: 'The reason may have at most 200 characters.',
    sv: 'Orsaken får ha högst 200 tecken.',
  },
  'backoffice.input.members.overCap': {
    nb: 'Kundeklubben tillater høyst {max} poeng i én endring.',
    en: 'The programme allows at most {max} points in one change.',
    sv: 'Kundklubben tillåter högst {max} poäng i en ändring.',
  },
  'backoffice.input.members.notEnough': {
    nb: 'Medlemmet har bare {balance} poeng å trekke fra.',
    en: 'The member has only {balance} points to take away.',
    sv: 'Medlemmen har bara {balance} poäng att dra av.',
  },
  'backoffice.input.members.pointsOff': {
    nb: 'Kundeklubben gir ikke poeng nå. Slå på poeng i kundeklubben først.',
    en: 'The programme gives no points now. Turn points on in the programme first.',
    sv: 'Kundklubben ger inga poäng nu. Slå på poäng i programmet först.',
  },
  'backoffice.ui.members.search.title': {
    nb: 'Medlemmer',
    en: 'Members',
    sv: 'Medlemmar',
  },
  'backoffice.ui.members.search.lead': {
    nb: 'Finn et medlem på navn, telefonnummer eller medlemsnummer.',
    en: 'Find a member by name, phone number or member number.',
    sv: 'Hitta en medlem på namn, telefonnummer eller medlemsnummer.',
  },
  'backoffice.ui.members.search.label': {
    nb: 'Søk etter medlem',
    en: 'Search for a member',
    sv: 'Sök efter medlem',
  },
  'backoffice.ui.members.search.hint': {
    nb: 'Starten av fornavn eller etternavn, et telefonnummer eller et medlemsnummer på 13 sifre.',
    en: 'The start of a first or last name, a phone number or a member number of 13 digits.',
    sv: 'Början av förnamn eller efternamn, ett telefonnummer eller ett medlemsnummer på 13 siffror.',
  },
  'backoffice.ui.members.search.submit': {
    nb: 'Finn',
    en: 'Find',
    sv: 'Hitta',
  },
  'backoffice.ui.members.search.none': {
    nb: 'Ingen medlemmer passer til «{q}».',
    en: 'No member matches “{q}”.',
    sv: 'Inga medlemmar passar till ”{q}”.',
  },
  'backoffice.ui.members.search.masked': {
    nb: 'Telefon og e-post vises bare for kunder som har blitt medlem eller handlet i din butikk.',
    en: 'Phone and e-mail show only for customers who joined or shopped in your store.',
    sv: 'Telefon och e-post visas bara för kunder som blivit medlemmar eller handlat i din butik.',
  },
  'backoffice.ui.members.search.prev': {
    nb: 'Forrige side',
    en: 'Previous page',
    sv: 'Föregående sida',
  },
  'backoffice.ui.members.search.next': {
    nb: 'Neste side',
    en: 'Next page',
    sv: 'Nästa sida',
  },
  'backoffice.ui.members.search.page': {
    nb: 'Side {page}',
    en: 'Page {page}',
    sv: 'Sida {page}',
  },
  'backoffice.ui.members.search.mine': {
    nb: 'Mine endringer',
    en: 'My changes',
    sv: 'Mina ändringar',
  },
  'backoffice.ui.members.search.mineTitle': {
    nb: 'Endringer du har gjort på medlemmer',
    en: 'Changes you made to members',
    sv: 'Ändringar du gjort på medlemmar',
  },
  'backoffice.ui.members.search.mineNone': {
    nb: 'Du har ikke endret noe på medlemmer ennå.',
    en: 'You have not changed anything on members yet.',
    sv: 'Du har inte ändrat något på medlemmar ännu.',
  },
  'backoffice.ui.members.col.name': {
    nb: 'Navn',
    en: 'Name',
    sv: 'Namn',
  },
  'backoffice.ui.members.col.number': {
    nb: 'Medlemsnummer',
    en: 'Member number',
    sv: 'Medlemsnummer',
  },
  'backoffice.ui.members.col.phone': {
    nb: 'Telefon',
    en: 'Phone',
    sv: 'Telefon',
  },
  'backoffice.ui.members.col.enrolled': {
    nb: 'Medlem siden',
    en: 'Member since',
    sv: 'Medlem sedan',
  },
  'backoffice.ui.members.col.when': {
    nb: 'Når',
    en: 'When',
    sv: 'När',
  },
  'backoffice.ui.members.col.what': {
    nb: 'Hva',
    en: 'What',
    sv: 'Vad',
  },
  'backoffice.ui.members.col.points': {
    nb: 'Poeng',
    en: 'Points',
    sv: 'Poäng',
  },
  'backoffice.ui.members.col.where': {
    nb: 'Hvor',
    en: 'Where',
    sv: 'Var',
  },
  'backoffice.ui.members.col.who': {
    nb: 'Hvem',
    en: 'Who',
    sv: 'Vem',
  },
  'backoffice.ui.members.col.member': {
    nb: 'Medlem',
    en: 'Member',
    sv: 'Medlem',
  },
  'backoffice.ui.members.unnamed': {
    nb: '(uten navn)',
    en: '(no name)',
    sv: '(utan namn)',
  },
  'backoffice.ui.members.back': {
    nb: 'Alle medlemmer',
    en: 'All members',
    sv: 'Alla medlemmar',
  },
  'backoffice.ui.members.tab.label': {
    nb: 'Medlemmets sider',
    en: 'The member’s pages',
    sv: 'Medlemmens sidor',
  },
  'backoffice.ui.members.tab.profile': {
    nb: 'Profil',
    en: 'Profile',
    sv: 'Profil',
  },
  'backoffice.ui.members.tab.history': {
    nb: 'Historikk',
    en: 'History',
    sv: 'Historik',
  },
  'backoffice.ui.members.tab.consent': {
    nb: 'Samtykke',
    en: 'Consent',
    sv: 'Samtycke',
  },
  'backoffice.ui.members.tab.points': {
    nb: 'Poeng',
    en: 'Points',
    sv: 'Poäng',
  },
  'backoffice.ui.members.tab.pin': {
    nb: 'PIN',
    en: 'PIN',
    sv: 'PIN',
  },
  'backoffice.ui.members.tab.privacy': {
    nb: 'Personvern',
    en: 'Privacy',
    sv: 'Integritet',
  },
  'backoffice.ui.members.tab.log': {
    nb: 'Logg',
    en: 'Log',
    sv: 'Logg',
  },
  'backoffice.ui.members.fact.number': {
    nb: 'Medlemsnummer {number}',
    en: 'Member number {number}',
    sv: 'Medlemsnummer {number}',
  },
  'backoffice.ui.members.fact.enrolled': {
    nb: 'Medlem siden {date}',
    en: 'Member since {date}',
    sv: 'Medlem sedan {date}',
  },
  'backoffice.ui.members.fact.enrolledAt': {
    nb: 'Medlem siden {date}, {store}',
    en: 'Member since {date}, {store}',
    sv: 'Medlem sedan {date}, {store}',
  },
  'backoffice.ui.members.fact.balance': {
    nb: '{balance} poeng',
    en: '{balance} points',
    sv: '{balance} poäng',
  },
  'backoffice.ui.members.fact.pending': {
    nb: '{pending} poeng kommer',
    en: '{pending} points on the way',
    sv: '{pending} poäng på väg',
  },
  'backoffice.ui.members.fact.value': {
    nb: 'Verdt {amount} ved kassen',
    en: 'Worth {amount} at the till',
    sv: 'Värda {amount} i kassan',
  },
  'backoffice.ui.members.fact.tier': {
    nb: 'Nivå: {tier}',
    en: 'Tier: {tier}',
    sv: 'Nivå: {tier}',
  },
  'backoffice.ui.members.fact.cards': {
    nb: 'Klippekort',
    en: 'Punch cards',
    sv: 'Stämpelkort',
  },
  'backoffice.ui.members.fact.card': {
    nb: '{name}: {stamps} av {of}{rewards, plural, =0 {} one {, # belønning klar} other {, # belønninger klare}}',
    en: '{name}: {stamps} of {of}{rewards, plural, =0 {} one {, # reward ready} other {, # rewards ready}}',
    sv: '{name}: {stamps} av {of}{rewards, plural, =0 {} one {, # belöning klar} other {, # belöningar klara}}',
  },
  'backoffice.ui.members.fact.coupons': {
    nb: 'Kuponger',
    en: 'Coupons',
    sv: 'Kuponger',
  },
  'backoffice.ui.members.fact.coupon': {
    nb: '{name}, gyldig til {date}',
    en: '{name}, valid until {date}',
    sv: '{name}, giltig till {date}',
  },
  'backoffice.ui.members.fact.purchases': {
    nb: '{count, plural, =0 {Ingen kjøp ennå} one {Ett kjøp, {amount}} other {# kjøp, {amount} til sammen}}',
    en: '{count, plural, =0 {No purchases yet} one {One purchase, {amount}} other {# purchases, {amount} in all}}',
    sv: '{count, plural, =0 {Inga köp ännu} one {Ett köp, {amount}} other {# köp, {amount} totalt}}',
  },
  'backoffice.ui.members.fact.noCoupons': {
    nb: 'Ingen kuponger nå.',
    en: 'No coupons now.',
    sv: 'Inga kuponger nu.',
  },
  'backoffice.ui.members.field.firstName': {
    nb: 'Fornavn',
    en: 'First name',
    sv: 'Förnamn',
  },
  'backoffice.ui.members.field.lastName': {
    nb: 'Etternavn',
    en: 'Last name',
    sv: 'Efternamn',
  },
  'backoffice.ui.members.field.phone': {
    nb: 'Telefon',
    en: 'Phone number',
    sv: 'Telefonnummer',
  },
  'backoffice.ui.members.field.email': {
    nb: 'E-post',
    en: 'E-mail',
    sv: 'E-post',
  },
  'backoffice.ui.members.field.birthDate': {
    nb: 'Fødselsdato',
    en: 'Date of birth',
    sv: 'Födelsedatum',
  },
  'backoffice.ui.members.field.birthDateHint': {
    nb: 'År-måned-dag, for eksempel 1985-04-23.',
    en: 'Year-month-day, for example 1985-04-23.',
    sv: 'År-månad-dag, till exempel 1985-04-23.',
  },
  'backoffice.ui.members.field.postalCode': {
    nb: 'Postnummer',
    en: 'Postcode',
    sv: 'Postnummer',
  },
  'backoffice.ui.members.field.gender': {
    nb: 'Kjønn',
    en: 'Gender',
    sv: 'Kön',
  },
  'backoffice.ui.members.profile.save': {
    nb: 'Lagre profilen',
    en: 'Save the profile',
    sv: 'Spara profilen',
  },
  'backoffice.ui.members.profile.saved': {
    nb: 'Profilen er lagret. Kassene får endringen neste gang de henter.',
    en: 'The profile is saved. The tills get the change the next time they fetch.',
    sv: 'Profilen är sparad. Kassorna får ändringen nästa gång de hämtar.',
  },
  'backoffice.ui.members.profile.readOnly': {
    nb: 'Medlemmet har ikke blitt medlem eller handlet i din butikk, så profilen kan bare leses her.',
    en: 'The member did not join or shop in your store, so the profile can only be read here.',
    sv: 'Medlemmen har inte blivit medlem eller handlat i din butik, så profilen kan bara läsas här.',
  },
  'backoffice.ui.members.where.backoffice': {
    nb: 'Backoffice',
    en: 'Back office',
    sv: 'Backoffice',
  },
  'backoffice.ui.members.where.otherStore': {
    nb: 'En annen butikk i kjeden',
    en: 'Another store of the chain',
    sv: 'En annan butik i kedjan',
  },
  'backoffice.ui.members.who.account': {
    nb: '{name}',
    en: '{name}',
    sv: '{name}',
  },
  'backoffice.ui.members.who.unknown': {
    nb: 'Ikke oppgitt',
    en: 'Not given',
    sv: 'Inte angivet',
  },
  'backoffice.ui.members.entry.enrolled': {
    nb: 'Ble medlem',
    en: 'Joined',
    sv: 'Blev medlem',
  },
  'backoffice.ui.members.entry.profile': {
    nb: 'Endret profilen: {fields}',
    en: 'Changed the profile: {fields}',
    sv: 'Ändrade profilen: {fields}',
  },
  'backoffice.ui.members.entry.consent': {
    nb: '{granted, select, yes {Sa ja til tilbud på {channel, select, sms {SMS} other {e-post}}} other {Trakk tilbake ja til tilbud på {channel, select, sms {SMS} other {e-post}}}}',
    en: '{granted, select, yes {Said yes to offers by {channel, select, sms {SMS} other {e-mail}}} other {Withdrew yes to offers by {channel, select, sms {SMS} other {e-mail}}}}',
    sv: '{granted, select, yes {Sa ja till erbjudanden via {channel, select, sms {SMS} other {e-post}}} other {Drog tillbaka ja till erbjudanden via {channel, select, sms {SMS} other {e-post}}}}',
  },
  'backoffice.ui.members.entry.pinSet': {
    nb: 'Valgte PIN',
    en: 'Chose a PIN',
    sv: 'Valde PIN',
  },
  'backoffice.ui.members.entry.pinCleared': {
    nb: 'PIN nullstilt',
    en: 'PIN reset',
    sv: 'PIN nollställd',
  },
  'backoffice.ui.members.entry.erased': {
    nb: 'Slettet',
    en: 'Erased',
    sv: 'Raderad',
  },
  'backoffice.ui.members.entry.sale': {
    nb: 'Kjøp på {amount}, kvittering {receiptNo}',
    en: 'Purchase of {amount}, receipt {receiptNo}',
    sv: 'Köp på {amount}, kvitto {receiptNo}',
  },
  'backoffice.ui.members.entry.voided': {
    nb: 'Kjøp annullert: {reason}',
    en: 'Purchase voided: {reason}',
    sv: 'Köp annullerat: {reason}',
  },
  'backoffice.ui.members.entry.returned': {
    nb: 'Retur på {amount}',
    en: 'Return of {amount}',
    sv: 'Retur på {amount}',
  },
  'backoffice.ui.members.entry.points': {
    nb: 'Poeng endret: {reason}',
    en: 'Points changed: {reason}',
    sv: 'Poäng ändrade: {reason}',
  },
  'backoffice.ui.members.entry.couponBought': {
    nb: 'Kjøpte kupong for poeng',
    en: 'Bought a coupon with points',
    sv: 'Köpte kupong för poäng',
  },
  'backoffice.ui.members.entry.referral': {
    nb: 'Verv en venn',
    en: 'Refer a friend',
    sv: 'Värva en vän',
  },
  'backoffice.ui.members.entry.other': {
    nb: 'Annen registrering',
    en: 'Other record',
    sv: 'Annan registrering',
  },
  'backoffice.ui.members.consent.lead': {
    nb: 'Medlemmet får tilbud på SMS eller e-post bare når de har sagt ja. Et nei gjelder fra nå, i alle butikker.',
    en: 'The member gets offers by SMS or e-mail only after saying yes. A no counts from now on, in every store.',
    sv: 'Medlemmen får erbjudanden via SMS eller e-post bara efter att ha sagt ja. Ett nej gäller från nu, i alla butiker.',
  },
  'backoffice.ui.members.consent.sms': {
    nb: 'Tilbud på SMS',
    en: 'Offers by SMS',
    sv: 'Erbjudanden via SMS',
  },
  'backoffice.ui.members.consent.email': {
    nb: 'Tilbud på e-post',
    en: 'Offers by e-mail',
    sv: 'Erbjudanden via e-post',
  },
  'backoffice.ui.members.consent.yes': {
    nb: 'Ja',
    en: 'Yes',
    sv: 'Ja',
  },
  'backoffice.ui.members.consent.no': {
    nb: 'Nei',
    en: 'No',
    sv: 'Nej',
  },
  'backoffice.ui.members.consent.withdraw': {
    nb: 'Trekk tilbake',
    en: 'Withdraw',
    sv: 'Dra tillbaka',
  },
  'backoffice.ui.members.consent.grant': {
    nb: 'Registrer ja',
    en: 'Record a yes',
    sv: 'Registrera ja',
  },
  'backoffice.ui.members.consent.ownerGrants': {
    nb: 'Bare en eier kan registrere et ja på medlemmets vegne, og bare med bevis for at medlemmet sa ja.',
    en: 'Only an owner can record a yes for the member, and only with proof that the member said yes.',
    sv: 'Bara en ägare kan registrera ett ja för medlemmen, och bara med bevis på att medlemmen sa ja.',
  },
  'backoffice.ui.members.consent.terms': {
    nb: 'Vilkår: {version}',
    en: 'Terms: {version}',
    sv: 'Villkor: {version}',
  },
  'backoffice.ui.members.consent.saved': {
    nb: 'Samtykket er lagret. Kassene får endringen neste gang de henter.',
    en: 'The consent is saved. The tills get the change the next time they fetch.',
    sv: 'Samtycket är sparat. Kassorna får ändringen nästa gång de hämtar.',
  },
  'backoffice.ui.members.consent.historyTitle': {
    nb: 'Tidligere svar',
    en: 'Earlier answers',
    sv: 'Tidigare svar',
  },
  'backoffice.ui.members.points.title': {
    nb: 'Poeng',
    en: 'Points balance',
    sv: 'Poängsaldo',
  },
  'backoffice.ui.members.points.lead': {
    nb: 'Legg til eller trekk fra poeng, for eksempel når et kjøp ble registrert uten medlemskortet. Skriv minus foran for å trekke fra. Høyst {max} poeng om gangen.',
    en: 'Add or take away points, for example when a purchase was made without the member card. Put a minus in front to take away. At most {max} points at a time.',
    sv: 'Lägg till eller dra av poäng, till exempel när ett köp gjordes utan medlemskortet. Skriv minus framför för att dra av. Högst {max} poäng åt gången.',
  },
  'backoffice.ui.members.points.amount': {
    nb: 'Poeng',
    en: 'Number of points',
    sv: 'Antal poäng',
  },
  'backoffice.ui.members.points.reason': {
    nb: 'Grunn',
    en: 'Reason',
    sv: 'Orsak',
  },
  'backoffice.ui.members.points.reasonHint': {
    nb: 'Medlemmet ser grunnen i historikken sin.',
    en: 'The member sees the reason in their history.',
    sv: 'Medlemmen ser orsaken i sin historik.',
  },
  'backoffice.ui.members.points.submit': {
    nb: 'Endre poeng',
    en: 'Change points',
    sv: 'Ändra poäng',
  },
  'backoffice.ui.members.points.saved': {
    nb: 'Poengene er endret. Kassene får endringen neste gang de henter.',
    en: 'The points are changed. The tills get the change the next time they fetch.',
    sv: 'Poängen är ändrade. Kassorna får ändringen nästa gång de hämtar.',
  },
  'backoffice.ui.members.points.off': {
    nb: 'Kundeklubben gir ikke poeng nå.',
    en: 'The programme gives no points at the moment.',
    sv: 'Kundklubben ger inga poäng just nu.',
  },
  'backoffice.ui.members.pageLink.title': {
    nb: 'Medlemmets egen side',
    en: 'The member’s own page',
    sv: 'Medlemmens egen sida',
  },
  'backoffice.ui.members.pageLink.lead': {
    nb: "Medlemmet ser kortet, poengene, klippekortene og kupongene sine her, og kan si ja eller nei til tilbud. Lenken står på kvitteringen og kan sendes med '{lenke}' i SMS og e-post.",
    en: "Here the member sees their card, points, punch cards and coupons, and can say yes or no to offers. The link is on the receipt and can be sent with '{lenke}' in text messages and e-mails.",
    sv: "Här ser medlemmen sitt kort, sina poäng, stämpelkort och kuponger, och kan säga ja eller nej till erbjudanden. Länken står på kvittot och kan skickas med '{lenke}' i sms och e-post.",
  },
  'backoffice.ui.members.pageLink.none': {
    nb: 'Medlemmet har ingen lenke nå.',
    en: 'The member has no link at the moment.',
    sv: 'Medlemmen har ingen länk nu.',
  },
  'backoffice.ui.members.pageLink.renew': {
    nb: 'Lag ny lenke',
    en: 'Make a new link',
    sv: 'Skapa ny länk',
  },
  'backoffice.ui.members.pageLink.revoke': {
    nb: 'Trekk tilbake',
    en: 'Withdraw the link',
    sv: 'Dra tillbaka',
  },
  'backoffice.ui.members.pageLink.renewed': {
    nb: 'Ny lenke laget. Den gamle virker ikke lenger.',
    en: 'A new link is made. The old one no longer works.',
    sv: 'Ny länk skapad. Den gamla fungerar inte längre.',
  },
  'backoffice.ui.members.pageLink.revoked': {
    nb: 'Lenken er trukket tilbake.',
    en: 'The link is withdrawn.',
    sv: 'Länken är tillbakadragen.',
  },
  'backoffice.ui.members.pin.has': {
    nb: 'Medlemmet har en PIN.',
    en: 'The member has a PIN.',
    sv: 'Medlemmen har en PIN.',
  },
  'backoffice.ui.members.pin.none': {
    nb: 'Medlemmet har ingen PIN.',
    en: 'The member has no PIN.',
    sv: 'Medlemmen har ingen PIN.',
  },
  'backoffice.ui.members.pin.lead': {
    nb: 'Nullstill PIN-en når medlemmet har glemt den. Medlemmet velger en ny ved kassen neste gang.',
    en: 'Reset the PIN when the member has forgotten it. The member chooses a new one at the till next time.',
    sv: 'Nollställ PIN-koden när medlemmen har glömt den. Medlemmen väljer en ny i kassan nästa gång.',
  },
  'backoffice.ui.members.pin.reset': {
    nb: 'Nullstill PIN',
    en: 'Reset the PIN',
    sv: 'Nollställ PIN',
  },
  'backoffice.ui.members.pin.confirmTitle': {
    nb: 'Nullstille PIN-en?',
    en: 'Reset the PIN?',
    sv: 'Nollställa PIN-koden?',
  },
  'backoffice.ui.members.pin.confirmText': {
    nb: 'PIN-en til {name} slettes i alle butikker.',
    en: 'The PIN of {name} is removed in every store.',
    sv: 'PIN-koden för {name} tas bort i alla butiker.',
  },
  'backoffice.ui.members.pin.saved': {
    nb: 'PIN-en er nullstilt. Kassene får endringen neste gang de henter.',
    en: 'The PIN is reset. The tills get the change the next time they fetch.',
    sv: 'PIN-koden är nollställd. Kassorna får ändringen nästa gång de hämtar.',
  },
  'backoffice.ui.members.privacy.exportTitle': {
    nb: 'Innsyn',
    en: 'Access to data',
    sv: 'Registerutdrag',
  },
  'backoffice.ui.members.privacy.exportLead': {
    nb: 'Last ned alt som er lagret om medlemmet, når medlemmet ber om innsyn.',
    en: 'Download everything kept on the member, when the member asks to see it.',
    sv: 'Ladda ner allt som sparats om medlemmen, när medlemmen ber om ett utdrag.',
  },
  'backoffice.ui.members.privacy.export': {
    nb: 'Last ned innsyn',
    en: 'Download the data',
    sv: 'Ladda ner utdraget',
  },
  'backoffice.ui.members.privacy.eraseTitle': {
    nb: 'Sletting',
    en: 'Erasure',
    sv: 'Radering',
  },
  'backoffice.ui.members.privacy.eraseLead': {
    nb: 'Sletting fjerner navn, telefon, e-post og PIN i skyen og på alle kasser. Kjøp og poeng blir stående uten navn. Det kan ikke angres.',
    en: 'Erasure removes name, phone, e-mail and PIN in the cloud and on every till. Purchases and points stay without a name. It cannot be undone.',
    sv: 'Radering tar bort namn, telefon, e-post och PIN i molnet och i alla kassor. Köp och poäng står kvar utan namn. Det går inte att ångra.',
  },
  'backoffice.ui.members.privacy.erase': {
    nb: 'Slett medlemmet',
    en: 'Erase the member',
    sv: 'Radera medlemmen',
  },
  'backoffice.ui.members.privacy.confirmTitle': {
    nb: 'Slette {name}?',
    en: 'Erase {name}?',
    sv: 'Radera {name}?',
  },
  'backoffice.ui.members.privacy.confirmCheck': {
    nb: 'Medlemmet har bedt om å bli slettet.',
    en: 'The member has asked to be erased.',
    sv: 'Medlemmen har bett om att bli raderad.',
  },
  'backoffice.ui.members.privacy.confirmNeeded': {
    nb: 'Kryss av at medlemmet har bedt om det.',
    en: 'Tick that the member has asked for it.',
    sv: 'Kryssa i att medlemmen har bett om det.',
  },
  'backoffice.ui.members.privacy.erased': {
    nb: 'Medlemmet er slettet.',
    en: 'The member is erased.',
    sv: 'Medlemmen är raderad.',
  },
  'backoffice.ui.members.privacy.ownersOnly': {
    nb: 'Bare en eier kan laste ned innsyn og slette medlemmer.',
    en: 'Only an owner can download a member’s data or erase members.',
    sv: 'Bara en ägare kan ladda ner utdrag och radera medlemmar.',
  },
  'backoffice.ui.members.log.lead': {
    nb: 'Alt som er registrert på medlemmet: hva, når, hvor og av hvem.',
    en: 'Everything recorded on the member: what, when, where and by whom.',
    sv: 'Allt som registrerats på medlemmen: vad, när, var och av vem.',
  },
  'backoffice.ui.members.log.none': {
    nb: 'Ingenting registrert.',
    en: 'Nothing recorded.',
    sv: 'Inget registrerat.',
  },
  'backoffice.ui.members.log.more': {
    nb: 'Vis flere',
    en: 'Show more',
    sv: 'Visa fler',
  },
});
