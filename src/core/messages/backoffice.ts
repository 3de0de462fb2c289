/**
 * The back office (src/backoffice, served by the cloud at /bo/): its forms'
 * checks (src/contract/backoffice/schemas.ts), the cloud's answers to its
 * commands (`backoffice.error.<code>`), and its screens' own words
 * (`backoffice.ui.*`, said as `t('x.y')` for `backoffice.ui.x.y`).
 */
import { defineMessages } from './define';

export const backofficeMessages = defineMessages({
  'backoffice.input.email': {
    nb: 'Skriv en gyldig e-postadresse, som navn@butikk.no.',
    en: 'type a valid e-mail address, like name@shop.no',
    sv: 'Skriv en giltig e-postadress, som namn@butik.se.',
  },
  'backoffice.input.passwordLength': {
    nb: 'Passordet må ha minst {min} tegn.',
    en: 'the password needs at least {min} characters',
    sv: 'Lösenordet måste ha minst {min} tecken.',
  },
  'backoffice.input.passwordTooLong': {
    nb: 'Passordet kan ha høyst {max} tegn.',
    en: 'the password may have at most {max} characters',
    sv: 'Lösenordet får ha högst {max} tecken.',
  },
  'backoffice.input.passwordNeeded': {
    nb: 'Skriv passordet.',
    en: 'type the password',
    sv: 'Skriv lösenordet.',
  },
  'backoffice.input.wellFormed': {
    nb: 'Teksten inneholder tegn som ikke kan lagres. Skriv den på nytt.',
    en: 'the text holds characters that cannot be stored; type it again',
    sv: 'Texten innehåller tecken som inte kan sparas. Skriv den igen.',
  },
  'backoffice.input.nameNeeded': {
    nb: 'Skriv navnet.',
    en: 'type the name',
    sv: 'Skriv namnet.',
  },
  'backoffice.input.nameTooLong': {
    nb: 'Navnet kan ha høyst {max} tegn.',
    en: 'the name may have at most {max} characters',
    sv: 'Namnet får ha högst {max} tecken.',
  },
  'backoffice.input.linkToken': {
    nb: 'Lenken er ikke hel. Åpne den igjen fra e-posten eller meldingen du fikk.',
    en: 'the link is not whole; open it again from the message you were sent',
    sv: 'Länken är inte hel. Öppna den igen från meddelandet du fick.',
  },
  'backoffice.input.storesNeeded': {
    nb: 'Velg minst én butikk butikksjefen skal ha ansvar for.',
    en: 'choose at least one store for the store manager',
    sv: 'Välj minst en butik som butikschefen ska ansvara för.',
  },
  'backoffice.input.ownerHasNoStores': {
    nb: 'En eier har hele kjeden: velg ingen butikker.',
    en: 'an owner has the whole chain: choose no stores',
    sv: 'En ägare har hela kedjan: välj inga butiker.',
  },
  'backoffice.error.invalid_request': {
    nb: 'Noe i skjemaet er ikke fylt ut riktig. Rett det som er merket.',
    en: 'something in the form is not valid; correct what is marked',
    sv: 'Något i formuläret är inte rätt ifyllt. Rätta det som är markerat.',
  },
  'backoffice.error.not_signed_in': {
    nb: 'Du er ikke logget inn, eller økten er utløpt. Logg inn igjen.',
    en: 'you are not logged in, or the session has ended; log in again',
    sv: 'Du är inte inloggad, eller sessionen har gått ut. Logga in igen.',
  },
  'backoffice.error.login_failed': {
    nb: 'E-postadressen eller passordet er feil.',
    en: 'the e-mail address or the password is wrong',
    sv: 'E-postadressen eller lösenordet är fel.',
  },
  'backoffice.error.csrf_failed': {
    nb: 'Forespørselen kom ikke fra backoffice-siden. Last inn siden på nytt.',
    en: 'the request did not come from the back office page; reload the page',
    sv: 'Begäran kom inte från backoffice-sidan. Ladda om sidan.',
  },
  'backoffice.error.forbidden': {
    nb: 'Kontoen din har ikke lov til dette.',
    en: 'your account may not do this',
    sv: 'Ditt konto får inte göra detta.',
  },
  'backoffice.error.account_disabled': {
    nb: 'Kontoen er deaktivert. Spør kjedens eier.',
    en: 'the account is disabled; ask the chain’s owner',
    sv: 'Kontot är inaktiverat. Fråga kedjans ägare.',
  },
  'backoffice.error.not_found': {
    nb: 'Fant det ikke, eller kontoen din har ikke tilgang til det.',
    en: 'not found, or your account has no access to it',
    sv: 'Hittades inte, eller ditt konto har inte tillgång till det.',
  },
  'backoffice.error.email_taken': {
    nb: 'Det finnes allerede en konto med denne e-postadressen.',
    en: 'an account with this e-mail address exists already',
    sv: 'Det finns redan ett konto med den här e-postadressen.',
  },
  'backoffice.error.link_invalid': {
    nb: 'Lenken er brukt, utløpt eller ukjent. Be om en ny.',
    en: 'the link is used, expired or unknown; ask for a new one',
    sv: 'Länken är använd, har gått ut eller är okänd. Be om en ny.',
  },
  'backoffice.error.throttled': {
    nb: 'For mange forsøk. Prøv igjen om {minutes, plural, =0 {{seconds, plural, one {# sekund} other {# sekunder}}} one {# minutt} other {# minutter}}.',
    en: 'too many tries; try again in {minutes, plural, =0 {{seconds, plural, one {# second} other {# seconds}}} one {# minute} other {# minutes}}',
    sv: 'För många försök. Försök igen om {minutes, plural, =0 {{seconds, plural, one {# sekund} other {# sekunder}}} one {# minut} other {# minuter}}.',
  },
  'backoffice.error.unavailable': {
    nb: 'Skyen er opptatt akkurat nå. Prøv igjen om litt.',
    en: 'the cloud is busy just now; try again in a moment',
    sv: 'Molnet är upptaget just nu. Försök igen om en stund.',
  },
  'backoffice.error.internal': {
    nb: 'Noe gikk galt i skyen. Prøv igjen; hjelper ikke det, kontakt driften.',
    en: 'something went wrong in the cloud; try again, and if that does not help, contact the operator',
    sv: 'Något gick fel i molnet. Försök igen; hjälper inte det, kontakta driften.',
  },
});
