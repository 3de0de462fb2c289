/**
 * Sync with the cloud: status, problems, conflicts, refusals (src/sync, the sync screen).
 *
 * `{detail}` is the cloud's or the network's own detail, in English, given as
 * store-written-like text that is empty in bokmål and Swedish (problems.ts
 * `forSupport`): the English carries it for support and API clients.
 */
import { defineMessages } from './define';

export const syncMessages = defineMessages({
  // ---- reaching the cloud (src/sync/problems.ts) ---------------------------
  'sync.outage.unreachable': {
    nb: 'Skyen svarer ikke',
    en: 'The cloud does not answer{detail}',
    sv: 'Molnet svarar inte',
  },
  'sync.outage.timeout': {
    nb: 'Skyen svarte ikke innen {seconds} s',
    en: 'The cloud did not answer within {seconds} s',
    sv: 'Molnet svarade inte inom {seconds} s',
  },
  'sync.outage.rateLimited': {
    nb: 'Skyen ber kassen vente (for mange forespørsler på kort tid)',
    en: 'The cloud asks the till to wait (too many requests in a short time)',
    sv: 'Molnet ber kassan vänta (för många förfrågningar på kort tid)',
  },
  'sync.outage.busy': {
    nb: 'Skyen er opptatt akkurat nå',
    en: 'The cloud is busy right now',
    sv: 'Molnet är upptaget just nu',
  },
  'sync.outage.cloudFailed': {
    nb: 'Skyen har en feil (feilkode {status})',
    en: 'The cloud has a fault (HTTP {status})',
    sv: 'Molnet har ett fel (felkod {status})',
  },
  'sync.outage.notTheCloud': {
    nb: 'Noe annet enn skyen svarte (feilkode {status}). Kanskje står en innloggingsside for nettet i veien',
    en: 'Something other than the cloud answered (HTTP {status}); a login page or a proxy may be in the way',
    sv: 'Något annat än molnet svarade (felkod {status}). Kanske står en inloggningssida för nätet i vägen',
  },
  'sync.retry.byItself': {
    nb: 'Kassen prøver igjen av seg selv',
    en: 'The till tries again by itself',
    sv: 'Kassan försöker igen av sig själv',
  },
  'sync.retry.in': {
    nb: 'Kassen prøver igjen om {seconds} s',
    en: 'The till tries again in {seconds} s',
    sv: 'Kassan försöker igen om {seconds} s',
  },
  'sync.problem.outage': {
    nb: '{what}. {retry}; salg og innmeldinger lagres på kassen så lenge.',
    en: '{what}. {retry}; sales and enrolments are kept on the till meanwhile.',
    sv: '{what}. {retry}; köp och medlemsregistreringar sparas i kassan under tiden.',
  },
  'sync.pairing.outage': {
    nb: '{what}. Sjekk adressen og nettverket, og prøv igjen.',
    en: '{what}. Check the address and the network, and try again.',
    sv: '{what}. Kontrollera adressen och nätverket och försök igen.',
  },
  'sync.pairing.outageWait': {
    nb: '{what}. Prøv igjen om {seconds} s.',
    en: '{what}. Try again in {seconds} s.',
    sv: '{what}. Försök igen om {seconds} s.',
  },

  // ---- the cloud's refusals, by its error code ------------------------------
  'sync.refusal.invalid_request': {
    nb: 'Skyen godtok ikke forespørselen fra kassen',
    en: 'The cloud did not accept what the till sent',
    sv: 'Molnet godtog inte förfrågan från kassan',
  },
  'sync.refusal.forbidden': {
    nb: 'Skyen gir ikke kassen lov til dette',
    en: 'The cloud does not allow this till that',
    sv: 'Molnet tillåter inte detta för kassan',
  },
  'sync.refusal.not_found': {
    nb: 'Skyen kjenner ikke det kassen ber om: sjekk skyadressen, eller få skyen oppdatert',
    en: 'The cloud does not know what the till asks for: check the cloud address, or have the cloud updated',
    sv: 'Molnet känner inte igen förfrågan: kontrollera molnadressen eller uppdatera molnet',
  },
  'sync.refusal.store_code_not_found': {
    nb: 'Ingen butikk har denne butikkoden',
    en: 'No store has this store code',
    sv: 'Ingen butik har den här butikskoden',
  },
  'sync.refusal.slots_exhausted': {
    nb: 'Kjeden har brukt opp medlemsnummerblokkene',
    en: 'The chain has used up its member-number blocks',
    sv: 'Kedjan har använt alla sina medlemsnummerblock',
  },
  'sync.refusal.member_not_found': {
    nb: 'Skyen har ikke dette medlemmet',
    en: 'The cloud does not have this member',
    sv: 'Molnet har inte den här medlemmen',
  },
  'sync.refusal.invalid_phone': {
    nb: 'Skyen leser ikke mobilnummeret',
    en: 'The cloud cannot read the phone number',
    sv: 'Molnet kan inte läsa mobilnumret',
  },
  'sync.refusal.batch_too_large': {
    nb: 'For mange registreringer på én gang for skyen',
    en: 'Too many events at once for the cloud',
    sv: 'För många händelser på en gång för molnet',
  },
  'sync.refusal.body_too_large': {
    nb: 'For mye data på én gang for skyen',
    en: 'Too much data at once for the cloud',
    sv: 'För mycket data på en gång för molnet',
  },
  'sync.refusal.unsupported_media_type': {
    nb: 'Skyen leser ikke det kassen sender: oppdater Lojal',
    en: 'The cloud cannot read what the till sends: update Lojal',
    sv: 'Molnet kan inte läsa det kassan skickar: uppdatera appen',
  },
  'sync.refusal.rate_limited': {
    nb: 'Skyen ber kassen vente',
    en: 'The cloud asks the till to wait',
    sv: 'Molnet ber kassan vänta',
  },
  'sync.refusal.unavailable': {
    nb: 'Skyen er opptatt',
    en: 'The cloud is busy',
    sv: 'Molnet är upptaget',
  },
  'sync.refusal.internal': {
    nb: 'Skyen har en feil',
    en: 'The cloud has a fault',
    sv: 'Molnet har ett fel',
  },
  'sync.refusal.invalid_json': {
    nb: 'Skyen leser ikke det kassen sender: oppdater Lojal',
    en: 'The cloud cannot read what the till sends: update Lojal',
    sv: 'Molnet kan inte läsa det kassan skickar: uppdatera appen',
  },
  'sync.refusal.invalid_text': {
    nb: 'Skyen tar ikke imot tekst med tegn som ikke kan lagres',
    en: 'The cloud does not take text with characters that cannot be stored',
    sv: 'Molnet tar inte emot text med tecken som inte kan sparas',
  },
  'sync.refusal.unsafe_number': {
    nb: 'Skyen tar ikke imot et tall som er for stort',
    en: 'The cloud does not take a number that large',
    sv: 'Molnet tar inte emot ett så stort tal',
  },
  'sync.refusal.too_deep': {
    nb: 'Skyen tar ikke imot så dypt nøstede data',
    en: 'The cloud does not take data nested that deep',
    sv: 'Molnet tar inte emot så djupt nästlade data',
  },
  'sync.refusal.invalid_url': {
    nb: 'Skyen leser ikke adressen kassen bruker',
    en: 'The cloud cannot read the address the till uses',
    sv: 'Molnet kan inte läsa adressen som kassan använder',
  },
  'sync.refusal.path_too_long': {
    nb: 'Adressen kassen bruker er for lang for skyen',
    en: 'The address the till uses is too long for the cloud',
    sv: 'Adressen som kassan använder är för lång för molnet',
  },
  'sync.refusal.method_not_allowed': {
    nb: 'Skyen kjenner ikke det kassen ber om: oppdater Lojal eller skyen',
    en: 'The cloud does not know what the till asks for: update Lojal or the cloud',
    sv: 'Molnet känner inte igen förfrågan: uppdatera appen eller molnet',
  },
  'sync.refusal.headers_too_large': {
    nb: 'Det kassen sender, er for stort for skyen',
    en: 'What the till sends is too large for the cloud',
    sv: 'Förfrågan från kassan är för stor för molnet',
  },
  'sync.refusal.bad_request': {
    nb: 'Skyen godtok ikke forespørselen fra kassen',
    en: 'The cloud did not accept what the till sent',
    sv: 'Molnet godtog inte förfrågan från kassan',
  },
  'sync.refusal.request_timeout': {
    nb: 'Det kassen sendte, kom ikke fram til skyen i tide',
    en: 'What the till sent did not reach the cloud in time',
    sv: 'Förfrågan kom inte fram till molnet i tid',
  },
  'sync.refusal.unexpected': {
    nb: 'Skyen svarte noe kassen ikke forstår',
    en: 'The cloud answered something the till does not understand',
    sv: 'Molnet svarade något som kassan inte förstår',
  },

  // ---- why a sync failed ------------------------------------------------------
  'sync.problem.refused': {
    nb: '{reason} (feilkode {status}).',
    en: '{reason} (HTTP {status}, {code}{detail}).',
    sv: '{reason} (felkod {status}).',
  },
  'sync.problem.revoked': {
    nb: 'Skyen godtar ikke lenger nøkkelen til kassen (den er trukket tilbake). En leder må koble kassen til kjeden på nytt.',
    en: "The cloud no longer accepts this till's key (it was revoked). A manager must pair the till again.",
    sv: 'Molnet godtar inte längre kassans nyckel (den har återkallats). En chef måste koppla ihop kassan igen.',
  },
  'sync.problem.incompatible': {
    nb: 'Svaret fra skyen passer ikke denne kassen{detail}: oppdater Lojal.',
    en: 'The cloud’s answer does not fit this till{detail}: update Lojal.',
    sv: 'Svaret från molnet passar inte den här kassan{detail}: uppdatera appen.',
  },
  'sync.problem.eventsRejected': {
    nb: 'Skyen avviste {count, plural, one {én registrering} other {# registreringer}}. {count, plural, one {Den blir} other {De blir}} liggende på kassen; se listen under.',
    en: 'The cloud refused {count, plural, one {one event} other {# events}}. They stay on the till; see the list below.',
    sv: 'Molnet avvisade {count, plural, one {en händelse} other {# händelser}}. {count, plural, one {Den ligger} other {De ligger}} kvar i kassan; se listan nedan.',
  },
  'sync.problem.eventsDatedAhead': {
    nb: 'Skyen tar ennå ikke imot {count, plural, one {én registrering} other {# registreringer}}: {count, plural, one {den} other {de}} ble gjort mens klokken på kassen gikk mer enn {hours, plural, one {# time} other {# timer}} foran, og sendes når {count, plural, one {tiden dens} other {tiden deres}} er nådd. Nye salg sendes som vanlig; se listen under.',
    en: "The cloud does not take {count, plural, one {one event} other {# events}} yet: {count, plural, one {it was} other {they were}} made while the till's clock was more than {hours, plural, one {# hour} other {# hours}} ahead, and {count, plural, one {is} other {are}} sent once {count, plural, one {its} other {their}} time has come. New sales are sent as usual; see the list below.",
    sv: 'Molnet tar ännu inte emot {count, plural, one {en händelse} other {# händelser}}: {count, plural, one {den} other {de}} skapades medan klockan i kassan gick mer än {hours, plural, one {# timme} other {# timmar}} före, och skickas när {count, plural, one {dess} other {deras}} tid är inne. Nya köp skickas som vanligt; se listan nedan.',
  },
  'sync.problem.tillClockAhead': {
    nb: 'Klokken på kassen går mer enn {hours, plural, one {# time} other {# timer}} foran, så skyen tar ikke imot {count, plural, one {én registrering} other {# registreringer}} fra kassen. Rett dato og klokkeslett på kassen. {count, plural, one {Registreringen blir} other {Registreringene blir}} liggende på kassen til da; se listen under.',
    en: "The till's clock is more than {hours, plural, one {# hour} other {# hours}} ahead, so the cloud does not take {count, plural, one {one event} other {# events}} from it. Correct the till's date and time. {count, plural, one {It stays} other {They stay}} on the till until then; see the list below.",
    sv: 'Klockan i kassan går mer än {hours, plural, one {# timme} other {# timmar}} före, så molnet tar inte emot {count, plural, one {en händelse} other {# händelser}} från kassan. Ställ in rätt datum och klockslag i kassan. {count, plural, one {Händelsen ligger} other {Händelserna ligger}} kvar i kassan till dess; se listan nedan.',
  },
  'sync.problem.unpaired': {
    nb: 'Kassen er ikke koblet til kjedens sky.',
    en: 'This till is not paired with the chain’s cloud.',
    sv: 'Kassan är inte kopplad till något moln.',
  },
  'sync.problem.stopped': {
    nb: 'Synkroniseringen er stoppet (kassen lukkes).',
    en: 'Sync has stopped (the till is closing).',
    sv: 'Synkroniseringen har stoppats (kassan stängs).',
  },
  'sync.problem.tillFailed': {
    nb: 'Synkroniseringen feilet på kassen{detail}. Den prøver igjen av seg selv; si fra hvis det varer.',
    en: 'Sync failed on the till{detail}. It tries again by itself; report it if it lasts.',
    sv: 'Synkroniseringen misslyckades i kassan{detail}. Den försöker igen av sig själv; säg till om det fortsätter.',
  },
  'sync.problem.eventsSetAside': {
    nb: '{count, plural, one {Én registrering} other {# registreringer}} ble lagt til side; resten ble synkronisert. Se listen under.',
    en: '{count, plural, one {One event was} other {# events were}} set aside; everything else was synced. See the list below.',
    sv: '{count, plural, one {En händelse} other {# händelser}} lades åt sidan; resten synkroniserades. Se listan nedan.',
  },
  /** A problem kept before problems were messages: its words as they were stored. */
  'sync.asWritten': {
    nb: '{text}',
    en: '{text}',
    sv: '{text}',
  },

  // ---- pairing -----------------------------------------------------------------
  'sync.pairing.invalid_cloud_url': {
    nb: 'Skyadressen er ikke gyldig: den skal se ut som https://sky.eksempel.no (http:// bare på denne maskinen).',
    en: 'The cloud address is not valid: it looks like https://cloud.example.no (http:// only on this machine).',
    sv: 'Molnadressen är inte giltig: den ska se ut som https://moln.exempel.se (vanlig http bara på den här datorn).',
  },
  'sync.pairing.store_code_not_found': {
    nb: 'Ingen butikk har denne butikkoden. Sjekk koden med kjeden (den ser ut som 7K4M-Q2XP).',
    en: 'No store has this store code. Check the code with the chain (it looks like 7K4M-Q2XP).',
    sv: 'Ingen butik har den här butikskoden. Kontrollera koden med kedjan (den ser ut som 7K4M-Q2XP).',
  },
  'sync.pairing.foreign_chain_data': {
    nb: 'Kassen har medlemmer eller salg fra en annen kjede, og kunder flyttes aldri mellom kjeder. Koble heller til en kasse med en ny datamappe; denne kassen virker videre uten å være koblet til kjeden.',
    en: 'This till holds members or sales of another chain, and customers never move between chains. Pair a till with a new data folder instead; this till keeps working on its own.',
    sv: 'Kassan har medlemmar eller köp från en annan kedja, och kunder flyttas aldrig mellan kedjor. Koppla ihop en kassa med en ny datamapp i stället; den här kassan fungerar vidare utan att vara ihopkopplad.',
  },
  'sync.pairing.slots_exhausted': {
    nb: 'Kjeden har brukt opp medlemsnummerblokkene prefikset gir plass til. Et kortere prefiks for medlemsnummer gir plass til flere kasser.',
    en: 'The chain has used every member-number block its prefix leaves room for. A shorter member-number prefix leaves room for more tills.',
    sv: 'Kedjan har använt alla medlemsnummerblock som prefixet ger plats för. Ett kortare prefix för medlemsnummer ger plats för fler kassor.',
  },
  'sync.pairing.pending_events': {
    nb: 'Noe er ikke sendt til skyen ennå. Synkroniser først, eller koble fra likevel: det som venter blir liggende på kassen.',
    en: 'Some sales or changes have not reached the cloud yet. Sync first, or unpair anyway: what waits stays on this till.',
    sv: 'Något har inte skickats till molnet ännu. Synkronisera först, eller koppla från ändå: det som väntar ligger kvar i kassan.',
  },

  // ---- why the cloud refused one event (RejectedEvent.text) --------------------
  'sync.reject.invalid_event': {
    nb: 'Skyen leser ikke registreringen{detail}',
    en: 'The cloud cannot read the event{detail}',
    sv: 'Molnet kan inte läsa händelsen{detail}',
  },
  'sync.reject.schema_too_new': {
    nb: 'Gjort med en nyere versjon av Lojal enn skyen kjenner: få skyen oppdatert{detail}',
    en: 'Made by a newer version of Lojal than the cloud knows: have the cloud updated{detail}',
    sv: 'Skapad av en nyare app än molnet känner till: uppdatera molnet{detail}',
  },
  'sync.reject.wrong_chain': {
    nb: 'Hører til en annen kjede{detail}',
    en: 'Belongs to another chain{detail}',
    sv: 'Hör till en annan kedja{detail}',
  },
  'sync.reject.wrong_store': {
    nb: 'Hører til en annen butikk{detail}',
    en: 'Belongs to another store{detail}',
    sv: 'Hör till en annan butik{detail}',
  },
  'sync.reject.wrong_terminal': {
    nb: 'Hører til en annen kasse{detail}',
    en: 'Belongs to another till{detail}',
    sv: 'Hör till en annan kassa{detail}',
  },
  'sync.reject.unknown_member': {
    nb: 'Gjelder et medlem kjeden ikke kjenner{detail}',
    en: 'Concerns a member the chain does not know{detail}',
    sv: 'Gäller en medlem som kedjan inte känner till{detail}',
  },
  'sync.reject.clock_ahead': {
    nb: 'Klokken på kassen går for langt foran: sjekk dato og klokkeslett{detail}',
    en: "The till's clock is too far ahead: check its date and time{detail}",
    sv: 'Klockan i kassan går för långt före: kontrollera datum och klockslag{detail}',
  },
  'sync.reject.invalid_text': {
    nb: 'Inneholder tegn som ikke kan lagres{detail}',
    en: 'Holds characters that cannot be stored{detail}',
    sv: 'Innehåller tecken som inte kan sparas{detail}',
  },
  'sync.reject.event_too_large': {
    nb: 'Registreringen er for stor{detail}',
    en: 'The event is too large{detail}',
    sv: 'Händelsen är för stor{detail}',
  },

  'sync.reject.unprocessable': {
    nb: 'Skyen klarte ikke å lagre registreringen: be driften se på den{detail}',
    en: 'The cloud could not store the event: ask the operators to look at it{detail}',
    sv: 'Molnet kunde inte spara händelsen: be driften titta på den{detail}',
  },
  'sync.reject.not_allowed': {
    nb: 'Bare en aktiv leder i kjeden kan endre de ansatte: be en leder gjøre endringen{detail}',
    en: 'Only an active manager of the chain may change its staff: ask a manager to make the change{detail}',
    sv: 'Bara en aktiv chef i kedjan kan ändra personalen: be en chef göra ändringen{detail}',
  },

  // ---- why an event was set aside (QuarantinedEvent.text) ----------------------
  'sync.setAside.invalid_event': {
    nb: 'Registreringen fra skyen kan ikke leses av kassen (feil form, tall utenfor grensene eller tegn som ikke kan lagres){detail}.',
    en: 'The event from the cloud cannot be read by this till (wrong shape, a figure out of bounds or characters that cannot be stored){detail}.',
    sv: 'Händelsen från molnet kan inte läsas av kassan (fel form, tal utanför gränserna eller ogiltiga tecken){detail}.',
  },
  'sync.setAside.clock_ahead': {
    nb: 'Registreringen fra skyen har et klokkeslett langt fram i tid{detail}.',
    en: 'The event from the cloud has a clock far in the future{detail}.',
    sv: 'Händelsen från molnet har ett klockslag långt fram i tiden{detail}.',
  },
  'sync.setAside.apply_failed': {
    nb: 'Registreringen fra skyen kunne ikke lagres på kassen{detail}.',
    en: 'The event from the cloud could not be stored on this till{detail}.',
    sv: 'Händelsen från molnet kunde inte sparas i kassan{detail}.',
  },
  'sync.setAside.event_too_large': {
    nb: 'Registreringen er for stor til å sendes til skyen{detail}.',
    en: 'The event is too large to send to the cloud{detail}.',
    sv: 'Händelsen är för stor för att skickas till molnet{detail}.',
  },
  'sync.setAside.body_too_large': {
    nb: 'Registreringen er for stor for forbindelsen til skyen (en mellomtjener tar ikke så mye){detail}.',
    en: 'The event is too large for the connection to the cloud (something in between takes less){detail}.',
    sv: 'Händelsen är för stor för anslutningen till molnet (en mellanserver tar inte så mycket){detail}.',
  },
  /** The cloud's refusal of one of this till's events, in a sentence (its own reason in lower case). */
  'sync.setAside.refused': {
    nb: 'Skyen avviste registreringen: {code, select, invalid_event {skyen leser ikke registreringen} schema_too_new {gjort med en nyere versjon av Lojal enn skyen kjenner: få skyen oppdatert} wrong_chain {hører til en annen kjede} wrong_store {hører til en annen butikk} wrong_terminal {hører til en annen kasse} unknown_member {gjelder et medlem kjeden ikke kjenner} clock_ahead {klokken på kassen går for langt foran: sjekk dato og klokkeslett} invalid_text {inneholder tegn som ikke kan lagres} event_too_large {registreringen er for stor} not_allowed {bare en aktiv leder i kjeden kan endre de ansatte} unprocessable {skyen klarte ikke å lagre den} other {{code}}}{detail}.',
    en: 'The cloud refused the event: {code, select, invalid_event {the cloud cannot read the event} schema_too_new {made by a newer version of Lojal than the cloud knows: have the cloud updated} wrong_chain {it belongs to another chain} wrong_store {it belongs to another store} wrong_terminal {it belongs to another till} unknown_member {it concerns a member the chain does not know} clock_ahead {the till’s clock is too far ahead: check its date and time} invalid_text {it holds characters that cannot be stored} event_too_large {the event is too large} not_allowed {only an active manager of the chain may change its staff} unprocessable {the cloud could not store it} other {{code}}}{detail}.',
    sv: 'Molnet avvisade händelsen: {code, select, invalid_event {molnet kan inte läsa händelsen} schema_too_new {skapad av en nyare app än molnet känner till: uppdatera molnet} wrong_chain {hör till en annan kedja} wrong_store {hör till en annan butik} wrong_terminal {hör till en annan kassa} unknown_member {gäller en medlem som kedjan inte känner till} clock_ahead {klockan i kassan går för långt före: kontrollera datum och klockslag} invalid_text {innehåller tecken som inte kan sparas} event_too_large {händelsen är för stor} not_allowed {bara en aktiv chef i kedjan kan ändra personalen} unprocessable {molnet kunde inte spara den} other {{code}}}{detail}.',
  },
  'sync.setAside.other': {
    nb: 'Lagt til side (ukjent grunn).',
    en: 'Set aside ({code}{detail}).',
    sv: 'Lagd åt sidan (okänd orsak).',
  },

  // ---- what a refused or set-aside event recorded ----------------------------
  'sync.eventKind.member_enrolled': {
    nb: 'Innmelding',
    en: 'Enrolment',
    sv: 'Medlemsregistrering',
  },
  'sync.eventKind.member_profile_updated': {
    nb: 'Endret medlem',
    en: 'Member change',
    sv: 'Ändrad medlem',
  },
  'sync.eventKind.member_consent_changed': { nb: 'Samtykke', en: 'Consent', sv: 'Samtycke' },
  'sync.eventKind.member_pin_set': { nb: 'Medlems-PIN', en: 'Member PIN', sv: 'Medlems-PIN' },
  'sync.eventKind.member_erased': {
    nb: 'Sletting av medlem',
    en: 'Member erasure',
    sv: 'Radering av medlem',
  },
  'sync.eventKind.sale_committed': { nb: 'Salg', en: 'Sale', sv: 'Köp' },
  'sync.eventKind.sale_voided': { nb: 'Annullering', en: 'Void', sv: 'Makulering' },
  'sync.eventKind.sale_returned': { nb: 'Retur', en: 'Return', sv: 'Retur' },
  'sync.eventKind.points_adjusted': {
    nb: 'Poengjustering',
    en: 'Points adjustment',
    sv: 'Poängjustering',
  },
  'sync.eventKind.coupon_purchased': {
    nb: 'Kupong kjøpt med poeng',
    en: 'Coupon bought with points',
    sv: 'Kupong köpt med poäng',
  },
  'sync.eventKind.referral_rewarded': {
    nb: 'Vervebelønning',
    en: 'Referral reward',
    sv: 'Värvningsbelöning',
  },
  'sync.eventKind.programme_saved': {
    nb: 'Endring i kundeklubben',
    en: 'Loyalty club change',
    sv: 'Programändring',
  },
  'sync.eventKind.catalogue_saved': { nb: 'Vareliste', en: 'Product list', sv: 'Varulista' },
  'sync.eventKind.staff_saved': {
    nb: 'Endring av ansatt',
    en: 'Staff change',
    sv: 'Ändring av anställd',
  },
  'sync.eventKind.staff_logged_in': { nb: 'Innlogging', en: 'Log-in', sv: 'Inloggning' },
  'sync.eventKind.unknown': {
    nb: 'Ukjent registrering ({type})',
    en: 'Unknown event ({type})',
    sv: 'Okänd händelse ({type})',
  },
  'sync.eventKind.unreadable': {
    nb: 'Uleselig registrering',
    en: 'Unreadable event',
    sv: 'Oläslig händelse',
  },

  // ---- the sync screen: when, and what "Synk nå" did ------------------------
  'sync.ago.justNow': { nb: 'nå nettopp', en: 'just now', sv: 'alldeles nyss' },
  'sync.ago.minutes': {
    nb: 'for {minutes} min siden',
    en: '{minutes} min ago',
    sv: 'för {minutes} min sedan',
  },
  'sync.ago.hours': {
    nb: 'for {hours} t siden',
    en: '{hours} h ago',
    sv: 'för {hours} tim sedan',
  },
  'sync.ago.day': { nb: '{at, date, ::dMMM}', en: '{at, date, ::dMMM}', sv: '{at, date, ::dMMM}' },
  'sync.last.never': { nb: 'Aldri synkronisert', en: 'Never synced', sv: 'Aldrig synkad' },
  'sync.last.ago': { nb: 'Synkronisert {ago}', en: 'Synced {ago}', sv: 'Synkad {ago}' },
  'sync.last.today': {
    nb: 'Synkronisert {at, time, ::HHmm}',
    en: 'Synced {at, time, ::HHmm}',
    sv: 'Synkad {at, time, ::HHmm}',
  },
  'sync.last.before': {
    nb: 'Synkronisert {at, date, ::dMMM} {at, time, ::HHmm}',
    en: 'Synced {at, date, ::dMMM} {at, time, ::HHmm}',
    sv: 'Synkad {at, date, ::dMMM} {at, time, ::HHmm}',
  },
  'sync.report.failed': {
    nb: 'Synkroniseringen feilet. {why}',
    en: 'Sync failed. {why}',
    sv: 'Synkningen misslyckades. {why}',
  },
  'sync.report.unknownError': { nb: 'Ukjent feil.', en: 'Unknown error.', sv: 'Okänt fel.' },
  'sync.report.done': {
    nb: 'Synkronisert: {pushed, plural, other {# sendt}}, {applied, plural, one {# ny} other {# nye}} hentet.{rejected, plural, =0 {} other { Skyen avviste #.}}{quarantined, plural, =0 {} other { # lagt til side.}}',
    en: 'Synced: {pushed, plural, other {# sent}}, {applied, plural, one {# new} other {# new}} received.{rejected, plural, =0 {} other { The cloud refused #.}}{quarantined, plural, =0 {} other { # set aside.}}',
    sv: 'Synkad: {pushed, plural, one {# skickad} other {# skickade}}, {applied, plural, one {# ny hämtad} other {# nya hämtade}}.{rejected, plural, =0 {} other { Molnet avvisade #.}}{quarantined, plural, =0 {} other { # lagda åt sidan.}}',
  },

  // ---- conflicts, for the manager (src/sync/conflicts.ts) --------------------
  'sync.conflicts.unpaired': {
    nb: 'Kassen er ikke koblet til kjedens sky.',
    en: 'This till is not paired with the chain’s cloud.',
    sv: 'Kassan är inte kopplad till något moln.',
  },
  'sync.conflicts.noAnswer': {
    nb: 'Skyen svarte ikke.',
    en: 'The cloud did not answer ({detail}).',
    sv: 'Molnet svarade inte.',
  },
  'sync.member.number': {
    nb: 'medlemsnr. {number}',
    en: 'member no. {number}',
    sv: 'medlemsnr {number}',
  },
  'sync.member.unknown': {
    nb: 'et medlem kassen ikke har ennå',
    en: 'a member not on this till yet',
    sv: 'en medlem som kassan inte har ännu',
  },
  'sync.list.two': { nb: '{first} og {last}', en: '{first} and {last}', sv: '{first} och {last}' },
  'sync.list.more': { nb: '{first}, {rest}', en: '{first}, {rest}', sv: '{first}, {rest}' },
  'sync.receipt.first': {
    nb: 'kvittering {receipt} {where}',
    en: 'receipt {receipt} {where}',
    sv: 'kvitto {receipt} {where}',
  },
  'sync.receipt.more': {
    nb: '{receipt} {where}',
    en: '{receipt} {where}',
    sv: '{receipt} {where}',
  },
  'sync.where.named': { nb: 'på {till}', en: 'at {till}', sv: 'i {till}' },
  'sync.where.here': { nb: 'på denne kassen', en: 'at this till', sv: 'i den här kassan' },
  'sync.where.other': { nb: 'på en annen kasse', en: 'at another till', sv: 'i en annan kassa' },
  'sync.salesMissing': {
    nb: '{count, plural, one {et salg kassen ikke har ennå} other {# salg kassen ikke har ennå}}',
    en: '{count, plural, one {a sale not on this till yet} other {# sales not on this till yet}}',
    sv: '{count, plural, one {ett köp som kassan inte har ännu} other {# köp som kassan inte har ännu}}',
  },
  'sync.conflict.negative_points': {
    nb: 'Poengene til {who} ble brukt to ganger: saldo −{points}',
    en: "{who}'s points were spent twice: balance −{points}",
    sv: 'Poängen för {who} har använts två gånger: saldo −{points}',
  },
  'sync.conflict.negative_cashback': {
    nb: 'Bonusen til {who} ble brukt to ganger: saldo −{amount}',
    en: "{who}'s cashback was spent twice: balance −{amount}",
    sv: 'Bonusen för {who} har använts två gånger: saldo −{amount}',
  },
  'sync.conflict.coupon_redeemed_twice': {
    nb: 'Kupongen «{name}» ble brukt {times, plural, =1 {én gang} =2 {to ganger} =3 {tre ganger} =4 {fire ganger} =5 {fem ganger} other {# ganger}} ({where})',
    en: 'The coupon “{name}” was used {times, plural, =1 {once} =2 {twice} =3 {three times} =4 {four times} =5 {five times} other {# times}} ({where})',
    sv: 'Kupongen ”{name}” har använts {times, plural, =1 {en gång} =2 {två gånger} =3 {tre gånger} =4 {fyra gånger} =5 {fem gånger} other {# gånger}} ({where})',
  },
  'sync.conflict.reward_redeemed_twice': {
    nb: 'Belønningen «{name}» ble brukt {times, plural, =1 {én gang} =2 {to ganger} =3 {tre ganger} =4 {fire ganger} =5 {fem ganger} other {# ganger}} ({where})',
    en: 'The reward “{name}” was used {times, plural, =1 {once} =2 {twice} =3 {three times} =4 {four times} =5 {five times} other {# times}} ({where})',
    sv: 'Belöningen ”{name}” har använts {times, plural, =1 {en gång} =2 {två gånger} =3 {tre gånger} =4 {fyra gånger} =5 {fem gånger} other {# gånger}} ({where})',
  },
  'sync.conflict.tier_once_used_twice': {
    nb: 'Nivårabatten som gjelder én gang per periode ({period}) ble brukt {times, plural, =1 {én gang} =2 {to ganger} =3 {tre ganger} =4 {fire ganger} =5 {fem ganger} other {# ganger}} ({where})',
    en: 'The once-per-period tier discount ({period}) was used {times, plural, =1 {once} =2 {twice} =3 {three times} =4 {four times} =5 {five times} other {# times}} ({where})',
    sv: 'Nivårabatten som gäller en gång per period ({period}) har använts {times, plural, =1 {en gång} =2 {två gånger} =3 {tre gånger} =4 {fyra gånger} =5 {fem gånger} other {# gånger}} ({where})',
  },
  'sync.conflict.identity': {
    nb: '{count, plural, =1 {Ett} =2 {To} =3 {Tre} =4 {Fire} =5 {Fem} other {#}} medlemmer, {who} blant dem, har samme {kind, select, duplicate_phone {mobilnummer} duplicate_member_number {medlemsnummer} other {QR-kode}}',
    en: '{count, plural, =1 {One} =2 {Two} =3 {Three} =4 {Four} =5 {Five} other {#}} members, {who} among them, share one {kind, select, duplicate_phone {phone} duplicate_member_number {member number} other {QR code}}',
    sv: '{count, plural, =1 {En} =2 {Två} =3 {Tre} =4 {Fyra} =5 {Fem} other {#}} medlemmar, {who} bland dem, har samma {kind, select, duplicate_phone {mobilnummer} duplicate_member_number {medlemsnummer} other {QR-kod}}',
  },
  'sync.conflict.cardReward': {
    nb: '{card}-belønningen',
    en: '{card} reward',
    sv: '{card}-belöningen',
  },
  'sync.conflictHint.negative_points': {
    nb: 'Trolig brukt på to kasser uten nett samtidig. Nye poeng dekker underskuddet først.',
    en: 'Likely spent at two offline tills at once. New points pay off the deficit first.',
    sv: 'Troligen använda i två kassor utan nät samtidigt. Nya poäng täcker underskottet först.',
  },
  'sync.conflictHint.negative_cashback': {
    nb: 'Trolig brukt på to kasser uten nett samtidig. Ny bonus dekker underskuddet først.',
    en: 'Likely spent at two offline tills at once. New cashback pays off the deficit first.',
    sv: 'Troligen använd i två kassor utan nät samtidigt. Ny bonus täcker underskottet först.',
  },
  'sync.conflictHint.twoTills': {
    nb: 'To kasser uten nett godtok {what, select, coupon {kupongen} reward {belønningen} other {nivårabatten}} hver for seg. Begge salgene står som de ble gjort; ingenting er endret.',
    en: 'Two offline tills each accepted {what, select, coupon {the coupon} reward {the reward} other {the tier discount}}. Both sales stand as they were made; nothing has been changed.',
    sv: 'Två kassor utan nät godtog {what, select, coupon {kupongen} reward {belöningen} other {nivårabatten}} var för sig. Båda köpen står kvar som de gjordes; ingenting har ändrats.',
  },
  'sync.conflictHint.identity': {
    nb: 'Oppslag gir den som meldte seg inn først. Rett opplysningene på den andre.',
    en: 'A lookup answers the member who enrolled first. Correct the details of the other.',
    sv: 'En sökning ger den som blev medlem först. Rätta uppgifterna för den andra.',
  },
  'sync.tillConflict.duplicate_phone': {
    nb: '{count, plural, =1 {Ett} =2 {To} =3 {Tre} =4 {Fire} =5 {Fem} other {#}} medlemmer har mobilnummeret {value}: {names}. Oppslag på nummeret gir {answered}, som meldte seg inn først.',
    en: '{count, plural, =1 {One} =2 {Two} =3 {Three} =4 {Four} =5 {Five} other {#}} members have the phone {value}: {names}. A lookup by it answers {answered}, enrolled first.',
    sv: '{count, plural, =1 {En} =2 {Två} =3 {Tre} =4 {Fyra} =5 {Fem} other {#}} medlemmar har mobilnumret {value}: {names}. En sökning på numret ger {answered}, som blev medlem först.',
  },
  'sync.tillConflict.duplicate_member_number': {
    nb: '{count, plural, =1 {Ett} =2 {To} =3 {Tre} =4 {Fire} =5 {Fem} other {#}} medlemmer har medlemsnummeret {value}: {names}. Oppslag på nummeret gir {answered}, som meldte seg inn først.',
    en: '{count, plural, =1 {One} =2 {Two} =3 {Three} =4 {Four} =5 {Five} other {#}} members have the member number {value}: {names}. A lookup by it answers {answered}, enrolled first.',
    sv: '{count, plural, =1 {En} =2 {Två} =3 {Tre} =4 {Fyra} =5 {Fem} other {#}} medlemmar har medlemsnumret {value}: {names}. En sökning på numret ger {answered}, som blev medlem först.',
  },
  'sync.tillConflict.duplicate_qr_token': {
    nb: '{count, plural, =1 {Ett} =2 {To} =3 {Tre} =4 {Fire} =5 {Fem} other {#}} medlemmer har samme QR-kode: {names}. Skanning av koden gir {answered}, som meldte seg inn først.',
    en: '{count, plural, =1 {One} =2 {Two} =3 {Three} =4 {Four} =5 {Five} other {#}} members have the same QR code: {names}. Scanning it answers {answered}, enrolled first.',
    sv: '{count, plural, =1 {En} =2 {Två} =3 {Tre} =4 {Fyra} =5 {Fem} other {#}} medlemmar har samma QR-kod: {names}. Skanning av koden ger {answered}, som blev medlem först.',
  },
  'sync.tillConflictHint.duplicate_phone': {
    nb: 'Innmeldt på to kasser uten nett. Rett mobilnummeret på den som ikke skal ha det.',
    en: 'Enrolled at two offline tills. Correct the phone of the member who should not have it.',
    sv: 'Registrerad i två kassor utan nät. Rätta mobilnumret för den som inte ska ha det.',
  },
  'sync.tillConflictHint.duplicate_member_number': {
    nb: 'Gitt av to kasser før de ble koblet til kjeden. Nye numre er unike; de gamle står til noen endrer dem.',
    en: 'Handed out by two tills before pairing. New numbers are unique; the old ones stay until changed.',
    sv: 'Utdelade av två kassor innan de kopplades ihop. Nya nummer är unika; de gamla finns kvar tills någon ändrar dem.',
  },
  'sync.tillConflictHint.duplicate_qr_token': {
    nb: 'QR-koder trekkes tilfeldig, så en kasse med feil har gitt samme kode to ganger. Den andre finnes på mobilnummer eller medlemsnummer.',
    en: 'QR codes are drawn at random, so a faulty till gave the same code twice. The other member is found by phone or member number.',
    sv: 'QR-koder dras slumpmässigt, så en kassa med fel har gett samma kod två gånger. Den andra medlemmen hittas via mobilnummer eller medlemsnummer.',
  },
});
