/**
 * The till's screens (src/ui): every word the UI itself says, in bokmål,
 * English and Swedish. Screens use `t('checkout.complete')` (src/ui/i18n),
 * which is `ui.checkout.complete` here. Counts are ICU plurals; a count or a
 * number of points is shown as given (no grouping), as the screens always did.
 */
import { defineMessages } from './define';

export const uiMessages = defineMessages({
  'ui.app.name': {
    nb: 'Lojal',
    en: 'Lojal',
    sv: 'Lojal',
  },
  'ui.app.dismiss': {
    nb: 'Lukk',
    en: 'Dismiss',
    sv: 'Stäng',
  },
  'ui.app.cancel': {
    nb: 'Avbryt',
    en: 'Cancel',
    sv: 'Avbryt',
  },
  'ui.app.close': {
    nb: 'Lukk',
    en: 'Close',
    sv: 'Stäng',
  },
  'ui.app.sessionEnded': {
    nb: 'Økten er avsluttet. Logg inn igjen.',
    en: 'The session has ended. Log in again.',
    sv: 'Sessionen har avslutats. Logga in igen.',
  },
  'ui.app.offlineService': {
    nb: 'Får ikke kontakt med kassetjenesten. Prøver igjen …',
    en: 'Cannot reach the till service. Retrying …',
    sv: 'Får ingen kontakt med kassatjänsten. Försöker igen …',
  },
  'ui.error.unreachable': {
    nb: 'Får ikke kontakt med kassetjenesten. Sjekk at kassen kjører, og prøv igjen.',
    en: 'The till service does not answer. Check that the till is running, and try again.',
    sv: 'Får ingen kontakt med kassatjänsten. Kontrollera att kassan är igång och försök igen.',
  },
  'ui.error.answered': {
    nb: 'Kassetjenesten svarte med en feil (feilkode {status}). Prøv igjen.',
    en: 'The till service answered with an error ({status} {code}). Try again.',
    sv: 'Kassatjänsten svarade med ett fel (felkod {status}). Försök igen.',
  },
  'ui.error.unexpected': {
    nb: 'Noe gikk galt i kassen. Prøv igjen; hjelper ikke det, start kassen på nytt.',
    en: 'Something went wrong in the till ({detail}). Try again; if that does not help, restart the till.',
    sv: 'Något gick fel i kassan. Försök igen; hjälper det inte, starta om kassan.',
  },
  'ui.login.prompt': {
    nb: 'Tast PIN-koden din',
    en: 'Type your PIN',
    sv: 'Slå in din PIN-kod',
  },
  'ui.login.submit': {
    nb: 'Logg inn',
    en: 'Log in',
    sv: 'Logga in',
  },
  'ui.login.pinLabel': {
    nb: 'PIN-kode',
    en: 'PIN',
    sv: 'PIN-kod',
  },
  'ui.login.scanFirst': {
    nb: 'Logg inn før du skanner. Skanningen er ikke brukt.',
    en: 'Log in before you scan. The scan was not used.',
    sv: 'Logga in innan du skannar. Skanningen användes inte.',
  },
  'ui.login.chooseName': {
    nb: 'Velg navnet ditt (valgfritt)',
    en: 'Choose your name (optional)',
    sv: 'Välj ditt namn (valfritt)',
  },
  'ui.login.promptFor': {
    nb: '{name}: tast PIN-koden din',
    en: '{name}: type your PIN',
    sv: '{name}: slå in din PIN-kod',
  },
  'ui.keypad.clear': {
    nb: 'Tøm',
    en: 'Clear',
    sv: 'Rensa',
  },
  'ui.keypad.backspace': {
    nb: 'Slett siste siffer',
    en: 'Delete last digit',
    sv: 'Radera sista siffran',
  },
  'ui.keypad.digit': {
    nb: 'Siffer {digit}',
    en: 'Digit {digit}',
    sv: 'Siffra {digit}',
  },
  'ui.header.logout': {
    nb: 'Logg ut',
    en: 'Log out',
    sv: 'Logga ut',
  },
  'ui.header.receipts': {
    nb: 'Kvitteringer',
    en: 'Receipts',
    sv: 'Kvitton',
  },
  'ui.header.devices': {
    nb: 'Enheter',
    en: 'Devices',
    sv: 'Enheter',
  },
  'ui.role.cashier': {
    nb: 'kasserer',
    en: 'cashier',
    sv: 'kassör',
  },
  'ui.role.manager': {
    nb: 'leder',
    en: 'manager',
    sv: 'chef',
  },
  'ui.role.system': {
    nb: 'system',
    en: 'system',
    sv: 'system',
  },
  'ui.sync.online': {
    nb: 'Tilkoblet',
    en: 'Online',
    sv: 'Ansluten',
  },
  'ui.sync.offline': {
    nb: 'Frakoblet',
    en: 'Offline',
    sv: 'Frånkopplad',
  },
  'ui.sync.unpaired': {
    nb: 'Ikke koblet til kjeden',
    en: 'Not paired',
    sv: 'Inte ihopkopplad',
  },
  'ui.sync.localOnly': {
    nb: 'Lokal kasse',
    en: 'Local till',
    sv: 'Lokal kassa',
  },
  'ui.sync.pending': {
    nb: '{count} venter',
    en: '{count} waiting',
    sv: '{count} väntar',
  },
  'ui.sync.label': {
    nb: 'Synkronisering',
    en: 'Sync',
    sv: 'Synkronisering',
  },
  'ui.sync.rejected': {
    nb: '{count} avvist',
    en: '{count} refused',
    sv: '{count} avvisade',
  },
  'ui.checkout.scanInDialog': {
    nb: 'Lukk vinduet før du skanner. Skanningen er ikke brukt.',
    en: 'Close the window before you scan. The scan was not used.',
    sv: 'Stäng fönstret innan du skannar. Skanningen användes inte.',
  },
  'ui.checkout.quantityNext': {
    nb: '{count} stk.',
    en: '{count} pcs',
    sv: '{count} st.',
  },
  'ui.checkout.scanLabel': {
    nb: 'Strekkode eller søk',
    en: 'Barcode or search',
    sv: 'Streckkod eller sök',
  },
  'ui.checkout.scanPlaceholder': {
    nb: 'Skann eller skriv vare …',
    en: 'Scan or type a product …',
    sv: 'Skanna eller skriv vara …',
  },
  'ui.checkout.add': {
    nb: 'Legg til',
    en: 'Add',
    sv: 'Lägg till',
  },
  'ui.checkout.empty': {
    nb: 'Kurven er tom. Skann en vare eller trykk en hurtigtast.',
    en: 'The basket is empty. Scan a product or press a quick key.',
    sv: 'Varukorgen är tom. Skanna en vara eller tryck på en snabbknapp.',
  },
  'ui.checkout.quickKeys': {
    nb: 'Hurtigtaster',
    en: 'Quick keys',
    sv: 'Snabbknappar',
  },
  'ui.checkout.searchResults': {
    nb: 'Treff',
    en: 'Matches',
    sv: 'Träffar',
  },
  'ui.checkout.noResults': {
    nb: 'Ingen varer passer «{query}»',
    en: 'No product matches “{query}”',
    sv: 'Inga varor matchar ”{query}”',
  },
  'ui.checkout.basket': {
    nb: 'Handlekurv',
    en: 'Basket',
    sv: 'Varukorg',
  },
  'ui.checkout.quantity': {
    nb: 'Antall',
    en: 'Quantity',
    sv: 'Antal',
  },
  'ui.checkout.increase': {
    nb: 'Ett til av {name}',
    en: 'One more {name}',
    sv: 'En till av {name}',
  },
  'ui.checkout.decrease': {
    nb: 'Ett mindre av {name}',
    en: 'One less {name}',
    sv: 'En mindre av {name}',
  },
  'ui.checkout.unitPrice': {
    nb: '{quantity} × {price}',
    en: '{quantity} × {price}',
    sv: '{quantity} × {price}',
  },
  'ui.checkout.subtotal': {
    nb: 'Sum varer',
    en: 'Items',
    sv: 'Summa varor',
  },
  'ui.checkout.total': {
    nb: 'Å betale',
    en: 'To pay',
    sv: 'Att betala',
  },
  'ui.checkout.vat': {
    nb: 'Herav mva. {rate} %',
    en: 'Incl. VAT {rate} %',
    sv: 'Varav moms {rate} %',
  },
  'ui.checkout.rejected': {
    nb: 'Kunne ikke brukes',
    en: 'Could not be used',
    sv: 'Kunde inte användas',
  },
  'ui.checkout.earns': {
    nb: 'Medlemmet får',
    en: 'The member earns',
    sv: 'Medlemmen får',
  },
  'ui.checkout.payment': {
    nb: 'Betaling',
    en: 'Payment',
    sv: 'Betalning',
  },
  'ui.checkout.complete': {
    nb: 'Fullfør salg',
    en: 'Complete sale',
    sv: 'Slutför köp',
  },
  'ui.checkout.clear': {
    nb: 'Tøm kurv',
    en: 'Clear basket',
    sv: 'Töm varukorgen',
  },
  'ui.checkout.couponNeedsMember': {
    nb: 'Kupongen gjelder medlemmer. Legg til medlem først.',
    en: 'The coupon is for members. Add the member first.',
    sv: 'Kupongen gäller medlemmar. Lägg till medlemmen först.',
  },
  'ui.checkout.couponAdded': {
    nb: 'Kupong lagt til',
    en: 'Coupon added',
    sv: 'Kupong tillagd',
  },
  'ui.checkout.memberScanned': {
    nb: 'Medlem lagt til: {name}',
    en: 'Member added: {name}',
    sv: 'Medlem tillagd: {name}',
  },
  'ui.pay.card': {
    nb: 'Kort',
    en: 'Card',
    sv: 'Kort',
  },
  'ui.pay.cash': {
    nb: 'Kontant',
    en: 'Cash',
    sv: 'Kontant',
  },
  'ui.pay.vipps': {
    nb: 'Vipps',
    en: 'Vipps',
    sv: 'Vipps',
  },
  'ui.pay.other': {
    nb: 'Annet',
    en: 'Other',
    sv: 'Annat',
  },
  'ui.club.button': {
    nb: 'Kundeklubb',
    en: 'Loyalty club',
    sv: 'Kundklubb',
  },
  'ui.club.ask': {
    nb: 'Spør kunden: «Er du medlem i kundeklubben?» Skann kortet, eller trykk Kundeklubb og tast mobilnummeret.',
    en: 'Ask the customer: “Are you a member of our loyalty club?” Scan their card, or press Loyalty club and type their mobile number.',
    sv: 'Fråga kunden: ”Är du medlem i kundklubben?” Skanna kortet, eller tryck på Kundklubb och slå in mobilnumret.',
  },
  'ui.club.title': {
    nb: 'Kundeklubb',
    en: 'Loyalty club',
    sv: 'Kundklubb',
  },
  'ui.club.phoneLabel': {
    nb: 'Mobilnummer eller medlemsnummer',
    en: 'Mobile number or member number',
    sv: 'Telefonnummer eller medlemsnummer',
  },
  'ui.club.search': {
    nb: 'Finn medlem',
    en: 'Find member',
    sv: 'Hitta medlem',
  },
  'ui.club.scanHint': {
    nb: 'Skann kortet eller QR-koden, eller tast mobilnummeret.',
    en: 'Scan the card or QR code, or type the mobile number.',
    sv: 'Skanna kortet eller QR-koden, eller slå in telefonnumret.',
  },
  'ui.club.notFound': {
    nb: 'Fant ingen medlem med {query}.',
    en: 'No member found for {query}.',
    sv: 'Hittade ingen medlem med {query}.',
  },
  'ui.club.enrolInstead': {
    nb: 'Bli medlem',
    en: 'Join the club',
    sv: 'Bli medlem',
  },
  'ui.club.camera': {
    nb: 'Skann med kamera',
    en: 'Scan with camera',
    sv: 'Skanna med kameran',
  },
  'ui.club.cameraLoading': {
    nb: 'Starter kameraet …',
    en: 'Starting the camera …',
    sv: 'Startar kameran …',
  },
  'ui.club.searching': {
    nb: 'Søker …',
    en: 'Searching …',
    sv: 'Söker …',
  },
  'ui.member.panel': {
    nb: 'Medlem',
    en: 'Member',
    sv: 'Medlem',
  },
  'ui.member.unnamed': {
    nb: 'Medlem',
    en: 'Member',
    sv: 'Medlem',
  },
  'ui.member.number': {
    nb: 'Medlemsnr. {number}',
    en: 'Member no. {number}',
    sv: 'Medlemsnr {number}',
  },
  'ui.member.remove': {
    nb: 'Fjern medlem',
    en: 'Remove member',
    sv: 'Ta bort medlem',
  },
  'ui.member.loading': {
    nb: 'Henter medlemsopplysningene …',
    en: 'Fetching the member’s details …',
    sv: 'Hämtar medlemsuppgifterna …',
  },
  'ui.member.points': {
    nb: 'Poeng',
    en: 'Points',
    sv: 'Poäng',
  },
  'ui.member.pointsValue': {
    nb: 'verdt {value}',
    en: 'worth {value}',
    sv: 'värda {value}',
  },
  'ui.member.pointsPending': {
    nb: '{points} på vent',
    en: '{points} pending',
    sv: '{points} väntande',
  },
  'ui.member.cashback': {
    nb: 'Bonus',
    en: 'Cashback',
    sv: 'Bonus',
  },
  'ui.member.toNext': {
    nb: '{points} poeng til {tier}',
    en: '{points, plural, one {{points} point} other {{points} points}} to {tier}',
    sv: '{points} poäng till {tier}',
  },
  'ui.member.topTier': {
    nb: 'Høyeste nivå',
    en: 'Top tier',
    sv: 'Högsta nivån',
  },
  'ui.member.punchCards': {
    nb: 'Klippekort',
    en: 'Punch cards',
    sv: 'Stämpelkort',
  },
  'ui.member.stampsOf': {
    nb: '{stamps}/{of}',
    en: '{stamps}/{of}',
    sv: '{stamps}/{of}',
  },
  'ui.member.stampsLabel': {
    nb: '{stamps} av {of} stempler',
    en: '{stamps} of {of, plural, one {{of} stamp} other {{of} stamps}}',
    sv: '{stamps} av {of} stämplar',
  },
  'ui.member.rewardReady': {
    nb: 'Belønning klar',
    en: 'Reward ready',
    sv: 'Belöning klar',
  },
  'ui.member.coupons': {
    nb: 'Kuponger og belønninger',
    en: 'Coupons and rewards',
    sv: 'Kuponger och belöningar',
  },
  'ui.member.use': {
    nb: 'Bruk',
    en: 'Use',
    sv: 'Använd',
  },
  'ui.member.inUse': {
    nb: 'Brukes ✓',
    en: 'In use ✓',
    sv: 'Används ✓',
  },
  'ui.member.runsOut': {
    nb: '{days, plural, =0 {går ut i dag} one {går ut i morgen} other {går ut om # dager}} ({date})',
    en: '{days, plural, =0 {runs out today} one {runs out tomorrow} other {runs out in # days}} ({date})',
    sv: '{days, plural, =0 {går ut i dag} one {går ut i morgon} other {går ut om # dagar}} ({date})',
  },
  'ui.member.validTo': {
    nb: 'gyldig til {date}',
    en: 'valid until {date}',
    sv: 'giltig till {date}',
  },
  'ui.member.redeemPoints': {
    nb: 'Bruk poeng',
    en: 'Use points',
    sv: 'Använd poäng',
  },
  'ui.member.redeemMore': {
    nb: 'Flere poeng',
    en: 'More points',
    sv: 'Fler poäng',
  },
  'ui.member.redeemLess': {
    nb: 'Færre poeng',
    en: 'Fewer points',
    sv: 'Färre poäng',
  },
  'ui.member.redeemMax': {
    nb: 'Maks',
    en: 'Max',
    sv: 'Max',
  },
  'ui.member.redeemNone': {
    nb: 'Ingen',
    en: 'None',
    sv: 'Inga',
  },
  'ui.member.redeemValue': {
    nb: '{points} poeng = {value}',
    en: '{points, plural, one {{points} point} other {{points} points}} = {value}',
    sv: '{points} poäng = {value}',
  },
  'ui.member.useCashback': {
    nb: 'Bruk bonus ({value})',
    en: 'Use cashback ({value})',
    sv: 'Använd bonus ({value})',
  },
  'ui.member.useTierOnce': {
    nb: 'Bruk nivårabatt ({percent} %)',
    en: 'Use tier discount ({percent} %)',
    sv: 'Använd nivårabatt ({percent} %)',
  },
  'ui.member.verifyTitle': {
    nb: 'Bekreft medlemmet',
    en: 'Verify the member',
    sv: 'Verifiera medlemmen',
  },
  'ui.member.verifyText': {
    nb: 'For å bruke dette må kunden skanne kortet eller taste PIN-koden sin.',
    en: 'To use this, the customer scans their card or types their PIN.',
    sv: 'För att använda det här måste kunden skanna kortet eller slå in sin PIN-kod.',
  },
  'ui.member.verifyPin': {
    nb: 'Medlemmets PIN-kode',
    en: 'The member’s PIN',
    sv: 'Medlemmens PIN-kod',
  },
  'ui.member.verifySubmit': {
    nb: 'Bekreft',
    en: 'Verify',
    sv: 'Verifiera',
  },
  'ui.member.verified': {
    nb: 'Bekreftet',
    en: 'Verified',
    sv: 'Verifierad',
  },
  'ui.member.flagged': {
    nb: 'Sjekk: {what}',
    en: 'Check: {what}',
    sv: 'Kontrollera: {what}',
  },
  'ui.flag.negative_points': {
    nb: 'Negativ poengsaldo',
    en: 'Negative points balance',
    sv: 'Negativt poängsaldo',
  },
  'ui.flag.negative_cashback': {
    nb: 'Negativ bonussaldo',
    en: 'Negative cashback balance',
    sv: 'Negativt bonussaldo',
  },
  'ui.flag.coupon_redeemed_twice': {
    nb: 'Kupong brukt to ganger',
    en: 'Coupon used twice',
    sv: 'Kupong använd två gånger',
  },
  'ui.flag.reward_redeemed_twice': {
    nb: 'Belønning brukt to ganger',
    en: 'Reward used twice',
    sv: 'Belöning använd två gånger',
  },
  'ui.flag.tier_once_used_twice': {
    nb: 'Nivårabatt brukt to ganger',
    en: 'Tier discount used twice',
    sv: 'Nivårabatt använd två gånger',
  },
  'ui.enrol.title': {
    nb: 'Bli medlem',
    en: 'Join the club',
    sv: 'Bli medlem',
  },
  'ui.enrol.phone': {
    nb: 'Mobilnummer',
    en: 'Mobile number',
    sv: 'Mobilnummer',
  },
  'ui.enrol.terms': {
    nb: 'Kunden godtar medlemsvilkårene',
    en: 'The customer accepts the membership terms',
    sv: 'Kunden godkänner medlemsvillkoren',
  },
  'ui.enrol.sms': {
    nb: 'Ja til tilbud på SMS',
    en: 'Yes to offers by SMS',
    sv: 'Ja till erbjudanden via sms',
  },
  'ui.enrol.email': {
    nb: 'Ja til tilbud på e-post',
    en: 'Yes to offers by e-mail',
    sv: 'Ja till erbjudanden via e-post',
  },
  'ui.enrol.consentHint': {
    nb: 'Samtykke til markedsføring er frivillig og kan trekkes når som helst.',
    en: 'Marketing consent is optional and can be withdrawn at any time.',
    sv: 'Samtycke till marknadsföring är frivilligt och kan återkallas när som helst.',
  },
  'ui.enrol.moreFields': {
    nb: 'Flere felt',
    en: 'More fields',
    sv: 'Fler fält',
  },
  'ui.enrol.fewerFields': {
    nb: 'Færre felt',
    en: 'Fewer fields',
    sv: 'Färre fält',
  },
  'ui.enrol.firstName': {
    nb: 'Fornavn',
    en: 'First name',
    sv: 'Förnamn',
  },
  'ui.enrol.lastName': {
    nb: 'Etternavn',
    en: 'Last name',
    sv: 'Efternamn',
  },
  'ui.enrol.emailAddress': {
    nb: 'E-post',
    en: 'E-mail',
    sv: 'E-post',
  },
  'ui.enrol.birthDate': {
    nb: 'Fødselsdato',
    en: 'Date of birth',
    sv: 'Födelsedatum',
  },
  'ui.enrol.birthDateFormat': {
    nb: 'dd.mm.åååå',
    en: 'dd.mm.yyyy',
    sv: 'dd.mm.åååå',
  },
  'ui.enrol.postalCode': {
    nb: 'Postnummer',
    en: 'Postal code',
    sv: 'Postnummer',
  },
  'ui.enrol.gender': {
    nb: 'Kjønn',
    en: 'Gender',
    sv: 'Kön',
  },
  'ui.enrol.genderNone': {
    nb: 'Vil ikke oppgi',
    en: 'Prefer not to say',
    sv: 'Vill inte uppge',
  },
  'ui.enrol.genderFemale': {
    nb: 'Kvinne',
    en: 'Female',
    sv: 'Kvinna',
  },
  'ui.enrol.genderMale': {
    nb: 'Mann',
    en: 'Male',
    sv: 'Man',
  },
  'ui.enrol.genderOther': {
    nb: 'Annet',
    en: 'Other',
    sv: 'Annat',
  },
  'ui.enrol.referral': {
    nb: 'Vervet av (verv en venn)',
    en: 'Referred by (refer a friend)',
    sv: 'Värvad av (värva en vän)',
  },
  'ui.enrol.referralHint': {
    nb: 'Medlemsnummer eller mobilnummer til den som vervet',
    en: 'Member number or mobile number of the referrer',
    sv: 'Medlemsnummer eller mobilnummer till den som värvade',
  },
  'ui.enrol.submit': {
    nb: 'Registrer medlem',
    en: 'Enrol member',
    sv: 'Registrera medlem',
  },
  'ui.enrol.termsRequired': {
    nb: 'Kunden må godta medlemsvilkårene.',
    en: 'The customer must accept the membership terms.',
    sv: 'Kunden måste godkänna medlemsvillkoren.',
  },
  'ui.enrol.welcome': {
    nb: 'Velkommen i kundeklubben! Velkomstkupongen er lagt i kurven.',
    en: 'Welcome to the club! The welcome coupon is in the basket.',
    sv: 'Välkommen till kundklubben! Välkomstkupongen har lagts i varukorgen.',
  },
  'ui.enrol.alreadyMember': {
    nb: 'Mobilnummeret hører allerede til et medlem. Medlemmet er lagt til på kjøpet.',
    en: 'This number already belongs to a member. The member has been added to the sale.',
    sv: 'Mobilnumret tillhör redan en medlem. Medlemmen har lagts till på köpet.',
  },
  'ui.done.title': {
    nb: 'Salget er fullført',
    en: 'Sale complete',
    sv: 'Köpet är slutfört',
  },
  'ui.done.receipt': {
    nb: 'Kvittering',
    en: 'Receipt',
    sv: 'Kvitto',
  },
  'ui.done.method': {
    nb: 'Betalt med',
    en: 'Paid by',
    sv: 'Betalt med',
  },
  'ui.done.saved': {
    nb: 'Kunden sparte',
    en: 'The customer saved',
    sv: 'Kunden sparade',
  },
  'ui.done.pointsEarned': {
    nb: 'Poeng opptjent',
    en: 'Points earned',
    sv: 'Intjänade poäng',
  },
  'ui.done.pointsBalance': {
    nb: 'Ny poengsaldo',
    en: 'New points balance',
    sv: 'Nytt poängsaldo',
  },
  'ui.done.rewardsNow': {
    nb: 'Klar til neste besøk',
    en: 'Ready for the next visit',
    sv: 'Klart till nästa besök',
  },
  'ui.done.next': {
    nb: 'Ny kunde',
    en: 'Next customer',
    sv: 'Ny kund',
  },
  'ui.receipts.title': {
    nb: 'Siste kvitteringer',
    en: 'Last receipts',
    sv: 'Senaste kvitton',
  },
  'ui.receipts.empty': {
    nb: 'Ingen salg ennå.',
    en: 'No sales yet.',
    sv: 'Inga köp ännu.',
  },
  'ui.receipts.number': {
    nb: 'Nr.',
    en: 'No.',
    sv: 'Nr',
  },
  'ui.receipts.voided': {
    nb: 'Annullert',
    en: 'Voided',
    sv: 'Makulerat',
  },
  'ui.receipts.returned': {
    nb: 'Returnert {amount}',
    en: 'Returned {amount}',
    sv: 'Returnerat {amount}',
  },
  'ui.receipts.void': {
    nb: 'Annuller salg',
    en: 'Void sale',
    sv: 'Makulera köp',
  },
  'ui.receipts.return': {
    nb: 'Retur',
    en: 'Return',
    sv: 'Retur',
  },
  'ui.receipts.managerOnly': {
    nb: 'Bare en leder kan annullere salg og ta retur. Be en leder logge inn.',
    en: 'Only a manager can void a sale or take a return. Ask a manager to log in.',
    sv: 'Kräver chef. Logga in som chef för att makulera och göra returer.',
  },
  'ui.receipts.voidReason': {
    nb: 'Årsak',
    en: 'Reason',
    sv: 'Orsak',
  },
  'ui.receipts.voidReasonPlaceholder': {
    nb: 'F.eks. feil vare slått inn',
    en: 'E.g. wrong item rung up',
    sv: 'T.ex. fel vara inslagen',
  },
  'ui.receipts.confirmVoid': {
    nb: 'Annuller salget',
    en: 'Void the sale',
    sv: 'Makulera köpet',
  },
  'ui.receipts.confirmReturn': {
    nb: 'Registrer retur',
    en: 'Record return',
    sv: 'Registrera retur',
  },
  'ui.receipts.voidDone': {
    nb: 'Salget er annullert.',
    en: 'The sale is voided.',
    sv: 'Köpet är makulerat.',
  },
  'ui.receipts.returnDone': {
    nb: 'Retur registrert: {amount} tilbake.',
    en: 'Return recorded: {amount} back.',
    sv: 'Retur registrerad: {amount} tillbaka.',
  },
  'ui.receipts.select': {
    nb: 'Velg en kvittering',
    en: 'Choose a receipt',
    sv: 'Välj ett kvitto',
  },
  'ui.badge.scannerConnected': {
    nb: 'Skanner tilkoblet',
    en: 'Scanner connected',
    sv: 'Skanner ansluten',
  },
  'ui.badge.scannerDisconnected': {
    nb: 'Skanner frakoblet',
    en: 'Scanner disconnected',
    sv: 'Skanner frånkopplad',
  },
  'ui.badge.scannerError': {
    nb: 'Skannerfeil',
    en: 'Scanner error',
    sv: 'Skannerfel',
  },
  'ui.badge.printWaiting': {
    nb: 'Kvittering venter ({count})',
    en: 'Receipt waiting ({count})',
    sv: 'Kvitto väntar ({count})',
  },
  'ui.devices.title': {
    nb: 'Enheter',
    en: 'Devices',
    sv: 'Enheter',
  },
  'ui.devices.scanner': {
    nb: 'Strekkodeskanner (serieport)',
    en: 'Barcode scanner (serial port)',
    sv: 'Streckkodsläsare (seriell)',
  },
  'ui.devices.printer': {
    nb: 'Kvitteringsskriver',
    en: 'Receipt printer',
    sv: 'Kvittoskrivare',
  },
  'ui.devices.header': {
    nb: 'Kvitteringstopp og bunntekst',
    en: 'Receipt header and footer',
    sv: 'Kvittots sidhuvud och sidfot',
  },
  'ui.devices.state.connected': {
    nb: 'Tilkoblet',
    en: 'Connected',
    sv: 'Ansluten',
  },
  'ui.devices.state.disconnected': {
    nb: 'Frakoblet',
    en: 'Disconnected',
    sv: 'Frånkopplad',
  },
  'ui.devices.state.error': {
    nb: 'Feil',
    en: 'Error',
    sv: 'Fel',
  },
  'ui.devices.state.unknown': {
    nb: 'Ikke prøvd ennå',
    en: 'Not tried yet',
    sv: 'Inte testad ännu',
  },
  'ui.devices.state.off': {
    nb: 'Ikke satt opp',
    en: 'Not set up',
    sv: 'Inte inställd',
  },
  'ui.devices.lastError': {
    nb: 'Siste feil kl. {time}: {reason}',
    en: 'Last problem at {time}: {reason}',
    sv: 'Senaste fel kl. {time}: {reason}',
  },
  'ui.devices.lastPrinted': {
    nb: 'Sist skrevet ut kl. {time}',
    en: 'Last printed at {time}',
    sv: 'Senast utskrivet kl. {time}',
  },
  'ui.devices.queue': {
    nb: '{pending} venter · {failed} feilet',
    en: '{pending} waiting · {failed} failed',
    sv: '{pending} väntar · {failed} misslyckades',
  },
  'ui.devices.managerOnly': {
    nb: 'Bare en leder kan endre enhetene. Alle kan skrive ut testsiden.',
    en: 'Only a manager can change the devices. Anyone can print the test page.',
    sv: 'Bara en chef kan ändra enheterna. Alla kan skriva ut testsidan.',
  },
  'ui.devices.lockedBy': {
    nb: 'Låst: satt ved installasjonen ({variable})',
    en: 'Locked: set when the till was installed ({variable})',
    sv: 'Låst: inställd vid installationen ({variable})',
  },
  'ui.devices.lockedDevice': {
    nb: 'Satt ved installasjonen ({variable}), og kan ikke endres her. Be den som installerte kassen om å endre den.',
    en: 'Set when the till was installed ({variable}), and cannot be changed here. Ask whoever installed the till to change it.',
    sv: 'Inställd vid installationen ({variable}), och kan inte ändras här. Be den som installerade kassan att ändra den.',
  },
  'ui.devices.port': {
    nb: 'Port',
    en: 'Port',
    sv: 'Port',
  },
  'ui.devices.portHint': {
    nb: 'F.eks. /dev/ttyACM0, /dev/serial/by-id/… eller COM3',
    en: 'E.g. /dev/ttyACM0, /dev/serial/by-id/… or COM3',
    sv: 'T.ex. /dev/ttyACM0, /dev/serial/by-id/… eller COM3',
  },
  'ui.devices.portsFound': {
    nb: 'Porter funnet – trykk for å velge',
    en: 'Ports found – tap one to choose it',
    sv: 'Hittade portar – tryck för att välja',
  },
  'ui.devices.portsNone': {
    nb: 'Fant ingen serieporter. Skriv inn porten selv.',
    en: 'No serial ports found. Type the port yourself.',
    sv: 'Hittade inga serieportar. Skriv in sökvägen.',
  },
  'ui.devices.findPorts': {
    nb: 'Søk etter porter',
    en: 'Look for ports',
    sv: 'Sök efter portar',
  },
  'ui.devices.findingPorts': {
    nb: 'Søker …',
    en: 'Looking …',
    sv: 'Söker …',
  },
  'ui.devices.baud': {
    nb: 'Hastighet (baud)',
    en: 'Speed (baud)',
    sv: 'Hastighet (baud)',
  },
  'ui.devices.suffix': {
    nb: 'Avslutningstegn',
    en: 'End character',
    sv: 'Sluttecken',
  },
  'ui.devices.suffixNone': {
    nb: 'Ingen',
    en: 'None',
    sv: 'Inget',
  },
  'ui.devices.saveScanner': {
    nb: 'Lagre skanner',
    en: 'Save scanner',
    sv: 'Spara skanner',
  },
  'ui.devices.removeScanner': {
    nb: 'Fjern skanner',
    en: 'Remove scanner',
    sv: 'Ta bort skanner',
  },
  'ui.devices.target': {
    nb: 'Skriveradresse',
    en: 'Printer address',
    sv: 'Skrivaradress',
  },
  'ui.devices.targetHint': {
    nb: 'tcp://VERT:PORT, en enhetssti som /dev/usb/lp0, eller lp:NAVN',
    en: 'tcp://HOST:PORT, a device path like /dev/usb/lp0, or lp:NAME',
    sv: 'tcp://VÄRD:PORT, en enhetssökväg som /dev/usb/lp0, eller lp:NAMN',
  },
  'ui.devices.width': {
    nb: 'Papirbredde',
    en: 'Paper width',
    sv: 'Pappersbredd',
  },
  'ui.devices.columns': {
    nb: '{count, plural, one {# tegn} other {# tegn}}',
    en: '{count, plural, one {# column} other {# columns}}',
    sv: '{count, plural, one {# tecken} other {# tecken}}',
  },
  'ui.devices.type': {
    nb: 'Skrivertype',
    en: 'Printer type',
    sv: 'Skrivartyp',
  },
  'ui.devices.savePrinter': {
    nb: 'Lagre skriver',
    en: 'Save printer',
    sv: 'Spara skrivare',
  },
  'ui.devices.removePrinter': {
    nb: 'Fjern skriver',
    en: 'Remove printer',
    sv: 'Ta bort skrivare',
  },
  'ui.devices.testPage': {
    nb: 'Skriv ut testside',
    en: 'Print test page',
    sv: 'Skriv ut testsida',
  },
  'ui.devices.testSending': {
    nb: 'Testsiden sendes til skriveren …',
    en: 'Sending the test page to the printer …',
    sv: 'Testsidan skickas till skrivaren …',
  },
  'ui.devices.testPrinted': {
    nb: 'Testsiden er skrevet ut.',
    en: 'The test page has been printed.',
    sv: 'Testsidan är utskriven.',
  },
  'ui.devices.testWaiting': {
    nb: 'Testsiden venter på skriveren: {reason}',
    en: 'The test page is waiting for the printer: {reason}',
    sv: 'Testsidan väntar på skrivaren: {reason}',
  },
  'ui.devices.testFailed': {
    nb: 'Testsiden kunne ikke skrives ut: {reason}',
    en: 'The test page could not be printed: {reason}',
    sv: 'Testsidan kunde inte skrivas ut: {reason}',
  },
  'ui.devices.saved': {
    nb: 'Lagret.',
    en: 'Saved.',
    sv: 'Sparat.',
  },
  'ui.devices.storeName': {
    nb: 'Butikknavn',
    en: 'Store name',
    sv: 'Butiksnamn',
  },
  'ui.devices.storeNameHint': {
    nb: 'Står feltet tomt, brukes kundeklubbens navn ({name})',
    en: 'Left empty, the loyalty club’s name is used ({name})',
    sv: 'Tomt: programmets namn ({name})',
  },
  'ui.devices.address': {
    nb: 'Adresse (inntil 4 linjer)',
    en: 'Address (up to 4 lines)',
    sv: 'Adress (högst 4 rader)',
  },
  'ui.devices.orgNumber': {
    nb: 'Organisasjonsnummer',
    en: 'Organisation number',
    sv: 'Organisationsnummer',
  },
  'ui.devices.orgNumberHint': {
    nb: 'F.eks. 987 654 321 MVA',
    en: 'E.g. 987 654 321 MVA',
    sv: 'T.ex. 987 654 321 MVA',
  },
  'ui.devices.phone': {
    nb: 'Telefon',
    en: 'Phone',
    sv: 'Telefon',
  },
  'ui.devices.footer': {
    nb: 'Bunntekst (inntil 4 linjer)',
    en: 'Footer (up to 4 lines)',
    sv: 'Sidfot (högst 4 rader)',
  },
  'ui.devices.memberCode': {
    nb: 'Medlemskortet på kvitteringen',
    en: 'Member card on the receipt',
    sv: 'Medlemskortet på kvittot',
  },
  'ui.devices.memberCode.barcode': {
    nb: 'Strekkode',
    en: 'Barcode',
    sv: 'Streckkod',
  },
  'ui.devices.memberCode.qr': {
    nb: 'QR-kode',
    en: 'QR code',
    sv: 'QR-kod',
  },
  'ui.devices.memberCode.both': {
    nb: 'Begge',
    en: 'Both',
    sv: 'Båda',
  },
  'ui.devices.memberCode.none': {
    nb: 'Ingen',
    en: 'None',
    sv: 'Ingen',
  },
  'ui.devices.receiptLanguage': {
    nb: 'Språk på kvitteringen',
    en: 'Receipt language',
    sv: 'Språk på kvittot',
  },
  'ui.devices.saveHeader': {
    nb: 'Lagre kvitteringstopp',
    en: 'Save receipt header',
    sv: 'Spara kvittots sidhuvud',
  },
  'ui.syncScreen.title': {
    nb: 'Synkronisering',
    en: 'Sync',
    sv: 'Synkronisering',
  },
  'ui.syncScreen.managerOnly': {
    nb: 'Bare en leder kan koble kassen til kjeden, koble den fra og se konfliktene. Alle kan synkronisere nå.',
    en: 'Only a manager can pair the till, unpair it and see the conflicts. Anyone can sync now.',
    sv: 'Bara en chef kan koppla ihop kassan, koppla från den och se konflikterna. Alla kan synka nu.',
  },
  'ui.syncScreen.loading': {
    nb: 'Henter status …',
    en: 'Fetching the status …',
    sv: 'Hämtar synkstatus …',
  },
  'ui.syncScreen.state': {
    nb: 'Status',
    en: 'Status',
    sv: 'Status',
  },
  'ui.syncScreen.explain.online': {
    nb: 'Kassen har kontakt med skyen og sender det som skjer her fortløpende.',
    en: 'The till reaches the cloud and sends what happens here as it happens.',
    sv: 'Kassan har kontakt med molnet och skickar det som händer här löpande.',
  },
  'ui.syncScreen.explain.offline': {
    nb: 'Kassen får ikke kontakt med skyen. Alt lagres på kassen og sendes når forbindelsen er tilbake.',
    en: 'The till cannot reach the cloud. Everything is kept on the till and sent when the connection is back.',
    sv: 'Kassan får ingen kontakt med molnet. Allt sparas i kassan och skickas när anslutningen är tillbaka.',
  },
  'ui.syncScreen.explain.unpaired': {
    nb: 'Kassen er ikke koblet til kjedens sky. Den virker som vanlig, men deler ingenting med andre kasser.',
    en: 'The till is not paired with the chain’s cloud. It works as usual but shares nothing with other tills.',
    sv: 'Kassan är inte ihopkopplad med kedjans moln. Den fungerar som vanligt, men delar ingenting med andra kassor.',
  },
  'ui.syncScreen.pending': {
    nb: 'Ikke sendt ennå',
    en: 'Not sent yet',
    sv: 'Väntar på att skickas',
  },
  'ui.syncScreen.events': {
    nb: '{count, plural, one {# registrering} other {# registreringer}}',
    en: '{count, plural, one {# event} other {# events}}',
    sv: '{count, plural, one {# händelse} other {# händelser}}',
  },
  'ui.syncScreen.eventsOne': {
    nb: '1 registrering',
    en: '1 event',
    sv: '1 händelse',
  },
  'ui.syncScreen.lastSync': {
    nb: 'Sist synkronisert',
    en: 'Last synced',
    sv: 'Senast synkad',
  },
  'ui.syncScreen.never': {
    nb: 'Aldri',
    en: 'Never',
    sv: 'Aldrig',
  },
  'ui.syncScreen.cloudUrl': {
    nb: 'Skyadresse',
    en: 'Cloud address',
    sv: 'Molnadress',
  },
  'ui.syncScreen.chain': {
    nb: 'Kjede',
    en: 'Chain',
    sv: 'Kedja',
  },
  'ui.syncScreen.store': {
    nb: 'Butikk',
    en: 'Store',
    sv: 'Butik',
  },
  'ui.syncScreen.terminal': {
    nb: 'Kassenavn',
    en: 'Till name',
    sv: 'Kassanamn',
  },
  'ui.syncScreen.noName': {
    nb: 'Uten navn',
    en: 'No name',
    sv: 'Utan namn',
  },
  'ui.syncScreen.slot': {
    nb: 'Medlemsnumre',
    en: 'Member numbers',
    sv: 'Medlemsnummer',
  },
  'ui.syncScreen.slotValue': {
    nb: 'blokk {slot}',
    en: 'block {slot}',
    sv: 'block {slot}',
  },
  'ui.syncScreen.pairedAt': {
    nb: 'Koblet til',
    en: 'Paired',
    sv: 'Ihopkopplad',
  },
  'ui.pairing.fromEnv': {
    nb: 'Koblet til kjeden ved installasjonen (LOJAL_CLOUD_URL og LOJAL_STORE_CODE). Kobler en leder kassen fra, kobles den ikke til igjen av seg selv.',
    en: 'Paired when the till was installed (LOJAL_CLOUD_URL and LOJAL_STORE_CODE). If a manager unpairs it, it is not paired again by itself.',
    sv: 'Ihopkopplad vid installationen (LOJAL_CLOUD_URL och LOJAL_STORE_CODE). Kopplar en chef från den, kopplas den inte ihop igen av sig själv.',
  },
  'ui.syncScreen.lastError': {
    nb: 'Siste feil:',
    en: 'Last error:',
    sv: 'Senaste fel:',
  },
  'ui.syncScreen.syncNow': {
    nb: 'Synkroniser nå',
    en: 'Sync now',
    sv: 'Synka nu',
  },
  'ui.syncScreen.syncing': {
    nb: 'Synkroniserer …',
    en: 'Syncing …',
    sv: 'Synkar …',
  },
  'ui.syncScreen.pairFirst': {
    nb: 'Koble kassen til kjeden først.',
    en: 'Pair the till first.',
    sv: 'Koppla ihop kassan först.',
  },
  'ui.syncScreen.rejected': {
    nb: 'Avvist av skyen ({count})',
    en: 'Refused by the cloud ({count})',
    sv: 'Avvisade av molnet ({count})',
  },
  'ui.syncScreen.rejectedHint': {
    nb: 'Disse blir liggende på kassen og sendes ikke før feilen er rettet. Meld fra til den som drifter skyen.',
    en: 'These stay on the till and are not sent until the fault is put right. Tell whoever runs the cloud.',
    sv: 'De ligger kvar i kassan och skickas inte förrän felet är rättat. Meddela den som driftar molnet.',
  },
  'ui.syncScreen.quarantined': {
    nb: 'Lagt til side ({count})',
    en: 'Set aside ({count})',
    sv: 'Lagda åt sidan ({count})',
  },
  'ui.syncScreen.quarantinedHint': {
    nb: 'Registreringer kassen ikke kunne ta inn eller sende. De er tatt vare på og meldt til skyen; alt annet synkroniseres som vanlig. Meld fra til den som drifter kjeden.',
    en: 'Events this till could not take in or send. They are kept and reported to the cloud; everything else syncs as usual. Tell whoever runs the chain.',
    sv: 'Händelser som kassan inte kunde ta emot eller skicka. De är sparade och rapporterade till molnet; allt annat synkas som vanligt. Meddela den som driftar kedjan.',
  },
  'ui.syncScreen.quarantinePulled': {
    nb: 'Fra skyen',
    en: 'From the cloud',
    sv: 'Från molnet',
  },
  'ui.syncScreen.quarantineLocal': {
    nb: 'Fra denne kassen',
    en: 'From this till',
    sv: 'Från den här kassan',
  },
  'ui.syncScreen.quarantineReported': {
    nb: 'meldt til skyen',
    en: 'reported to the cloud',
    sv: 'rapporterad till molnet',
  },
  'ui.syncScreen.quarantineNotReported': {
    nb: 'ikke meldt til skyen ennå',
    en: 'not reported to the cloud yet',
    sv: 'inte rapporterad till molnet ännu',
  },
  'ui.syncScreen.foreignEvents': {
    nb: '{count, plural, one {# registrering} other {# registreringer}} fra en nyere versjon av Lojal er lagret og sendt videre, men ikke tatt i bruk. Oppdater Lojal på denne kassen.',
    en: '{count, plural, one {# event} other {# events}} from a newer version of Lojal {count, plural, one {is} other {are}} stored and passed on, but not applied. Update Lojal on this till.',
    sv: '{count, plural, one {# händelse} other {# händelser}} från en nyare version av appen har sparats och skickats vidare, men inte tagits i bruk. Uppdatera appen i den här kassan.',
  },
  'ui.pairing.title': {
    nb: 'Koble til kjedens sky',
    en: 'Pair with the chain’s cloud',
    sv: 'Koppla ihop med kedjans moln',
  },
  'ui.pairing.pairedTitle': {
    nb: 'Tilkobling til kjeden',
    en: 'Pairing',
    sv: 'Ihopkoppling',
  },
  'ui.pairing.done': {
    nb: 'Koblet til {chain}, {store}. Nye medlemmer får numre i blokk {slot}.',
    en: 'Paired with {chain}, {store}. New members get numbers in block {slot}.',
    sv: 'Ihopkopplad med {chain}, {store}. Nya medlemmar får nummer i block {slot}.',
  },
  'ui.pairing.unpairedRevoked': {
    nb: 'Kassen er koblet fra, og skyen har trukket tilbake nøkkelen.',
    en: 'The till is unpaired, and the cloud has revoked its key.',
    sv: 'Kassan är frånkopplad, och molnet har dragit tillbaka nyckeln.',
  },
  'ui.pairing.unpairedNotRevoked': {
    nb: 'Kassen er koblet fra. Skyen svarte ikke, så nøkkelen er bare slettet på denne kassen.',
    en: 'The till is unpaired. The cloud did not answer, so the key is only removed from this till.',
    sv: 'Kassan är frånkopplad. Molnet svarade inte, så nyckeln är bara raderad här.',
  },
  'ui.pairing.unpairedPending': {
    nb: 'Registreringer som ikke ble sendt, blir liggende på kassen: {count}.',
    en: 'Sales and changes that were not sent stay on the till: {count}.',
    sv: 'Händelser som inte skickades ligger kvar i kassan: {count}.',
  },
  'ui.pairing.envSuspended': {
    nb: 'Ved installasjonen ble kassen satt opp mot skyen {url}, men en leder koblet den fra. Den kobles ikke til derfra igjen før en leder kobler den til her.',
    en: 'The till was set up for the cloud {url} when it was installed, but a manager unpaired it. It is not paired from there again until a manager pairs it here.',
    sv: 'Vid installationen ställdes kassan in mot molnet {url}, men en chef kopplade från den. Den kopplas inte ihop därifrån igen förrän en chef kopplar ihop den här.',
  },
  'ui.pairing.envPending': {
    nb: 'Kassen kobles til {url}, slik den ble satt opp ved installasjonen (LOJAL_CLOUD_URL og LOJAL_STORE_CODE). Den prøver til skyen svarer.',
    en: 'The till is being paired with {url}, as set up when it was installed (LOJAL_CLOUD_URL and LOJAL_STORE_CODE). It keeps trying until the cloud answers.',
    sv: 'Kassan kopplas ihop med {url}, så som den ställdes in vid installationen (LOJAL_CLOUD_URL och LOJAL_STORE_CODE). Den försöker tills molnet svarar.',
  },
  'ui.pairing.intro': {
    nb: 'Skriv inn skyens adresse og butikkoden kjeden har gitt butikken. Kassen får sin egen nøkkel; butikkoden trengs bare nå.',
    en: 'Type the cloud’s address and the store code the chain gave the store. The till gets its own key; the store code is needed only now.',
    sv: 'Skriv in molnets adress och butikskoden som kedjan har gett butiken. Kassan får en egen nyckel; butikskoden behövs bara nu.',
  },
  'ui.pairing.cloudUrl': {
    nb: 'Skyadresse',
    en: 'Cloud address',
    sv: 'Molnadress',
  },
  'ui.pairing.cloudUrlHint': {
    nb: 'F.eks. https://sky.eksempel.no (http:// bare på denne maskinen)',
    en: 'E.g. https://cloud.example.no (http:// only on this machine)',
    sv: 'T.ex. https://moln.exempel.se (vanlig http bara på den här datorn)',
  },
  'ui.pairing.storeCode': {
    nb: 'Butikkode',
    en: 'Store code',
    sv: 'Butikskod',
  },
  'ui.pairing.storeCodeHint': {
    nb: '8 tegn, f.eks. 7K4M-Q2XP. Store eller små bokstaver, mellomrom og bindestrek spiller ingen rolle.',
    en: '8 characters, e.g. 7K4M-Q2XP. Upper or lower case, spaces and dashes do not matter.',
    sv: '8 tecken, t.ex. 7K4M-Q2XP. Stora eller små bokstäver, mellanslag och bindestreck spelar ingen roll.',
  },
  'ui.pairing.terminalName': {
    nb: 'Kassenavn',
    en: 'Till name',
    sv: 'Kassanamn',
  },
  'ui.pairing.terminalNamePlaceholder': {
    nb: 'F.eks. Kasse 1',
    en: 'E.g. Till 1',
    sv: 'T.ex. Kassa 1',
  },
  'ui.pairing.terminalNameHint': {
    nb: 'Slik vises kassen i skyen. Står feltet tomt, brukes maskinens navn.',
    en: 'How the till is listed in the cloud. Left empty, the computer’s name is used.',
    sv: 'Så här visas kassan i molnet. Tomt: datorns namn.',
  },
  'ui.pairing.submit': {
    nb: 'Koble til kjeden',
    en: 'Pair the till',
    sv: 'Koppla ihop kassan',
  },
  'ui.pairing.pairing': {
    nb: 'Kobler til …',
    en: 'Pairing …',
    sv: 'Kopplar ihop …',
  },
  'ui.pairing.unpairIntro': {
    nb: 'Kassen deler medlemmer og salg med de andre kassene i kjeden gjennom skyen.',
    en: 'The till shares members and sales with the chain’s other tills through the cloud.',
    sv: 'Kassan delar medlemmar och köp med kedjans andra kassor via molnet.',
  },
  'ui.pairing.unpair': {
    nb: 'Koble fra',
    en: 'Unpair',
    sv: 'Koppla från',
  },
  'ui.pairing.unpairQuestion': {
    nb: 'Koble kassen fra skyen?',
    en: 'Unpair the till from the cloud?',
    sv: 'Ska kassan kopplas från molnet?',
  },
  'ui.pairing.unpairExplain': {
    nb: 'Kassen virker videre uten sky: medlemmer og salg blir liggende her, men ingenting sendes eller hentes før en leder kobler den til igjen.',
    en: 'The till keeps working without a cloud: members and sales stay here, but nothing is sent or received until a manager pairs it again.',
    sv: 'Kassan fungerar vidare utan moln: medlemmar och köp ligger kvar här, men ingenting skickas eller hämtas förrän en chef kopplar ihop den igen.',
  },
  'ui.pairing.unpairPendingWarning': {
    nb: 'Registreringer som ikke er sendt ennå: {count}. Synkroniser først, eller koble fra likevel: de blir liggende på kassen og sendes hvis den kobles til samme kjede igjen.',
    en: 'Sales and changes not sent yet: {count}. Sync first, or unpair anyway: they stay on the till and are sent if it is paired with the same chain again.',
    sv: 'Händelser som inte har skickats ännu: {count}. Synka först, eller koppla från ändå: de ligger kvar i kassan och skickas om den kopplas ihop med samma kedja igen.',
  },
  'ui.pairing.unpairEnv': {
    nb: 'Oppsettet fra installasjonen (LOJAL_CLOUD_URL) kobler den ikke til igjen av seg selv.',
    en: 'The set-up from the installation (LOJAL_CLOUD_URL) does not pair it again by itself.',
    sv: 'Inställningen från installationen (LOJAL_CLOUD_URL) kopplar inte ihop den igen av sig själv.',
  },
  'ui.pairing.unpairYes': {
    nb: 'Ja, koble fra',
    en: 'Yes, unpair',
    sv: 'Ja, koppla från',
  },
  'ui.pairing.unpairAnyway': {
    nb: 'Koble fra likevel',
    en: 'Unpair anyway',
    sv: 'Koppla från ändå',
  },
  'ui.conflicts.title': {
    nb: 'Konflikter',
    en: 'Conflicts',
    sv: 'Konflikter',
  },
  'ui.conflicts.managerOnly': {
    nb: 'Bare en leder ser konfliktene. Logg inn som leder.',
    en: 'Only a manager sees the conflicts. Log in as a manager.',
    sv: 'Bara en chef ser konflikterna. Logga in som chef.',
  },
  'ui.conflicts.refresh': {
    nb: 'Oppdater',
    en: 'Refresh',
    sv: 'Uppdatera',
  },
  'ui.conflicts.intro': {
    nb: 'Når to kasser uten nett gjør det samme, forklares det her. Ingenting endres fra denne listen.',
    en: 'When two offline tills do the same thing, it is explained here. Nothing is changed from this list.',
    sv: 'När två kassor utan nät gör samma sak förklaras det här. Ingenting ändras från den här listan.',
  },
  'ui.conflicts.loading': {
    nb: 'Henter konflikter …',
    en: 'Reading the conflicts …',
    sv: 'Hämtar konflikter …',
  },
  'ui.conflicts.cloudUnavailable': {
    nb: 'Skyens liste mangler: {reason} Kassens egne står under.',
    en: 'The cloud’s list is missing: {reason} The till’s own are below.',
    sv: 'Molnets lista saknas: {reason} Kassans egna står nedan.',
  },
  'ui.conflicts.none': {
    nb: 'Ingen konflikter.',
    en: 'No conflicts.',
    sv: 'Inga konflikter.',
  },
  'ui.conflicts.seen': {
    nb: 'Oppdaget {when}',
    en: 'Found {when}',
    sv: 'Upptäckt {when}',
  },
  'ui.conflicts.memberMissing': {
    nb: 'Medlemmet er ikke på denne kassen ennå.',
    en: 'The member is not on this till yet.',
    sv: 'Medlemmen finns inte i den här kassan ännu.',
  },
  'ui.conflicts.openMember': {
    nb: 'Åpne {name}',
    en: 'Open {name}',
    sv: 'Öppna {name}',
  },
  'ui.conflicts.openMemberLabel': {
    nb: 'Åpne {name} (medlemsnr. {number}) i medlemspanelet',
    en: 'Open {name} (member no. {number}) in the member panel',
    sv: 'Öppna {name} (medlemsnr {number}) i medlemspanelen',
  },
  'ui.print.title': {
    nb: 'Kvitteringer som venter',
    en: 'Receipts waiting',
    sv: 'Kvitton som väntar',
  },
  'ui.print.none': {
    nb: 'Ingen kvitteringer venter.',
    en: 'No receipts are waiting.',
    sv: 'Inga kvitton väntar.',
  },
  'ui.print.kind.receipt': {
    nb: 'Kvittering {number}',
    en: 'Receipt {number}',
    sv: 'Kvitto {number}',
  },
  'ui.print.kind.copy': {
    nb: 'Kopi av {number}',
    en: 'Copy of {number}',
    sv: 'Kopia av {number}',
  },
  'ui.print.kind.test': {
    nb: 'Testside',
    en: 'Test page',
    sv: 'Testsida',
  },
  'ui.print.status.pending': {
    nb: 'Venter',
    en: 'Waiting',
    sv: 'Väntar',
  },
  'ui.print.status.printing': {
    nb: 'Skrives ut',
    en: 'Printing',
    sv: 'Skrivs ut',
  },
  'ui.print.status.failed': {
    nb: 'Feilet',
    en: 'Failed',
    sv: 'Misslyckades',
  },
  'ui.print.status.printed': {
    nb: 'Skrevet ut',
    en: 'Printed',
    sv: 'Utskrivet',
  },
  'ui.print.attempts': {
    nb: '{count, plural, one {# forsøk} other {# forsøk}}',
    en: '{count, plural, one {# attempt} other {# attempts}}',
    sv: '{count, plural, one {# försök} other {# försök}}',
  },
  'ui.print.queuedAt': {
    nb: 'lagt i kø kl. {time}',
    en: 'queued at {time}',
    sv: 'lagd i kö kl. {time}',
  },
  'ui.print.lastError': {
    nb: 'Siste feil: {reason}',
    en: 'Last problem: {reason}',
    sv: 'Senaste fel: {reason}',
  },
  'ui.print.retry': {
    nb: 'Prøv igjen',
    en: 'Try again',
    sv: 'Försök igen',
  },
  'ui.print.retryAll': {
    nb: 'Prøv alle igjen',
    en: 'Try all again',
    sv: 'Försök igen med alla',
  },
  'ui.print.retried': {
    nb: 'Prøver igjen …',
    en: 'Trying again …',
    sv: 'Försöker igen …',
  },
  'ui.print.reprint': {
    nb: 'Skriv ut kopi',
    en: 'Print a copy',
    sv: 'Skriv ut kopia',
  },
  'ui.print.copySending': {
    nb: 'Kopien sendes til skriveren …',
    en: 'Sending the copy to the printer …',
    sv: 'Kopian skickas till skrivaren …',
  },
  'ui.print.copyPrinted': {
    nb: 'Kopien er skrevet ut.',
    en: 'The copy has been printed.',
    sv: 'Kopian är utskriven.',
  },
  'ui.print.copyWaiting': {
    nb: 'Kopien venter på skriveren: {reason}',
    en: 'The copy is waiting for the printer: {reason}',
    sv: 'Kopian väntar på skrivaren: {reason}',
  },
  'ui.print.copyFailed': {
    nb: 'Kopien kunne ikke skrives ut: {reason}',
    en: 'The copy could not be printed: {reason}',
    sv: 'Kopian kunde inte skrivas ut: {reason}',
  },
  'ui.shortcut.hint': {
    nb: 'Snarveier: F2 Kundeklubb · F3 Vare · F4 Fullfør · F7 Kvitteringer · F8 Enheter · F9 Sky · Esc Lukk',
    en: 'Shortcuts: F2 Loyalty club · F3 Product · F4 Complete · F7 Receipts · F8 Devices · F9 Sync · Esc Close',
    sv: 'Kortkommandon: F2 Kundklubb · F3 Vara · F4 Slutför · F7 Kvitton · F8 Enheter · F9 Synk · Esc Stäng',
  },
  'ui.lang.group': {
    nb: 'Språk',
    en: 'Language',
    sv: 'Språk',
  },
  'ui.lang.name.nb': {
    nb: 'Norsk',
    en: 'Norsk',
    sv: 'Norsk',
  },
  'ui.lang.name.en': {
    nb: 'English',
    en: 'English',
    sv: 'English',
  },
  'ui.lang.name.sv': {
    nb: 'Svenska',
    en: 'Svenska',
    sv: 'Svenska',
  },
  'ui.lang.to.nb': {
    nb: 'Bytt språk til norsk',
    en: 'Switch language to Norwegian',
    sv: 'Byt språk till norska',
  },
  'ui.lang.to.en': {
    nb: 'Bytt språk til engelsk',
    en: 'Switch language to English',
    sv: 'Byt språk till engelska',
  },
  'ui.lang.to.sv': {
    nb: 'Bytt språk til svensk',
    en: 'Switch language to Swedish',
    sv: 'Byt språk till svenska',
  },
  'ui.camera.title': {
    nb: 'Skann med kamera',
    en: 'Scan with camera',
    sv: 'Skanna med kameran',
  },
  'ui.camera.starting': {
    nb: 'Starter kameraet …',
    en: 'Starting the camera …',
    sv: 'Startar kameran …',
  },
  'ui.camera.hint': {
    nb: 'Hold medlemskortet, QR-koden eller strekkoden foran kameraet.',
    en: 'Hold the member card, QR code or barcode in front of the camera.',
    sv: 'Håll medlemskortet, QR-koden eller streckkoden framför kameran.',
  },
  'ui.camera.denied': {
    nb: 'Appen har ikke lov til å bruke kameraet. Gi tilgang i nettleserens eller systemets innstillinger, og prøv igjen.',
    en: 'The app is not allowed to use the camera. Allow it in the browser or system settings and try again.',
    sv: 'Appen får inte använda kameran. Ge åtkomst i webbläsarens eller systemets inställningar och försök igen.',
  },
  'ui.camera.noCamera': {
    nb: 'Fant ikke noe kamera. Koble til et kamera, eller bruk strekkodeskanneren.',
    en: 'No camera found. Connect a camera, or use the barcode scanner.',
    sv: 'Hittade ingen kamera. Anslut en kamera, eller använd streckkodsläsaren.',
  },
  'ui.camera.busy': {
    nb: 'Kameraet er i bruk av et annet program. Lukk det programmet, og prøv igjen.',
    en: 'The camera is in use by another program. Close that program and try again.',
    sv: 'Kameran används av ett annat program. Stäng det programmet och försök igen.',
  },
  'ui.camera.unsupported': {
    nb: 'Kameraet kan ikke brukes her (siden er ikke åpnet på en sikker adresse).',
    en: 'The camera cannot be used here (the page is not on a secure address).',
    sv: 'Kameran kan inte användas här (sidan är inte öppnad på en säker adress).',
  },
  'ui.camera.failed': {
    nb: 'Kameraet kunne ikke startes.',
    en: 'The camera could not be started.',
    sv: 'Kameran kunde inte startas.',
  },
  'ui.camera.retry': {
    nb: 'Prøv igjen',
    en: 'Try again',
    sv: 'Försök igen',
  },
  'ui.camera.close': {
    nb: 'Lukk kameraet',
    en: 'Close camera',
    sv: 'Stäng kameran',
  },
  'ui.care.open': {
    nb: 'Medlemsside',
    en: 'Member care',
    sv: 'Medlemssida',
  },
  'ui.care.title': {
    nb: 'Medlemsside: {name}',
    en: 'Member care: {name}',
    sv: 'Medlemssida: {name}',
  },
  'ui.care.sections': {
    nb: 'Deler av medlemssiden',
    en: 'Parts of member care',
    sv: 'Delar av medlemssidan',
  },
  'ui.care.history': {
    nb: 'Historikk',
    en: 'History',
    sv: 'Historik',
  },
  'ui.care.profile': {
    nb: 'Profil',
    en: 'Profile',
    sv: 'Profil',
  },
  'ui.care.consent': {
    nb: 'Samtykke',
    en: 'Consent',
    sv: 'Samtycke',
  },
  'ui.care.pin': {
    nb: 'PIN-kode',
    en: 'PIN',
    sv: 'PIN-kod',
  },
  'ui.care.points': {
    nb: 'Poeng',
    en: 'Points',
    sv: 'Poäng',
  },
  'ui.care.data': {
    nb: 'Personvern',
    en: 'Privacy',
    sv: 'Integritet',
  },
  'ui.care.managerOnly': {
    nb: 'Bare en leder kan gjøre dette. Be en leder logge inn.',
    en: 'Only a manager can do this. Ask a manager to log in.',
    sv: 'Bara en chef kan göra detta. Be en chef logga in.',
  },
  'ui.care.loading': {
    nb: 'Henter …',
    en: 'Loading …',
    sv: 'Hämtar …',
  },
  'ui.care.historyEmpty': {
    nb: 'Ingenting ennå.',
    en: 'Nothing yet.',
    sv: 'Inget ännu.',
  },
  'ui.care.historyMore': {
    nb: 'Eldre historikk vises ikke her.',
    en: 'Older history is not shown here.',
    sv: 'Äldre händelser visas inte här.',
  },
  'ui.care.hSale': {
    nb: 'Kjøp, kvittering {receiptNo}: {total}',
    en: 'Purchase, receipt {receiptNo}: {total}',
    sv: 'Köp, kvitto {receiptNo}: {total}',
  },
  'ui.care.hSaleVoidedTag': {
    nb: 'annullert',
    en: 'voided',
    sv: 'makulerat',
  },
  'ui.care.hSaleReturnedTag': {
    nb: 'returnert {amount}',
    en: 'returned {amount}',
    sv: 'returnerat {amount}',
  },
  'ui.care.hVoided': {
    nb: 'Kvittering {receiptNo} annullert',
    en: 'Receipt {receiptNo} voided',
    sv: 'Kvitto {receiptNo} makulerat',
  },
  'ui.care.hReturned': {
    nb: 'Retur på kvittering {receiptNo}: {amount}',
    en: 'Return on receipt {receiptNo}: {amount}',
    sv: 'Retur på kvitto {receiptNo}: {amount}',
  },
  'ui.care.hPoints': {
    nb: '{points, plural, one {# poeng} other {# poeng}}: {reason}',
    en: '{points, plural, one {# point} other {# points}}: {reason}',
    sv: '{points, plural, one {# poäng} other {# poäng}}: {reason}',
  },
  'ui.care.hStamps': {
    nb: '{count, plural, one {# stempel} other {# stempler}} på {card}',
    en: '{count, plural, one {# stamp} other {# stamps}} on {card}',
    sv: '{count, plural, one {# stämpel} other {# stämplar}} på {card}',
  },
  'ui.care.hCoupon': {
    nb: '{state, select, issued {Kupong gitt} used {Kupong brukt} other {Kupong utløpt}}: {reason}',
    en: '{state, select, issued {Coupon given} used {Coupon used} other {Coupon expired}}: {reason}',
    sv: '{state, select, issued {Kupong utdelad} used {Kupong använd} other {Kupongen gick ut}}: {reason}',
  },
  'ui.care.hConsent': {
    nb: '{channel, select, sms {SMS} other {E-post}}: samtykke {granted, select, yes {gitt} other {trukket tilbake}}',
    en: '{channel, select, sms {Text messages} other {E-mail}}: consent {granted, select, yes {given} other {withdrawn}}',
    sv: '{channel, select, sms {SMS} other {E-post}}: samtycke {granted, select, yes {givet} other {återkallat}}',
  },
  'ui.care.hEnrolled': {
    nb: 'Ble medlem',
    en: 'Joined the club',
    sv: 'Blev medlem',
  },
  'ui.care.hProfile': {
    nb: 'Profilen endret ({fields})',
    en: 'Profile changed ({fields})',
    sv: 'Profilen ändrad ({fields})',
  },
  'ui.care.hPin': {
    nb: 'PIN-kode satt',
    en: 'PIN set',
    sv: 'PIN-kod satt',
  },
  'ui.care.firstName': {
    nb: 'Fornavn',
    en: 'First name',
    sv: 'Förnamn',
  },
  'ui.care.lastName': {
    nb: 'Etternavn',
    en: 'Last name',
    sv: 'Efternamn',
  },
  'ui.care.email': {
    nb: 'E-post',
    en: 'E-mail',
    sv: 'E-post',
  },
  'ui.care.phone': {
    nb: 'Mobilnummer',
    en: 'Mobile number',
    sv: 'Mobilnummer',
  },
  'ui.care.birthDate': {
    nb: 'Fødselsdato (ÅÅÅÅ-MM-DD)',
    en: 'Date of birth (YYYY-MM-DD)',
    sv: 'Födelsedatum (ÅÅÅÅ-MM-DD)',
  },
  'ui.care.postalCode': {
    nb: 'Postnummer',
    en: 'Postal code',
    sv: 'Postnummer',
  },
  'ui.care.save': {
    nb: 'Lagre',
    en: 'Save',
    sv: 'Spara',
  },
  'ui.care.saved': {
    nb: 'Lagret.',
    en: 'Saved.',
    sv: 'Sparat.',
  },
  'ui.care.masked': {
    nb: 'Personopplysninger vises bare for ledere.',
    en: 'Personal data is shown to managers only.',
    sv: 'Personuppgifter visas bara för chefer.',
  },
  'ui.care.channel': {
    nb: '{channel, select, sms {SMS} other {E-post}}',
    en: '{channel, select, sms {Text messages} other {E-mail}}',
    sv: '{channel, select, sms {SMS} other {E-post}}',
  },
  'ui.care.consentOn': {
    nb: 'Har samtykket',
    en: 'Has consented',
    sv: 'Har samtyckt',
  },
  'ui.care.consentOff': {
    nb: 'Har ikke samtykket',
    en: 'Has not consented',
    sv: 'Inget samtycke',
  },
  'ui.care.withdraw': {
    nb: 'Trekk tilbake',
    en: 'Withdraw',
    sv: 'Återkalla',
  },
  'ui.care.give': {
    nb: 'Gi samtykke',
    en: 'Give consent',
    sv: 'Ge samtycke',
  },
  'ui.care.consentWithdrawn': {
    nb: 'Samtykket er trukket tilbake.',
    en: 'Consent withdrawn.',
    sv: 'Samtycket är återkallat.',
  },
  'ui.care.consentGiven': {
    nb: 'Samtykket er registrert.',
    en: 'Consent recorded.',
    sv: 'Samtycket är registrerat.',
  },
  'ui.care.consentWhy': {
    nb: 'Samtykke kan trekkes tilbake på medlemmets ord. Å gi samtykke er medlemmets eget valg: da må medlemmet være her, med kortet skannet eller PIN-koden tastet.',
    en: 'Consent can be withdrawn on the member’s word. Giving it is the member’s own choice: the member must be here, with their card scanned or their PIN typed.',
    sv: 'Samtycke kan återkallas på medlemmens ord. Att ge samtycke är medlemmens eget val: då måste medlemmen vara här, med kortet skannat eller PIN-koden inslagen.',
  },
  'ui.care.consentVerified': {
    nb: 'Medlemmet er bekreftet her.',
    en: 'The member is verified here.',
    sv: 'Medlemmen är bekräftad här.',
  },
  'ui.care.consentPin': {
    nb: 'Medlemmets PIN-kode',
    en: 'The member’s PIN',
    sv: 'Medlemmens PIN-kod',
  },
  'ui.care.verify': {
    nb: 'Bekreft',
    en: 'Verify',
    sv: 'Bekräfta',
  },
  'ui.care.newPin': {
    nb: 'Ny PIN-kode (4–8 sifre)',
    en: 'New PIN (4–8 digits)',
    sv: 'Ny PIN-kod (4–8 siffror)',
  },
  'ui.care.resetPin': {
    nb: 'Nullstill PIN-kode',
    en: 'Reset PIN',
    sv: 'Nollställ PIN-kod',
  },
  'ui.care.pinReset': {
    nb: 'PIN-koden er endret.',
    en: 'The PIN has been changed.',
    sv: 'PIN-koden är ändrad.',
  },
  'ui.care.pinHint': {
    nb: 'Medlemmet har {has, select, yes {en PIN-kode} other {ingen PIN-kode}}.',
    en: 'The member {has, select, yes {has a PIN} other {has no PIN}}.',
    sv: 'Medlemmen har {has, select, yes {en PIN-kod} other {ingen PIN-kod}}.',
  },
  'ui.care.balance': {
    nb: 'Poeng å bruke: {points}',
    en: 'Points to spend: {points}',
    sv: 'Poäng att använda: {points}',
  },
  'ui.care.offers': {
    nb: 'Kjøp kupong med poeng',
    en: 'Buy a coupon with points',
    sv: 'Köp kupong med poäng',
  },
  'ui.care.noOffers': {
    nb: 'Kundeklubben har ingen kuponger å kjøpe med poeng.',
    en: 'The loyalty club has no coupons to buy with points.',
    sv: 'Programmet har inga kuponger att köpa med poäng.',
  },
  'ui.care.buy': {
    nb: 'Kjøp for {points} poeng',
    en: 'Buy for {points} points',
    sv: 'Köp för {points} poäng',
  },
  'ui.care.bought': {
    nb: 'Kupongen er kjøpt og ligger på medlemmet.',
    en: 'The coupon is bought and on the member.',
    sv: 'Kupongen är köpt och finns på medlemmen.',
  },
  'ui.care.actions': {
    nb: 'Poeng for en handling',
    en: 'Points for an action',
    sv: 'Poäng för en handling',
  },
  'ui.care.noActions': {
    nb: 'Kundeklubben har ingen handlinger som gir poeng.',
    en: 'The loyalty club has no actions that give points.',
    sv: 'Programmet har inga handlingar som ger poäng.',
  },
  'ui.care.award': {
    nb: 'Gi {points} poeng',
    en: 'Give {points} points',
    sv: 'Ge {points} poäng',
  },
  'ui.care.awarded': {
    nb: 'Poengene er gitt.',
    en: 'The points are given.',
    sv: 'Poängen är givna.',
  },
  'ui.care.export': {
    nb: 'Eksporter medlemmets data',
    en: 'Export the member’s data',
    sv: 'Exportera medlemmens data',
  },
  'ui.care.exportReady': {
    nb: 'Eksporten er klar:',
    en: 'The export is ready:',
    sv: 'Exporten är klar:',
  },
  'ui.care.exportFile': {
    nb: 'Last ned fil (JSON)',
    en: 'Download file (JSON)',
    sv: 'Ladda ner (JSON)',
  },
  'ui.care.erase': {
    nb: 'Slett medlemmet',
    en: 'Erase the member',
    sv: 'Radera medlemmen',
  },
  'ui.care.eraseWarn': {
    nb: 'Personopplysningene slettes for godt, her og på alle kassene i kjeden. Anonyme salgstall blir igjen. Dette kan ikke angres.',
    en: 'The personal data is erased for good, here and on every till of the chain. Anonymous sales figures stay. This cannot be undone.',
    sv: 'Personuppgifterna raderas för gott, här och i alla kassor i kedjan. Anonyma försäljningssiffror finns kvar. Detta kan inte ångras.',
  },
  'ui.care.eraseConfirm': {
    nb: 'Ja, slett for godt',
    en: 'Yes, erase for good',
    sv: 'Ja, radera för gott',
  },
  'ui.care.cancel': {
    nb: 'Avbryt',
    en: 'Cancel',
    sv: 'Avbryt',
  },
  'ui.care.erased': {
    nb: 'Medlemmet er slettet.',
    en: 'The member has been erased.',
    sv: 'Medlemmen är raderad.',
  },
  /** A profile field's name in the member's history ("Profilen endret (etternavn, postnummer)"). */
  'ui.care.field': {
    nb: '{field, select, firstName {fornavn} lastName {etternavn} email {e-post} birthDate {fødselsdato} postalCode {postnummer} gender {kjønn} phoneE164 {mobilnummer} other {{field}}}',
    en: '{field, select, firstName {first name} lastName {last name} email {e-mail} birthDate {date of birth} postalCode {postal code} gender {gender} phoneE164 {mobile number} other {{field}}}',
    sv: '{field, select, firstName {förnamn} lastName {efternamn} email {e-post} birthDate {födelsedatum} postalCode {postnummer} gender {kön} phoneE164 {mobilnummer} other {{field}}}',
  },
  'ui.club.nameHint': {
    nb: 'Som leder kan du også skrive et navn og velge blant medlemmene som passer.',
    en: 'As a manager you may also type a name and choose among the members it finds.',
    sv: 'Som chef kan du också skriva ett namn och välja bland medlemmarna som passar.',
  },
});
