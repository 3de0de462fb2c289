/** The local API's own refusals (src/host). */
import { defineMessages } from './define';

export const hostMessages = defineMessages({
  // Refusals of the host's own (errors.ts, relay.ts, server.ts, notification-socket.ts).
  'host.internal': {
    nb: 'Noe gikk galt i kassetjenesten. Prøv igjen; hjelper ikke det, se loggen.',
    en: 'Something went wrong in the till service; see its log.',
    sv: 'Något gick fel i kassatjänsten. Försök igen; hjälper det inte, titta i loggen.',
  },
  'host.bodyTooLarge': {
    nb: 'Forespørselen er for stor for kassen (over 5 MB). Send mindre om gangen.',
    en: 'The request body is larger than the till takes (5 MB). Send less at a time.',
    sv: 'Förfrågan är för stor för kassan (över 5 MB). Skicka mindre åt gången.',
  },
  'host.unsupportedMediaType': {
    nb: 'Send innholdet som JSON (Content-Type: application/json).',
    en: 'Send the body as JSON (Content-Type: application/json).',
    sv: 'Skicka innehållet som JSON (Content-Type: application/json).',
  },
  'host.invalidUrl': {
    nb: 'Adressen har ugyldig %-koding. Kod adressen med encodeURIComponent.',
    en: 'The URL holds a bad %-encoding. Encode it with encodeURIComponent.',
    sv: 'Adressen har ogiltig %-kodning. Koda adressen med encodeURIComponent.',
  },
  'host.pathTooLong': {
    nb: 'En del av adressen er for lang (høyst 100 tegn). Sjekk det som sendes i adressen.',
    en: 'A part of the URL path is too long (at most 100 characters). Check what is sent in it.',
    sv: 'En del av adressen är för lång (högst 100 tecken). Kontrollera det som skickas i adressen.',
  },
  'host.invalidJson': {
    nb: 'Innholdet er ikke gyldig JSON. Send et JSON-objekt.',
    en: 'The body is not valid JSON ({detail}). Send a JSON object.',
    sv: 'Innehållet är inte giltig JSON. Skicka ett JSON-objekt.',
  },
  'host.badRequest': {
    nb: 'Kassetjenesten kunne ikke lese forespørselen.',
    en: 'The till service could not read the request ({detail}).',
    sv: 'Kassatjänsten kunde inte läsa förfrågan.',
  },
  'host.invalidText': {
    nb: 'Teksten inneholder tegn som ikke kan lagres. Fjern tegnet og prøv igjen.',
    en: 'The text holds characters that cannot be stored. Remove them and try again.',
    sv: 'Texten innehåller tecken som inte kan sparas. Ta bort tecknet och försök igen.',
  },
  'host.unsafeNumber': {
    nb: 'Tallet er for stort til å lagres nøyaktig. Bruk et mindre tall.',
    en: 'The number is too large to be kept exactly. Use a smaller one.',
    sv: 'Talet är för stort för att sparas exakt. Använd ett mindre tal.',
  },
  'host.tooDeep': {
    nb: 'Innholdet er nøstet for dypt. Send en enklere struktur.',
    en: 'The body is nested too deeply. Send a flatter structure.',
    sv: 'Innehållet är för djupt nästlat. Skicka en enklare struktur.',
  },
  'host.atField': {
    nb: '{said} ({field})',
    en: '{said} ({field})',
    sv: '{said} ({field})',
  },
  'host.methodNotAllowed': {
    nb: '{path} tar ikke imot {method}; bruk {allow}.',
    en: '{path} does not take {method}; use {allow}.',
    sv: '{path} tar inte emot {method}; använd {allow}.',
  },
  'host.noRoute': {
    nb: 'Det finnes ingen rute {method} {path}.',
    en: 'No route {method} {path}.',
    sv: 'Det finns ingen rutt {method} {path}.',
  },
  'host.headersTooLarge': {
    nb: 'Forespørselens hoder er for store. Send kortere hoder (høyst 16 kB).',
    en: 'The request headers are too large. Send shorter headers (16 kB at most).',
    sv: 'Förfrågans headrar är för stora. Skicka kortare headrar (högst 16 kB).',
  },
  'host.requestTimeout': {
    nb: 'Forespørselen kom ikke fram i tide. Prøv igjen.',
    en: 'The request did not arrive in time. Try again.',
    sv: 'Förfrågan kom inte fram i tid. Försök igen.',
  },
  'host.notHttp': {
    nb: 'Forespørselen er ikke gyldig HTTP.',
    en: 'The request is not valid HTTP.',
    sv: 'Förfrågan är inte giltig HTTP.',
  },
  'host.unknownCommand': {
    nb: 'Det finnes ingen kommando som heter «{name}».',
    en: 'There is no command called "{name}".',
    sv: 'Det finns inget kommando som heter ”{name}”.',
  },
  'host.sessionEnded': {
    nb: 'Økten er avsluttet. Logg inn igjen.',
    en: 'Log in again: the session has ended.',
    sv: 'Sessionen har avslutats. Logga in igen.',
  },
  'host.uiNotBuilt': {
    nb: 'Kasseskjermen er ikke bygget. Kjør «npm run build:ui» (npm start gjør det for deg).',
    en: 'The UI is not built. Run "npm run build:ui" (npm start does it for you).',
    sv: 'Kassaskärmen är inte byggd. Kör ”npm run build:ui” (npm start gör det åt dig).',
  },
  'host.wrongHost': {
    nb: 'Bruk http://127.0.0.1 for å nå denne kassen.',
    en: 'Use http://127.0.0.1 to reach this till.',
    sv: 'Använd http://127.0.0.1 för att nå den här kassan.',
  },
  'host.upgradeRequired': {
    nb: '/ws er en WebSocket: koble til med ws://, ikke vanlig HTTP.',
    en: '/ws is a WebSocket: connect with ws://, not plain HTTP.',
    sv: '/ws är en WebSocket: anslut med ws://, inte vanlig HTTP.',
  },
});
