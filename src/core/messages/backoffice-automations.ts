/**
 * The back office's automatic messages (src/backoffice/pages/AutomationsPage.tsx,
 * src/contract/backoffice/automations.ts, cloud/automations): what is wrong
 * with a text saved (`backoffice.automations.*`) and the page's words
 * (`backoffice.ui.automations.*`).
 */
import { defineMessages } from './define';

export const backofficeAutomationsMessages = defineMessages({
  'backoffice.automations.unknownPlaceholder': {
    nb: '{name} kan ikke brukes her. Du kan bruke: {allowed}.',
    en: '{name} cannot be filled in here. You can use: {allowed}.',
    sv: '{name} kan inte användas här. Du kan använda: {allowed}.',
  },
  'backoffice.automations.noBirthdayCoupon': {
    nb: 'Kundeklubben har ingen bursdagskupong, så {name} blir tomt. Ta det bort, eller legg inn en bursdagskupong under Kundeklubben.',
    en: 'The loyalty club has no birthday coupon, so {name} would be empty. Take it out, or add a birthday coupon under the club settings.',
    sv: 'Kundklubben har ingen födelsedagskupong, så {name} blir tomt. Ta bort det, eller lägg in en födelsedagskupong under Kundklubben.',
  },
  'backoffice.ui.nav.automations': {
    nb: 'Automatiske meldinger',
    en: 'Automatic messages',
    sv: 'Automatiska meddelanden',
  },
  'backoffice.ui.automations.lead': {
    nb: 'Meldinger som går av seg selv, én gang om dagen. De følger de samme reglene som kampanjer: bare medlemmer som har samtykket, høyst {cap, plural, one {# melding} other {# meldinger}} per medlem på 30 dager, ingen SMS om kvelden og natta, og alle kan melde seg av.',
    en: 'Messages that go by themselves, once a day. They follow the same rules as campaigns: only members who consented, at most {cap, plural, one {# message} other {# messages}} per member in 30 days, no texts in the evening and at night, and everyone can opt out.',
    sv: 'Meddelanden som går av sig själva, en gång om dagen. De följer samma regler som kampanjer: bara medlemmar som har samtyckt, högst {cap, plural, one {# meddelande} other {# meddelanden}} per medlem på 30 dagar, inga sms på kvällen och natten, och alla kan avregistrera sig.',
  },
  'backoffice.ui.automations.kind.birthday': {
    nb: 'Bursdagshilsen',
    en: 'Birthday greeting',
    sv: 'Födelsedagshälsning',
  },
  'backoffice.ui.automations.kind.birthday.about': {
    nb: 'Sendes på medlemmets bursdag, med bursdagskupongen. Født 29. februar: 28. februar når det ikke er skuddår.',
    en: 'Sent on the member’s birthday, with the birthday coupon. Born on 29 February: 28 February outside leap years.',
    sv: 'Skickas på medlemmens födelsedag, med födelsedagskupongen. Född 29 februari: 28 februari när det inte är skottår.',
  },
  'backoffice.ui.automations.kind.points_expiring': {
    nb: 'Poeng som går ut',
    en: 'Points about to expire',
    sv: 'Poäng som går ut',
  },
  'backoffice.ui.automations.kind.points_expiring.about': {
    nb: 'Sendes 30 dager før poeng går ut, én gang for hver dato.',
    en: 'Sent 30 days before points expire, once for each date.',
    sv: 'Skickas 30 dagar innan poäng går ut, en gång för varje datum.',
  },
  'backoffice.ui.automations.kind.reward_ready': {
    nb: 'Belønning klar',
    en: 'Reward ready',
    sv: 'Belöning klar',
  },
  'backoffice.ui.automations.kind.reward_ready.about': {
    nb: 'Sendes når et klippekort er fullt og belønningen ikke er brukt, én gang for hvert fulle kort.',
    en: 'Sent when a punch card is full and its reward unused, once for each full card.',
    sv: 'Skickas när ett stämpelkort är fullt och belöningen inte använd, en gång för varje fullt kort.',
  },
  'backoffice.ui.automations.kind.win_back': {
    nb: 'Vi savner deg',
    en: 'Win-back',
    sv: 'Vi saknar dig',
  },
  'backoffice.ui.automations.kind.win_back.about': {
    nb: 'Sendes når et medlem ikke har handlet på en stund og er i ferd med å falle fra. Én gang, til medlemmet handler igjen.',
    en: 'Sent when a member has not bought for a while and is lapsing. Once, until the member buys again.',
    sv: 'Skickas när en medlem inte har handlat på ett tag och håller på att falla bort. En gång, tills medlemmen handlar igen.',
  },
  'backoffice.ui.automations.on': { nb: 'På', en: 'On', sv: 'På' },
  'backoffice.ui.automations.off': { nb: 'Av', en: 'Off', sv: 'Av' },
  'backoffice.ui.automations.switch': {
    nb: 'Send {name} automatisk',
    en: 'Send “{name}” automatically',
    sv: 'Skicka {name} automatiskt',
  },
  'backoffice.ui.automations.placeholders': {
    nb: 'Flettefelt du kan bruke: {list}',
    en: 'Fields you can fill in: {list}',
    sv: 'Fält du kan använda: {list}',
  },
  'backoffice.ui.automations.pageLink': {
    nb: '{field} blir en lenke til medlemmets egen side, der de ser poengene, klippekortene og kupongene sine (i SMS og e-posttekst, ikke i emnet).',
    en: "{field} becomes a link to the member's own page, where they see their points, punch cards and coupons (in the text message and e-mail text, not the subject).",
    sv: '{field} blir en länk till medlemmens egen sida, där de ser sina poäng, stämpelkort och kuponger (i sms och e-posttext, inte i ämnet).',
  },
  'backoffice.ui.automations.coupon': {
    nb: 'Bursdagskupongen: {coupon}',
    en: 'The birthday coupon: {coupon}',
    sv: 'Födelsedagskupongen: {coupon}',
  },
  'backoffice.ui.automations.noCoupon': {
    nb: 'Kundeklubben har ingen bursdagskupong. Legg inn en under Kundeklubben, eller ta {fields} ut av teksten.',
    en: 'The loyalty club has no birthday coupon. Add one in the club settings, or take {fields} out of the text.',
    sv: 'Kundklubben har ingen födelsedagskupong. Lägg in en under Kundklubben, eller ta bort {fields} ur texten.',
  },
  'backoffice.ui.automations.smsCost': {
    nb: 'Om lag {cost} per SMS med et vanlig fornavn',
    en: 'About {cost} per text message with a typical first name',
    sv: 'Ungefär {cost} per sms med ett vanligt förnamn',
  },
  'backoffice.ui.automations.last30': {
    nb: 'Siste 30 dager',
    en: 'Last 30 days',
    sv: 'Senaste 30 dagarna',
  },
  'backoffice.ui.automations.counts': {
    nb: '{delivered, number} levert · {sent, number} sendt · {failed, number} feilet · {optedOut, number} meldt av · {skipped, number} ikke sendt · {queued, number} venter',
    en: '{delivered, number} delivered · {sent, number} handed over · {failed, number} failed · {optedOut, number} opted out · {skipped, number} not sent · {queued, number} waiting',
    sv: '{delivered, number} levererade · {sent, number} skickade · {failed, number} misslyckades · {optedOut, number} avregistrerade · {skipped, number} inte skickade · {queued, number} väntar',
  },
  'backoffice.ui.automations.save': {
    nb: 'Lagre',
    en: 'Save this message',
    sv: 'Spara',
  },
  'backoffice.ui.automations.saved': {
    nb: 'Lagret.',
    en: 'Automatic message saved.',
    sv: 'Sparat.',
  },
  'backoffice.ui.automations.lastRun': {
    nb: 'Sist kjørt {at}',
    en: 'Last run {at}',
    sv: 'Senast körd {at}',
  },
  'backoffice.ui.automations.ownerOnly': {
    nb: 'Bare en eier kan se og endre automatiske meldinger.',
    en: 'Only an owner can see and change automatic messages.',
    sv: 'Bara en ägare kan se och ändra automatiska meddelanden.',
  },
});
