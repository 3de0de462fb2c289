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
    en: 'Type a valid e-mail address, like name@shop.no.',
    sv: 'Skriv en giltig e-postadress, som namn@butik.se.',
  },
  'backoffice.input.passwordLength': {
    nb: 'Passordet må ha minst {min} tegn.',
    en: 'The password needs at least {min} characters.',
    sv: 'Lösenordet måste ha minst {min} tecken.',
  },
  'backoffice.input.passwordTooLong': {
    nb: 'Passordet kan ha høyst {max} tegn.',
    en: 'The password may have at most {max} characters.',
    sv: 'Lösenordet får ha högst {max} tecken.',
  },
  'backoffice.input.passwordNeeded': {
    nb: 'Skriv passordet.',
    en: 'Type the password.',
    sv: 'Skriv lösenordet.',
  },
  'backoffice.input.nameNeeded': {
    nb: 'Skriv navnet.',
    en: 'Type the name.',
    sv: 'Skriv namnet.',
  },
  'backoffice.input.nameTooLong': {
    nb: 'Navnet kan ha høyst {max} tegn.',
    en: 'The name may have at most {max} characters.',
    sv: 'Namnet får ha högst {max} tecken.',
  },
  'backoffice.input.linkToken': {
    nb: 'Lenken er ikke hel. Åpne den igjen fra e-posten eller meldingen du fikk.',
    en: 'The link is not whole. Open it again from the message you were sent.',
    sv: 'Länken är inte hel. Öppna den igen från meddelandet du fick.',
  },
  'backoffice.input.storesNeeded': {
    nb: 'Velg minst én butikk butikksjefen skal ha ansvar for.',
    en: 'Choose at least one store for the store manager.',
    sv: 'Välj minst en butik som butikschefen ska ansvara för.',
  },
  'backoffice.input.ownerHasNoStores': {
    nb: 'En eier har hele kjeden: velg ingen butikker.',
    en: 'An owner has the whole chain: choose no stores.',
    sv: 'En ägare har hela kedjan: välj inga butiker.',
  },
  'backoffice.error.invalid_request': {
    nb: 'Noe i skjemaet er ikke fylt ut riktig. Rett det som er merket.',
    en: 'Something in the form is not valid. Correct what is marked.',
    sv: 'Något i formuläret är inte rätt ifyllt. Rätta det som är markerat.',
  },
  'backoffice.error.not_signed_in': {
    nb: 'Du er ikke logget inn, eller økten er utløpt. Logg inn igjen.',
    en: 'You are not logged in, or the session has ended. Log in again.',
    sv: 'Du är inte inloggad, eller sessionen har gått ut. Logga in igen.',
  },
  'backoffice.error.login_failed': {
    nb: 'E-postadressen eller passordet er feil.',
    en: 'The e-mail address or the password is wrong.',
    sv: 'E-postadressen eller lösenordet är fel.',
  },
  'backoffice.error.csrf_failed': {
    nb: 'Forespørselen kom ikke fra backoffice-siden. Last inn siden på nytt.',
    en: 'The form was not sent from the back office’s own page. Reload the page and try again.',
    sv: 'Begäran kom inte från backoffice-sidan. Ladda om sidan.',
  },
  'backoffice.error.forbidden': {
    nb: 'Kontoen din har ikke lov til dette.',
    en: 'Your account may not do this.',
    sv: 'Ditt konto får inte göra detta.',
  },
  'backoffice.error.account_disabled': {
    nb: 'Kontoen er deaktivert. Spør kjedens eier.',
    en: 'The account is disabled. Ask the chain’s owner.',
    sv: 'Kontot är inaktiverat. Fråga kedjans ägare.',
  },
  'backoffice.error.not_found': {
    nb: 'Fant det ikke, eller kontoen din har ikke tilgang til det.',
    en: 'Not found, or your account has no access to it.',
    sv: 'Hittades inte, eller ditt konto har inte tillgång till det.',
  },
  'backoffice.error.email_taken': {
    nb: 'Det finnes allerede en konto med denne e-postadressen.',
    en: 'An account with this e-mail address exists already.',
    sv: 'Det finns redan ett konto med den här e-postadressen.',
  },
  'backoffice.error.link_invalid': {
    nb: 'Lenken er brukt, utløpt eller ukjent. Be om en ny.',
    en: 'The link is used, expired or unknown. Ask for a new one.',
    sv: 'Länken är använd, har gått ut eller är okänd. Be om en ny.',
  },
  'backoffice.error.throttled': {
    nb: 'For mange forsøk. Prøv igjen om {minutes, plural, =0 {{seconds, plural, one {# sekund} other {# sekunder}}} one {# minutt} other {# minutter}}.',
    en: 'Too many tries. Try again in {minutes, plural, =0 {{seconds, plural, one {# second} other {# seconds}}} one {# minute} other {# minutes}}.',
    sv: 'För många försök. Försök igen om {minutes, plural, =0 {{seconds, plural, one {# sekund} other {# sekunder}}} one {# minut} other {# minuter}}.',
  },
  'backoffice.error.unavailable': {
    nb: 'Skyen er opptatt akkurat nå. Prøv igjen om litt.',
    en: 'The cloud is busy just now. Try again in a moment.',
    sv: 'Molnet är upptaget just nu. Försök igen om en stund.',
  },
  'backoffice.error.internal': {
    nb: 'Noe gikk galt i skyen. Prøv igjen; hjelper ikke det, kontakt driften.',
    en: 'Something went wrong in the cloud. Try again, and if that does not help, contact the operator.',
    sv: 'Något gick fel i molnet. Försök igen; hjälper inte det, kontakta driften.',
  },
  'backoffice.ui.app.name': {
    nb: 'Lojal backoffice',
    en: 'Lojal back office',
    sv: 'Lojal backoffice',
  },
  'backoffice.ui.app.title': {
    nb: 'Lojal backoffice',
    en: 'Lojal back office',
    sv: 'Lojal backoffice',
  },
  'backoffice.ui.app.loading': {
    nb: 'Henter …',
    en: 'Fetching …',
    sv: 'Hämtar …',
  },
  'backoffice.ui.app.logOut': {
    nb: 'Logg ut',
    en: 'Log out',
    sv: 'Logga ut',
  },
  'backoffice.ui.app.close': {
    nb: 'Lukk',
    en: 'Close',
    sv: 'Stäng',
  },
  'backoffice.ui.app.cancel': {
    nb: 'Avbryt',
    en: 'Cancel',
    sv: 'Avbryt',
  },
  'backoffice.ui.app.done': {
    nb: 'Ferdig',
    en: 'Done',
    sv: 'Klar',
  },
  'backoffice.ui.role.owner': {
    nb: 'eier',
    en: 'Owner',
    sv: 'ägare',
  },
  'backoffice.ui.role.storeManager': {
    nb: 'butikksjef',
    en: 'Store manager',
    sv: 'butikschef',
  },
  'backoffice.ui.app.skipToContent': {
    nb: 'Hopp til innholdet',
    en: 'Skip to the content',
    sv: 'Hoppa till innehållet',
  },
  'backoffice.ui.nav.label': {
    nb: 'Backoffice',
    en: 'Back office',
    sv: 'Backoffice',
  },
  'backoffice.ui.nav.programme': {
    nb: 'Kundeklubben',
    en: 'Programme',
    sv: 'Programmet',
  },
  'backoffice.ui.nav.products': {
    nb: 'Produkter',
    en: 'Products',
    sv: 'Produkter',
  },
  'backoffice.ui.nav.stores': {
    nb: 'Butikker og kasser',
    en: 'Stores and tills',
    sv: 'Butiker och kassor',
  },
  'backoffice.ui.nav.members': {
    nb: 'Medlemmer',
    en: 'Members',
    sv: 'Medlemmar',
  },
  'backoffice.ui.nav.conflicts': {
    nb: 'Konflikter',
    en: 'Conflicts',
    sv: 'Konflikter',
  },
  'backoffice.ui.error.unreachable': {
    nb: 'Får ikke kontakt med skyen. Sjekk nettet og prøv igjen.',
    en: 'Cannot reach the cloud. Check the network and try again.',
    sv: 'Får ingen kontakt med molnet. Kontrollera nätverket och försök igen.',
  },
  'backoffice.ui.error.answered': {
    nb: 'Skyen svarte med en feil ({status}). Prøv igjen.',
    en: 'The cloud answered with an error ({status}). Try again.',
    sv: 'Molnet svarade med ett fel ({status}). Försök igen.',
  },
  'backoffice.ui.error.unexpected': {
    nb: 'Noe gikk galt på siden. Last den inn på nytt.',
    en: 'Something went wrong on the page. Reload it.',
    sv: 'Något gick fel på sidan. Ladda om den.',
  },
  'backoffice.ui.field.email': {
    nb: 'E-post',
    en: 'E-mail',
    sv: 'E-post',
  },
  'backoffice.ui.field.password': {
    nb: 'Passord',
    en: 'Password',
    sv: 'Lösenord',
  },
  'backoffice.ui.field.newPassword': {
    nb: 'Nytt passord',
    en: 'New password',
    sv: 'Nytt lösenord',
  },
  'backoffice.ui.field.repeatPassword': {
    nb: 'Gjenta passordet',
    en: 'Repeat the password',
    sv: 'Upprepa lösenordet',
  },
  'backoffice.ui.field.name': {
    nb: 'Navn',
    en: 'Name',
    sv: 'Namn',
  },
  'backoffice.ui.login.title': {
    nb: 'Logg inn',
    en: 'Log in',
    sv: 'Logga in',
  },
  'backoffice.ui.login.submit': {
    nb: 'Logg inn',
    en: 'Log in',
    sv: 'Logga in',
  },
  'backoffice.ui.login.busy': {
    nb: 'Logger inn …',
    en: 'Logging in …',
    sv: 'Loggar in …',
  },
  'backoffice.ui.login.forgot': {
    nb: 'Glemt passordet?',
    en: 'Forgot the password?',
    sv: 'Glömt lösenordet?',
  },
  'backoffice.ui.login.sessionEnded': {
    nb: 'Økten er avsluttet. Logg inn igjen.',
    en: 'The session has ended. Log in again.',
    sv: 'Sessionen har avslutats. Logga in igen.',
  },
  'backoffice.ui.login.passwordSet': {
    nb: 'Passordet er satt. Logg inn med det.',
    en: 'The password is set. Log in with it.',
    sv: 'Lösenordet är sparat. Logga in med det.',
  },
  'backoffice.ui.forgot.title': {
    nb: 'Glemt passordet',
    en: 'Forgotten password',
    sv: 'Glömt lösenord',
  },
  'backoffice.ui.forgot.intro': {
    nb: 'Skriv e-postadressen du logger inn med. Har den en konto, får den en lenke for å sette nytt passord.',
    en: 'Type the e-mail address you log in with. If it has an account, a link to set a new password is sent to it.',
    sv: 'Skriv e-postadressen du loggar in med. Har den ett konto skickas en länk för att välja nytt lösenord.',
  },
  'backoffice.ui.forgot.submit': {
    nb: 'Send lenke',
    en: 'Send link',
    sv: 'Skicka länk',
  },
  'backoffice.ui.forgot.sent': {
    nb: 'Hvis {email} har en konto, er en lenke på vei dit. Kommer det ingen e-post, be den som driver Lojal-skyen om en lenke.',
    en: 'If {email} has an account, a link is on its way there. If no e-mail comes, ask whoever runs the Lojal cloud for a link.',
    sv: 'Om {email} har ett konto är en länk på väg dit. Kommer inget e-postmeddelande, be den som driver Lojal-molnet om en länk.',
  },
  'backoffice.ui.forgot.back': {
    nb: 'Tilbake til innlogging',
    en: 'Back to log-in',
    sv: 'Tillbaka till inloggningen',
  },
  'backoffice.ui.setPassword.title': {
    nb: 'Nytt passord',
    en: 'New password',
    sv: 'Nytt lösenord',
  },
  'backoffice.ui.setPassword.welcome': {
    nb: 'Velkommen til Lojal backoffice',
    en: 'Welcome to the Lojal back office',
    sv: 'Välkommen till Lojal backoffice',
  },
  'backoffice.ui.setPassword.forInvite': {
    nb: 'Hei, {name}. Velg et passord for {email} i {chain}.',
    en: 'Hello, {name}. Choose a password for {email} at {chain}.',
    sv: 'Hej, {name}. Välj ett lösenord för {email} i {chain}.',
  },
  'backoffice.ui.setPassword.forReset': {
    nb: 'Hei, {name}. Velg et nytt passord for {email} i {chain}. Du blir logget ut overalt.',
    en: 'Hello, {name}. Choose a new password for {email} at {chain}. You will be logged out everywhere.',
    sv: 'Hej, {name}. Välj ett nytt lösenord för {email} i {chain}. Du loggas ut överallt.',
  },
  'backoffice.ui.setPassword.hint': {
    nb: 'Minst {min} tegn. Gjerne flere ord med mellomrom.',
    en: 'At least {min} characters. Several words with spaces are good.',
    sv: 'Minst {min} tecken. Gärna flera ord med mellanslag.',
  },
  'backoffice.ui.setPassword.submit': {
    nb: 'Sett passordet',
    en: 'Set the password',
    sv: 'Spara lösenordet',
  },
  'backoffice.ui.setPassword.validUntil': {
    nb: 'Lenken virker én gang, til {until}.',
    en: 'The link works once, until {until}.',
    sv: 'Länken fungerar en gång, till {until}.',
  },
  'backoffice.ui.setPassword.differ': {
    nb: 'Passordene er ikke like. Skriv det samme to ganger.',
    en: 'The passwords are not the same. Type the same one twice.',
    sv: 'Lösenorden är inte lika. Skriv samma två gånger.',
  },
  'backoffice.ui.setPassword.askAgain': {
    nb: 'Be om en ny lenke',
    en: 'Ask for a new link',
    sv: 'Be om en ny länk',
  },
  'backoffice.ui.notFound.title': {
    nb: 'Fant ikke siden',
    en: 'Page not found',
    sv: 'Sidan hittades inte',
  },
  'backoffice.ui.notFound.text': {
    nb: 'Denne adressen er ingen side i backoffice.',
    en: 'This address is no page of the back office.',
    sv: 'Den här adressen är ingen sida i backoffice.',
  },
  'backoffice.ui.notFound.back': {
    nb: 'Til butikker og kasser',
    en: 'To stores and tills',
    sv: 'Till butiker och kassor',
  },
  'backoffice.ui.stores.title': {
    nb: 'Butikker og kasser',
    en: 'Stores and tills',
    sv: 'Butiker och kassor',
  },
  'backoffice.ui.stores.leadOwner': {
    nb: 'Alle butikkene i kjeden, kassene som er koblet til dem, og de ansatte.',
    en: 'Every store of the chain, the tills paired with them, and the staff.',
    sv: 'Alla butiker i kedjan, kassorna som är kopplade till dem och personalen.',
  },
  'backoffice.ui.stores.leadManager': {
    nb: 'Butikkene du har ansvar for, kassene som er koblet til dem, og de ansatte.',
    en: 'The stores you manage, the tills paired with them, and the staff.',
    sv: 'Butikerna du ansvarar för, kassorna som är kopplade till dem och personalen.',
  },
  'backoffice.ui.stores.none': {
    nb: 'Ingen butikker ennå.',
    en: 'No stores yet.',
    sv: 'Inga butiker ännu.',
  },
  'backoffice.ui.stores.code': {
    nb: 'Butikkode:',
    en: 'Store code:',
    sv: 'Butikskod:',
  },
  'backoffice.ui.stores.codeHint': {
    nb: 'Tastes inn på en ny kasse for å koble den til denne butikken.',
    en: 'Typed at a new till to pair it with this store.',
    sv: 'Skrivs in på en ny kassa för att koppla den till den här butiken.',
  },
  'backoffice.ui.tills.title': {
    nb: 'Kasser',
    en: 'Tills',
    sv: 'Kassor',
  },
  'backoffice.ui.tills.none': {
    nb: 'Ingen kasser er koblet til ennå. Tast butikkoden {code} på kassen for å koble den til.',
    en: 'No tills are paired yet. Type the store code {code} at a till to pair it.',
    sv: 'Inga kassor är kopplade ännu. Skriv butikskoden {code} på kassan för att koppla den.',
  },
  'backoffice.ui.tills.name': {
    nb: 'Kasse',
    en: 'Till',
    sv: 'Kassa',
  },
  'backoffice.ui.tills.pairedAt': {
    nb: 'Koblet til',
    en: 'Paired',
    sv: 'Kopplad',
  },
  'backoffice.ui.tills.lastSeen': {
    nb: 'Sist sett',
    en: 'Last seen',
    sv: 'Senast sedd',
  },
  'backoffice.ui.tills.state': {
    nb: 'Status',
    en: 'State',
    sv: 'Status',
  },
  'backoffice.ui.tills.actions': {
    nb: 'Handlinger',
    en: 'Actions',
    sv: 'Åtgärder',
  },
  'backoffice.ui.tills.active': {
    nb: 'Aktiv',
    en: 'Active',
    sv: 'Aktiv',
  },
  'backoffice.ui.tills.revoked': {
    nb: 'Tilbakekalt',
    en: 'Revoked',
    sv: 'Återkallad',
  },
  'backoffice.ui.tills.revoke': {
    nb: 'Tilbakekall',
    en: 'Revoke',
    sv: 'Återkalla',
  },
  'backoffice.ui.tills.neverSeen': {
    nb: 'Ikke sett ennå',
    en: 'Not seen yet',
    sv: 'Inte sedd ännu',
  },
  'backoffice.ui.tills.justNow': {
    nb: 'Akkurat nå',
    en: 'Just now',
    sv: 'Just nu',
  },
  'backoffice.ui.tills.minutesAgo': {
    nb: 'For {minutes, plural, one {# minutt} other {# minutter}} siden',
    en: '{minutes, plural, one {# minute} other {# minutes}} ago',
    sv: 'För {minutes, plural, one {# minut} other {# minuter}} sedan',
  },
  'backoffice.ui.tills.hoursAgo': {
    nb: 'For {hours, plural, one {# time} other {# timer}} siden',
    en: '{hours, plural, one {# hour} other {# hours}} ago',
    sv: 'För {hours, plural, one {# timme} other {# timmar}} sedan',
  },
  'backoffice.ui.staff.title': {
    nb: 'Ansatte',
    en: 'Staff',
    sv: 'Personal',
  },
  'backoffice.ui.staff.none': {
    nb: 'Ingen ansatte er lagt til eller har logget inn her ennå.',
    en: 'No staff have been added or logged in here yet.',
    sv: 'Ingen personal har lagts till eller loggat in här ännu.',
  },
  'backoffice.ui.staff.name': {
    nb: 'Navn',
    en: 'Name',
    sv: 'Namn',
  },
  'backoffice.ui.staff.role': {
    nb: 'Rolle',
    en: 'Role',
    sv: 'Roll',
  },
  'backoffice.ui.staff.state': {
    nb: 'Status',
    en: 'State',
    sv: 'Status',
  },
  'backoffice.ui.staff.lastLogin': {
    nb: 'Sist innlogget her',
    en: 'Last logged in here',
    sv: 'Senast inloggad här',
  },
  'backoffice.ui.staff.manager': {
    nb: 'Leder',
    en: 'Manager',
    sv: 'Chef',
  },
  'backoffice.ui.staff.cashier': {
    nb: 'Kasserer',
    en: 'Cashier',
    sv: 'Kassör',
  },
  'backoffice.ui.staff.active': {
    nb: 'Aktiv',
    en: 'Active',
    sv: 'Aktiv',
  },
  'backoffice.ui.staff.disabled': {
    nb: 'Deaktivert',
    en: 'Disabled',
    sv: 'Inaktiverad',
  },
  'backoffice.ui.staff.neverHere': {
    nb: 'Ikke logget inn her',
    en: 'Not logged in here',
    sv: 'Inte inloggad här',
  },
  'backoffice.ui.revoke.title': {
    nb: 'Tilbakekalle {till}?',
    en: 'Revoke {till}?',
    sv: 'Återkalla {till}?',
  },
  'backoffice.ui.revoke.text': {
    nb: '{till} i {store} blir avvist av skyen fra nå av. Kassen selger videre uten nett, men sender og henter ingenting.',
    en: 'From now on the cloud refuses {till} at {store}. The till goes on selling offline, but sends and fetches nothing.',
    sv: '{till} i {store} avvisas av molnet från och med nu. Kassan säljer vidare utan nät, men skickar och hämtar ingenting.',
  },
  'backoffice.ui.revoke.again': {
    nb: 'Skal den brukes igjen, kobler en leder den til på nytt med butikkoden {code}.',
    en: 'To use it again, a manager pairs it again with the store code {code}.',
    sv: 'Ska den användas igen kopplar en chef in den på nytt med butikskoden {code}.',
  },
  'backoffice.ui.revoke.confirm': {
    nb: 'Tilbakekall kassen',
    en: 'Revoke the till',
    sv: 'Återkalla kassan',
  },
  'backoffice.ui.revoke.done': {
    nb: '{till} er tilbakekalt.',
    en: '{till} is revoked.',
    sv: '{till} är återkallad.',
  },
  'backoffice.ui.invite.open': {
    nb: 'Inviter butikksjef',
    en: 'Invite a store manager',
    sv: 'Bjud in butikschef',
  },
  'backoffice.ui.invite.title': {
    nb: 'Inviter butikksjef for {store}',
    en: 'Invite a store manager for {store}',
    sv: 'Bjud in butikschef för {store}',
  },
  'backoffice.ui.invite.intro': {
    nb: 'Butikksjefen ser {store}: kassene og de ansatte. De velger passord selv med en lenke.',
    en: 'The store manager sees {store}: its tills and staff. They choose their own password through a link.',
    sv: 'Butikschefen ser {store}: kassorna och personalen. Hen väljer lösenord själv via en länk.',
  },
  'backoffice.ui.invite.submit': {
    nb: 'Lag invitasjon',
    en: 'Make the invitation',
    sv: 'Skapa inbjudan',
  },
  'backoffice.ui.invite.made': {
    nb: '{name} ({email}) er invitert.',
    en: '{name} ({email}) is invited.',
    sv: '{name} ({email}) är inbjuden.',
  },
  'backoffice.ui.invite.link': {
    nb: 'Lenke for å sette passord',
    en: 'Link to set the password',
    sv: 'Länk för att välja lösenord',
  },
  'backoffice.ui.invite.linkHint': {
    nb: 'Send lenken til dem selv, for eksempel i en melding. Den virker én gang, til {until}.',
    en: 'Send the link to them alone, for instance in a message. It works once, until {until}.',
    sv: 'Skicka länken till personen själv, till exempel i ett meddelande. Den fungerar en gång, till {until}.',
  },
  'backoffice.ui.invite.copy': {
    nb: 'Kopier lenken',
    en: 'Copy the link',
    sv: 'Kopiera länken',
  },
  'backoffice.ui.invite.copied': {
    nb: 'Kopiert',
    en: 'Copied',
    sv: 'Kopierad',
  },
});
