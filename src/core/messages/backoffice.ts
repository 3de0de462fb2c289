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
});
