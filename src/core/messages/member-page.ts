/** The member's own page on the cloud, /m/<token> (cloud/member-page). */
import { defineMessages } from './define';

export const memberPageMessages = defineMessages({
  'memberPage.greeting': { nb: 'Hei {name}', en: 'Hi {name}', sv: 'Hej {name}' },
  'memberPage.card': { nb: 'Medlemskortet ditt', en: 'Your member card', sv: 'Ditt medlemskort' },
  'memberPage.cardHelp': {
    nb: 'Vis koden i kassen, så får du fordelene dine.',
    en: 'Show the code at the till to get your benefits.',
    sv: 'Visa koden i kassan så får du dina förmåner.',
  },
  'memberPage.memberNo': {
    nb: 'Medlemsnr. {number}',
    en: 'Card number {number}',
    sv: 'Medlemsnr {number}',
  },
  'memberPage.points': { nb: 'Poengene dine', en: 'Your points', sv: 'Dina poäng' },
  'memberPage.pointsBalance': {
    nb: '{count, plural, other {{shown} poeng å bruke}}',
    en: '{count, plural, one {{shown} point you can use} other {{shown} points you can use}}',
    sv: '{count, plural, other {{shown} poäng att använda}}',
  },
  'memberPage.pointsValue': { nb: 'Verdt {amount}', en: 'Worth {amount}', sv: 'Värt {amount}' },
  'memberPage.pointsPending': {
    nb: '{shown} poeng kommer snart',
    en: '{shown} more points on the way',
    sv: '{shown} poäng på väg',
  },
  'memberPage.tier': { nb: 'Bonusstige', en: 'Your tier', sv: 'Bonustrappa' },
  'memberPage.tierNow': { nb: 'Du er på {name}', en: 'Your level: {name}', sv: 'Du är på {name}' },
  'memberPage.tierNext': {
    nb: '{shown} poeng til {name}',
    en: '{shown} points to go to reach {name}',
    sv: '{shown} poäng kvar till {name}',
  },
  'memberPage.tierTop': {
    nb: 'Du er på øverste trinn.',
    en: 'You are on the top level.',
    sv: 'Du är på högsta nivån.',
  },
  'memberPage.punchCards': {
    nb: 'Klippekortene dine',
    en: 'Your punch cards',
    sv: 'Dina stämpelkort',
  },
  'memberPage.stamps': {
    nb: '{stamps} av {of} klipp',
    en: '{stamps} of {of} stamps collected',
    sv: '{stamps} av {of} stämplar',
  },
  'memberPage.rewardReady': {
    nb: '{count, plural, one {# belønning klar} other {# belønninger klare}}',
    en: '{count, plural, one {# reward ready to use} other {# rewards ready to use}}',
    sv: '{count, plural, one {# belöning klar} other {# belöningar klara}}',
  },
  'memberPage.coupons': { nb: 'Kupongene dine', en: 'Your coupons', sv: 'Dina kuponger' },
  'memberPage.noCoupons': {
    nb: 'Ingen kuponger akkurat nå.',
    en: 'No coupons right now.',
    sv: 'Inga kuponger just nu.',
  },
  'memberPage.couponValidTo': {
    nb: 'Brukes innen {date}',
    en: 'Use by {date}',
    sv: 'Använd senast {date}',
  },
  'memberPage.couponUses': {
    nb: '{count, plural, one {Kan brukes én gang til} other {Kan brukes # ganger til}}',
    en: '{count, plural, one {Can be used once more} other {Can be used # more times}}',
    sv: '{count, plural, one {Kan användas en gång till} other {Kan användas # gånger till}}',
  },
  'memberPage.consent': { nb: 'Tilbud fra oss', en: 'Offers from us', sv: 'Erbjudanden från oss' },
  'memberPage.consentSms': {
    nb: 'Tilbud på SMS',
    en: 'Offers by text message',
    sv: 'Erbjudanden via sms',
  },
  'memberPage.consentEmail': {
    nb: 'Tilbud på e-post',
    en: 'Offers by e-mail',
    sv: 'Erbjudanden via e-post',
  },
  'memberPage.consentOn': { nb: 'Du får disse.', en: 'You receive these.', sv: 'Du får dessa.' },
  'memberPage.consentOff': {
    nb: 'Du får ikke disse.',
    en: 'You do not receive these.',
    sv: 'Du får inte dessa.',
  },
  'memberPage.turnOn': {
    nb: 'Ja takk, send meg disse',
    en: 'Yes, send me these',
    sv: 'Ja tack, skicka dessa',
  },
  'memberPage.turnOff': {
    nb: 'Nei takk, ikke send flere',
    en: 'No thanks, stop sending these',
    sv: 'Nej tack, skicka inga fler',
  },
  'memberPage.consentTerms': {
    nb: 'Sier du ja, godtar du kundeklubbens vilkår for tilbud (versjon {version}). Du kan si nei når du vil, og det gjelder med en gang.',
    en: 'Saying yes accepts the club’s terms for offers (version {version}). You can say no whenever you like, and it counts at once.',
    sv: 'Säger du ja godkänner du kundklubbens villkor för erbjudanden (version {version}). Du kan säga nej när du vill, och det gäller direkt.',
  },
  'memberPage.saved': {
    nb: 'Valget ditt er lagret.',
    en: 'Your choice is saved.',
    sv: 'Ditt val är sparat.',
  },
  'memberPage.data': { nb: 'Dine data', en: 'Your data', sv: 'Dina uppgifter' },
  'memberPage.dataHelp': {
    nb: 'Last ned alt vi har lagret om deg, som en fil du kan ta med deg.',
    en: 'Download everything we hold about you, as a file you can keep or take elsewhere.',
    sv: 'Ladda ner allt vi har sparat om dig, som en fil du kan ta med dig.',
  },
  'memberPage.download': {
    nb: 'Last ned dataene mine',
    en: 'Download my data',
    sv: 'Ladda ner mina uppgifter',
  },
  'memberPage.invalidTitle': {
    nb: 'Lenken er ikke lenger gyldig',
    en: 'This link no longer works',
    sv: 'Länken gäller inte längre',
  },
  'memberPage.invalidText': {
    nb: 'Spør i butikken, så får du en ny lenke.',
    en: 'Ask in the shop and they will give you a new link.',
    sv: 'Fråga i butiken så får du en ny länk.',
  },
  'memberPage.busy': {
    nb: 'For mange forsøk på kort tid. Vent litt og prøv igjen.',
    en: 'Too many tries in a short time. Wait a little and try again.',
    sv: 'För många försök på kort tid. Vänta lite och försök igen.',
  },
  'memberPage.badForm': {
    nb: 'Valget ble ikke lagret. Last inn siden på nytt og prøv igjen.',
    en: 'Your choice was not saved. Reload the page and try again.',
    sv: 'Valet sparades inte. Ladda om sidan och försök igen.',
  },
  // The unsubscribe link's pages (cloud/messaging/routes.ts), in the reader's language.
  'unsubscribe.unknown.title': { nb: 'Ukjent lenke', en: 'Unknown link', sv: 'Okänd länk' },
  'unsubscribe.unknown.text': {
    nb: 'Denne lenken er ikke gyldig.',
    en: 'This link is not valid.',
    sv: 'Den här länken är inte giltig.',
  },
  'unsubscribe.ask.title': {
    nb: 'Meld deg av {channel, select, sms {SMS} other {e-post}}',
    en: 'Unsubscribe from {channel, select, sms {text messages} other {e-mail}}',
    sv: 'Avregistrera dig från {channel, select, sms {sms} other {e-post}}',
  },
  'unsubscribe.ask.text': {
    nb: 'Vil du ikke lenger få {channel, select, sms {SMS} other {e-post}} med tilbud fra oss? Medlemskapet ditt beholder du.',
    en: 'No longer want {channel, select, sms {text messages} other {e-mails}} with offers from us? You keep your membership.',
    sv: 'Vill du inte längre få {channel, select, sms {sms} other {e-post}} med erbjudanden från oss? Ditt medlemskap behåller du.',
  },
  'unsubscribe.ask.button': {
    nb: 'Meld meg av {channel, select, sms {SMS} other {e-post}}',
    en: 'Unsubscribe me from {channel, select, sms {text messages} other {e-mail}}',
    sv: 'Avregistrera mig från {channel, select, sms {sms} other {e-post}}',
  },
  'unsubscribe.done.title': {
    nb: 'Du er meldt av',
    en: 'You are unsubscribed',
    sv: 'Du är avregistrerad',
  },
  'unsubscribe.done.text': {
    nb: 'Du får ikke flere {channel, select, sms {SMS} other {e-post}} med tilbud fra oss. Du er fortsatt medlem.',
    en: 'You will get no more {channel, select, sms {text messages} other {e-mails}} with offers from us. You are still a member.',
    sv: 'Du får inga fler {channel, select, sms {sms} other {e-postmeddelanden}} med erbjudanden från oss. Du är fortfarande medlem.',
  },
  // When an address guessed too often.
  'unsubscribe.tooMany.title': {
    nb: 'Prøv igjen litt senere',
    en: 'Try again a little later',
    sv: 'Försök igen lite senare',
  },
  'unsubscribe.tooMany.text': {
    nb: 'For mange forsøk. Prøv igjen om litt.',
    en: 'Too many tries. Try again in a little while.',
    sv: 'För många försök. Försök igen om en stund.',
  },
});
