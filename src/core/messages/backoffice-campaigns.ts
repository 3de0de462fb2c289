/**
 * The back office's campaigns (src/backoffice/pages/CampaignsPage.tsx,
 * src/contract/backoffice/campaigns.ts, cloud/campaigns): what is wrong with a
 * campaign sent (`backoffice.campaigns.*`) and the page's words
 * (`backoffice.ui.campaigns.*`).
 */
import { defineMessages } from './define';

export const backofficeCampaignsMessages = defineMessages({
  'backoffice.campaigns.nameNeeded': {
    nb: 'Gi kampanjen et navn.',
    en: 'Give the campaign a name.',
    sv: 'Ge kampanjen ett namn.',
  },
  'backoffice.campaigns.nameTooLong': {
    nb: 'Navnet kan ha høyst {max, number} tegn.',
    en: 'The campaign name can hold at most {max, number} characters.',
    sv: 'Namnet får ha högst {max, number} tecken.',
  },
  'backoffice.campaigns.smsNeededTooLong': {
    nb: 'SMS-teksten kan ha høyst {max, number} tegn.',
    en: 'The text message can hold at most {max, number} characters.',
    sv: 'Sms-texten får ha högst {max, number} tecken.',
  },
  'backoffice.campaigns.emailNeededTooLong': {
    nb: 'E-postteksten kan ha høyst {max, number} tegn.',
    en: 'The e-mail text can hold at most {max, number} characters.',
    sv: 'E-posttexten får ha högst {max, number} tecken.',
  },
  'backoffice.campaigns.subjectNeededTooLong': {
    nb: 'Emnet kan ha høyst {max, number} tegn.',
    en: 'The subject line can hold at most {max, number} characters.',
    sv: 'Ämnet får ha högst {max, number} tecken.',
  },
  'backoffice.campaigns.smsNeeded': {
    nb: 'Skriv SMS-teksten.',
    en: 'Write the text message.',
    sv: 'Skriv sms-texten.',
  },
  'backoffice.campaigns.emailNeeded': {
    nb: 'Skriv teksten i e-posten.',
    en: 'Write the e-mail’s text.',
    sv: 'Skriv texten i e-postmeddelandet.',
  },
  'backoffice.campaigns.subjectNeeded': {
    nb: 'Skriv emnet for e-posten.',
    en: 'Write the e-mail’s subject.',
    sv: 'Skriv ämnet för e-postmeddelandet.',
  },
  'backoffice.campaigns.channelNeeded': {
    nb: 'Velg SMS, e-post eller begge.',
    en: 'Choose text message, e-mail or both.',
    sv: 'Välj sms, e-post eller båda.',
  },
  'backoffice.campaigns.alreadySent': {
    nb: 'Kampanjen er allerede sendt. Den sendes bare én gang.',
    en: 'The campaign is already sent. It is sent only once.',
    sv: 'Kampanjen är redan skickad. Den skickas bara en gång.',
  },
  'backoffice.campaigns.couponUnknown': {
    nb: 'Kundeklubben har ikke lenger denne kupongkampanjen. Velg en annen.',
    en: 'The programme no longer has this coupon campaign. Choose another.',
    sv: 'Programmet har inte längre den kupongkampanjen. Välj en annan.',
  },
  'backoffice.campaigns.bonusUnknown': {
    nb: 'Kundeklubben har ikke lenger denne bonuskampanjen. Velg en annen.',
    en: 'The programme no longer has this bonus campaign. Choose another.',
    sv: 'Programmet har inte längre den bonuskampanjen. Välj en annan.',
  },
  'backoffice.campaigns.offerOver': {
    nb: 'Tilbudet gjelder bare til og med {date} – velg et annet tilbud eller et tidligere tidspunkt.',
    en: 'The offer runs only until {date} – choose another offer or an earlier time.',
    sv: 'Erbjudandet gäller bara till och med {date} – välj ett annat erbjudande eller en tidigare tidpunkt.',
  },
  'backoffice.campaigns.sendAtPast': {
    nb: 'Velg et tidspunkt fra nå og inntil 90 dager fram.',
    en: 'Choose a time from now to 90 days ahead.',
    sv: 'Välj en tidpunkt från nu och upp till 90 dagar fram.',
  },
  'backoffice.ui.nav.campaigns': { nb: 'Kampanjer', en: 'Campaigns', sv: 'Kampanjer' },
  'backoffice.ui.campaigns.title': { nb: 'Kampanjer', en: 'Campaigns to members', sv: 'Kampanjer' },
  'backoffice.ui.campaigns.lead': {
    nb: 'Send en SMS eller e-post til et lagret segment: bare en melding, en kupong eller bonuspoeng i en periode. Bare medlemmer som har samtykket får meldingen, og ingen får flere enn grensen for 30 dager.',
    en: 'Send a text message or e-mail to a saved segment: a message only, a coupon or bonus points for a period. Only members who consented get it, and nobody gets more than the 30-day limit.',
    sv: 'Skicka ett sms eller e-post till ett sparat segment: bara ett meddelande, en kupong eller bonuspoäng under en period. Bara medlemmar som samtyckt får meddelandet, och ingen får fler än gränsen för 30 dagar.',
  },
  'backoffice.ui.campaigns.new': { nb: 'Ny kampanje', en: 'New campaign', sv: 'Ny kampanj' },
  'backoffice.ui.campaigns.none': {
    nb: 'Ingen kampanjer ennå.',
    en: 'No campaigns yet.',
    sv: 'Inga kampanjer ännu.',
  },
  'backoffice.ui.campaigns.back': {
    nb: 'Alle kampanjer',
    en: 'All campaigns',
    sv: 'Alla kampanjer',
  },
  'backoffice.ui.campaigns.col.name': { nb: 'Kampanje', en: 'Campaign', sv: 'Kampanj' },
  'backoffice.ui.campaigns.col.segment': {
    nb: 'Segment',
    en: 'Segment sent to',
    sv: 'Segment',
  },
  'backoffice.ui.campaigns.col.channels': { nb: 'Kanaler', en: 'Channels', sv: 'Kanaler' },
  'backoffice.ui.campaigns.col.state': { nb: 'Status', en: 'State of campaign', sv: 'Status' },
  'backoffice.ui.campaigns.state.draft': { nb: 'Utkast', en: 'Draft', sv: 'Utkast' },
  'backoffice.ui.campaigns.state.sent': {
    nb: 'Sendt {at}',
    en: 'Sent {at}',
    sv: 'Skickad {at}',
  },
  'backoffice.ui.campaigns.state.scheduled': {
    nb: 'Planlagt {at}',
    en: 'Scheduled for {at}',
    sv: 'Planerad {at}',
  },
  'backoffice.ui.campaigns.channel.sms': { nb: 'SMS', en: 'Text message', sv: 'Sms' },
  'backoffice.ui.campaigns.channel.email': { nb: 'E-post', en: 'E-mail channel', sv: 'E-post' },
  'backoffice.ui.campaigns.price.title': {
    nb: 'Pris per SMS',
    en: 'Price per text message',
    sv: 'Pris per sms',
  },
  'backoffice.ui.campaigns.price.label': {
    nb: 'Pris per SMS-del (kr)',
    en: 'Price per SMS part (kr)',
    sv: 'Pris per sms-del (kr)',
  },
  'backoffice.ui.campaigns.price.hint': {
    nb: 'Det leverandøren tar per SMS-del. Brukes til å regne ut hva en kampanje koster.',
    en: 'What the provider charges per SMS part. Used to work out what a campaign costs.',
    sv: 'Det leverantören tar per sms-del. Används för att räkna ut vad en kampanj kostar.',
  },
  'backoffice.ui.campaigns.price.save': {
    nb: 'Lagre pris',
    en: 'Save price',
    sv: 'Spara pris',
  },
  'backoffice.ui.campaigns.price.saved': {
    nb: 'Prisen er lagret.',
    en: 'The price is saved.',
    sv: 'Priset är sparat.',
  },
  'backoffice.ui.campaigns.price.invalid': {
    nb: 'Skriv en pris fra 0 til 10 kr, for eksempel 0,45.',
    en: 'Type a price from 0 to 10 kr, for example 0.45.',
    sv: 'Skriv ett pris från 0 till 10 kr, till exempel 0,45.',
  },
  'backoffice.ui.campaigns.form.name': { nb: 'Navn', en: 'Campaign name', sv: 'Namn' },
  'backoffice.ui.campaigns.form.segment': {
    nb: 'Til segment',
    en: 'To segment',
    sv: 'Till segment',
  },
  'backoffice.ui.campaigns.form.chooseSegment': {
    nb: 'Velg et segment',
    en: 'Choose a segment',
    sv: 'Välj ett segment',
  },
  'backoffice.ui.campaigns.form.noSegments': {
    nb: 'Lagre et segment først, under Segmenter eller fra topplisten i Rapporter.',
    en: 'Save a segment first, under Segments or from the top list in Reports.',
    sv: 'Spara ett segment först, under Segment eller från topplistan i Rapporter.',
  },
  'backoffice.ui.campaigns.form.offer': { nb: 'Tilbud', en: 'Offer', sv: 'Erbjudande' },
  'backoffice.ui.campaigns.offer.message': {
    nb: 'Bare melding',
    en: 'Message only',
    sv: 'Bara meddelande',
  },
  'backoffice.ui.campaigns.offer.coupon': {
    nb: 'Kupong fra kundeklubben',
    en: 'Coupon from the programme',
    sv: 'Kupong från programmet',
  },
  'backoffice.ui.campaigns.offer.couponHint': {
    nb: 'Kassene kjenner kupongen fra kundeklubbens kupongkampanjer. Medlemmene får den bare hvis kupongkampanjens eget segment tar dem med: bruk «Bruk et lagret segment» under Kundeklubben.',
    en: 'The tills know the coupon from the programme’s coupon campaigns. Members get it only when that coupon campaign’s own segment includes them: use “Use a saved segment” in the programme.',
    sv: 'Kassorna känner kupongen från programmets kupongkampanjer. Medlemmarna får den bara om kupongkampanjens eget segment tar med dem: använd ”Använd ett sparat segment” i programmet.',
  },
  'backoffice.ui.campaigns.offer.noCoupons': {
    nb: 'Kundeklubben har ingen kupongkampanjer ennå.',
    en: 'The programme has no coupon campaigns yet.',
    sv: 'Programmet har inga kupongkampanjer ännu.',
  },
  'backoffice.ui.campaigns.offer.couponsOver': {
    nb: 'Alle kupongkampanjene i kundeklubben er over før kampanjen sendes. Lag en ny under Kundeklubben, eller velg et tidligere tidspunkt.',
    en: 'Every coupon campaign of the programme is over before this campaign is sent. Make a new one under Programme, or choose an earlier time.',
    sv: 'Alla programmets kupongkampanjer är slut innan kampanjen skickas. Skapa en ny under Programmet, eller välj en tidigare tidpunkt.',
  },
  'backoffice.ui.campaigns.offer.couponName': {
    nb: '{name} ({from}–{to})',
    en: '{name} (valid {from} to {to})',
    sv: '{name} ({from}–{to})',
  },
  'backoffice.ui.campaigns.offer.bonus': {
    nb: 'Bonuspoeng i en periode',
    en: 'Bonus points for a period',
    sv: 'Bonuspoäng under en period',
  },
  'backoffice.ui.campaigns.offer.bonusName': {
    nb: '{name}: {multiplier}× poeng ({from}–{to})',
    en: '{name}: {multiplier}× points (valid {from} to {to})',
    sv: '{name}: {multiplier}× poäng ({from}–{to})',
  },
  'backoffice.ui.campaigns.offer.bonusHint': {
    nb: 'Kassene gir de ekstra poengene fra kundeklubbens bonuskampanje i hele perioden, til alle medlemmene den gjelder. Meldingen forteller medlemmene om det.',
    en: 'The tills give the extra points of the programme’s bonus campaign through its whole period, to every member it applies to. The message tells the members about it.',
    sv: 'Kassorna ger de extra poängen från programmets bonuskampanj under hela perioden, till alla medlemmar den gäller. Meddelandet berättar det för medlemmarna.',
  },
  'backoffice.ui.campaigns.offer.noBonuses': {
    nb: 'Kundeklubben har ingen bonuskampanjer ennå. Lag en under Kundeklubben, «Legg til bonuskampanje».',
    en: 'The programme has no bonus campaigns yet. Make one under Programme, “Add a bonus campaign”.',
    sv: 'Programmet har inga bonuskampanjer ännu. Skapa en under Programmet, ”Lägg till bonuskampanj”.',
  },
  'backoffice.ui.campaigns.offer.bonusesOver': {
    nb: 'Alle bonuskampanjene i kundeklubben er over før kampanjen sendes. Lag en ny under Kundeklubben, «Legg til bonuskampanje», eller velg et tidligere tidspunkt.',
    en: 'Every bonus campaign of the programme is over before this campaign is sent. Make a new one under Programme, “Add a bonus campaign”, or choose an earlier time.',
    sv: 'Alla programmets bonuskampanjer är slut innan kampanjen skickas. Skapa en ny under Programmet, ”Lägg till bonuskampanj”, eller välj en tidigare tidpunkt.',
  },
  'backoffice.ui.campaigns.offer.shown': {
    nb: 'Tilbud: {offer}',
    en: 'Offer made: {offer}',
    sv: 'Erbjudande: {offer}',
  },
  'backoffice.ui.campaigns.form.channels': {
    nb: 'Kanaler',
    en: 'Send by',
    sv: 'Kanaler',
  },
  'backoffice.ui.campaigns.form.smsText': {
    nb: 'SMS-tekst',
    en: 'Text message',
    sv: 'Sms-text',
  },
  'backoffice.ui.campaigns.form.smsParts': {
    nb: '{chars, number} tegn · {parts, plural, one {# SMS} other {# SMS-deler}} med «{optOut}» til slutt{ucs, select, yes { · spesialtegn (f.eks. emoji) gjør hver del kortere: 70 tegn} other {}}',
    en: '{chars, number} characters · {parts, plural, one {# SMS part} other {# SMS parts}} with “{optOut}” at the end{ucs, select, yes { · special characters (e.g. emoji) make each part shorter: 70 characters} other {}}',
    sv: '{chars, number} tecken · {parts, plural, one {# sms} other {# sms-delar}} med ”{optOut}” i slutet{ucs, select, yes { · specialtecken (t.ex. emoji) gör varje del kortare: 70 tecken} other {}}',
  },
  'backoffice.ui.campaigns.form.emailSubject': {
    nb: 'Emne',
    en: 'Subject line',
    sv: 'Ämne',
  },
  'backoffice.ui.campaigns.form.emailText': {
    nb: 'E-posttekst',
    en: 'E-mail text',
    sv: 'E-posttext',
  },
  'backoffice.ui.campaigns.form.emailHint': {
    nb: 'En lenke for å melde seg av legges til nederst.',
    en: 'A link to unsubscribe is added at the bottom.',
    sv: 'En länk för att avregistrera sig läggs till längst ner.',
  },
  'backoffice.ui.campaigns.form.when': { nb: 'Når', en: 'When to send', sv: 'När' },
  'backoffice.ui.campaigns.when.now': {
    nb: 'Med en gang den sendes',
    en: 'As soon as it is sent',
    sv: 'Så fort den skickas',
  },
  'backoffice.ui.campaigns.when.later': {
    nb: 'På et tidspunkt',
    en: 'At a set time',
    sv: 'Vid en tidpunkt',
  },
  'backoffice.ui.campaigns.when.quiet': {
    nb: 'Meldinger sendes ikke mellom 21 og 08; de venter til morgenen.',
    en: 'Messages are not sent between 21:00 and 08:00; they wait until morning.',
    sv: 'Meddelanden skickas inte mellan 21 och 08; de väntar till morgonen.',
  },
  'backoffice.ui.campaigns.save': {
    nb: 'Lagre utkast',
    en: 'Save draft',
    sv: 'Spara utkast',
  },
  'backoffice.ui.campaigns.reach.title': {
    nb: 'Rekkevidde og kostnad',
    en: 'Reach and cost',
    sv: 'Räckvidd och kostnad',
  },
  'backoffice.ui.campaigns.reach.members': {
    nb: '{count, plural, one {# medlem} other {# medlemmer}} i segmentet',
    en: '{count, plural, one {# member} other {# members}} in the segment',
    sv: '{count, plural, one {# medlem} other {# medlemmar}} i segmentet',
  },
  'backoffice.ui.campaigns.reach.channel': {
    nb: '{reachable, number} nås ({consenting, number} har samtykket, {capped, number} har fått {cap, number} meldinger siste 30 dager)',
    en: '{reachable, number} reached ({consenting, number} consented, {capped, number} already had {cap, number} messages in 30 days)',
    sv: '{reachable, number} nås ({consenting, number} har samtyckt, {capped, number} har fått {cap, number} meddelanden senaste 30 dagarna)',
  },
  'backoffice.ui.campaigns.reach.cost': {
    nb: 'SMS-kostnad: {total} ({parts, number} × {count, number} × {price})',
    en: 'SMS cost: {total} ({parts, number} × {count, number} × {price})',
    sv: 'Sms-kostnad: {total} ({parts, number} × {count, number} × {price})',
  },
  'backoffice.ui.campaigns.reach.pick': {
    nb: 'Velg et segment for å se hvor mange kampanjen når.',
    en: 'Choose a segment to see how many the campaign reaches.',
    sv: 'Välj ett segment för att se hur många kampanjen når.',
  },
  'backoffice.ui.campaigns.send': {
    nb: 'Send kampanjen',
    en: 'Send the campaign',
    sv: 'Skicka kampanjen',
  },
  'backoffice.ui.campaigns.schedule': {
    nb: 'Planlegg utsendelse',
    en: 'Schedule the send-out',
    sv: 'Planera utskicket',
  },
  'backoffice.ui.campaigns.scheduleQuestion': {
    nb: 'Sende til medlemmene i «{segment}» {at}? Kampanjen går da ut av seg selv; til da kan du endre den.',
    en: 'Send to the members of “{segment}” on {at}? The campaign then goes out by itself; until then you can change it.',
    sv: 'Skicka till medlemmarna i ”{segment}” {at}? Kampanjen går då ut av sig själv; till dess kan du ändra den.',
  },
  'backoffice.ui.campaigns.scheduleConfirm': {
    nb: 'Ja, planlegg',
    en: 'Yes, schedule it',
    sv: 'Ja, planera',
  },
  'backoffice.ui.campaigns.sendConfirm': {
    nb: 'Ja, send nå',
    en: 'Yes, send now',
    sv: 'Ja, skicka nu',
  },
  'backoffice.campaigns.noSmsProvider': {
    nb: 'Ingen SMS-leverandør er satt opp ennå, så kampanjen kan ikke sendes på SMS.',
    en: 'No SMS provider is set up yet, so the campaign cannot go out by SMS.',
    sv: 'Ingen sms-leverantör är inställd ännu, så kampanjen kan inte skickas som sms.',
  },
  'backoffice.campaigns.unsentSegmentGone': {
    nb: 'Kampanjen ble ikke sendt på tidspunktet: segmentet den skulle til, finnes ikke lenger. Velg et segment og et nytt tidspunkt.',
    en: 'The campaign was not sent at its time: the segment it was for no longer exists. Choose a segment and a new time.',
    sv: 'Kampanjen skickades inte vid sin tidpunkt: segmentet den skulle till finns inte längre. Välj ett segment och en ny tidpunkt.',
  },
  'backoffice.campaigns.unsentLate': {
    nb: 'Kampanjen ble ikke sendt: tidspunktet var mer enn et døgn forbi da den kunne sendes. Den er et utkast igjen; velg et nytt tidspunkt eller send nå.',
    en: 'The campaign was not sent: its time had passed by more than a day when it could go. It is a draft again; choose a new time or send it now.',
    sv: 'Kampanjen skickades inte: tidpunkten hade passerat med mer än ett dygn när den kunde skickas. Den är ett utkast igen; välj en ny tidpunkt eller skicka nu.',
  },
  'backoffice.campaigns.unsentOfferOver': {
    nb: 'Kampanjen ble ikke sendt på tidspunktet: tilbudet var over da. Den er et utkast igjen; velg et annet tilbud eller et tidligere tidspunkt.',
    en: 'The campaign was not sent at its time: its offer was over by then. It is a draft again; choose another offer or an earlier time.',
    sv: 'Kampanjen skickades inte vid sin tidpunkt: erbjudandet var slut då. Den är ett utkast igen; välj ett annat erbjudande eller en tidigare tidpunkt.',
  },
  'backoffice.campaigns.noEmailProvider': {
    nb: 'Ingen e-posttjener er satt opp ennå, så kampanjen kan ikke sendes på e-post.',
    en: 'No e-mail server is set up yet, so the campaign cannot go out by e-mail.',
    sv: 'Ingen e-postserver är inställd ännu, så kampanjen kan inte skickas med e-post.',
  },
  'backoffice.ui.campaigns.edit': {
    nb: 'Endre utkastet',
    en: 'Edit the draft',
    sv: 'Ändra utkastet',
  },
  'backoffice.ui.campaigns.delete': {
    nb: 'Slett utkastet',
    en: 'Delete the draft',
    sv: 'Radera utkastet',
  },
  'backoffice.ui.campaigns.deleteQuestion': {
    nb: 'Slette utkastet «{name}»? Det er ikke sendt.',
    en: 'Delete the draft “{name}”? It has not been sent.',
    sv: 'Radera utkastet ”{name}”? Det har inte skickats.',
  },
  'backoffice.ui.campaigns.deleteConfirm': {
    nb: 'Ja, slett utkastet',
    en: 'Yes, delete the draft',
    sv: 'Ja, radera utkastet',
  },
  'backoffice.ui.campaigns.sendCancel': { nb: 'Avbryt', en: 'Not now', sv: 'Avbryt' },
  'backoffice.ui.campaigns.sendQuestion': {
    nb: 'Sende til medlemmene i «{segment}»? Det kan ikke angres.',
    en: 'Send to the members of “{segment}”? This cannot be undone.',
    sv: 'Skicka till medlemmarna i ”{segment}”? Det går inte att ångra.',
  },
  'backoffice.ui.campaigns.sentNote': {
    nb: '{sms, number} SMS og {email, number} e-poster er lagt i kø. Samtykke og grensen sjekkes igjen når de sendes.',
    en: '{sms, number} text messages and {email, number} e-mails are queued. Consent and the limit are checked again when they go.',
    sv: '{sms, number} sms och {email, number} e-postmeddelanden är köade. Samtycke och gränsen kontrolleras igen när de skickas.',
  },
  'backoffice.ui.campaigns.results.title': { nb: 'Resultat', en: 'Results', sv: 'Resultat' },
  'backoffice.ui.campaigns.results.queued': { nb: 'I kø', en: 'Queued', sv: 'I kö' },
  'backoffice.ui.campaigns.results.sent': { nb: 'Sendt', en: 'Handed over', sv: 'Skickat' },
  'backoffice.ui.campaigns.results.delivered': { nb: 'Levert', en: 'Delivered', sv: 'Levererat' },
  'backoffice.ui.campaigns.results.failed': { nb: 'Feilet', en: 'Failed', sv: 'Misslyckades' },
  'backoffice.ui.campaigns.results.noConsent': {
    nb: 'Trakk samtykket',
    en: 'Consent withdrawn',
    sv: 'Drog tillbaka samtycket',
  },
  'backoffice.ui.campaigns.results.overCap': {
    nb: 'Over 30-dagersgrensen',
    en: 'Over the 30-day limit',
    sv: 'Över 30-dagarsgränsen',
  },
  'backoffice.ui.campaigns.results.optedOut': {
    nb: 'Meldt av',
    en: 'Opted out',
    sv: 'Avregistrerad',
  },
  'backoffice.ui.campaigns.results.noAddress': {
    nb: 'Mangler nummer eller adresse',
    en: 'No number or address',
    sv: 'Saknar nummer eller adress',
  },
  'backoffice.ui.campaigns.results.coupons': {
    nb: '{redeemed, plural, one {# kupong innløst} other {# kuponger innløst}}, salg {sales}',
    en: '{redeemed, plural, one {# coupon redeemed} other {# coupons redeemed}}, sales {sales}',
    sv: '{redeemed, plural, one {# kupong inlöst} other {# kuponger inlösta}}, försäljning {sales}',
  },
  'backoffice.ui.campaigns.results.bonus': {
    nb: 'I bonusperioden: {sales, plural, one {# kjøp} other {# kjøp}} for {amount}, {points, number} poeng opptjent',
    en: 'In the bonus period: {sales, plural, one {# sale} other {# sales}} worth {amount}, {points, number} points earned',
    sv: 'Under bonusperioden: {sales, plural, one {# köp} other {# köp}} för {amount}, {points, number} poäng intjänade',
  },
  'backoffice.ui.campaigns.ownerOnly': {
    nb: 'Bare en eier kan lage og sende kampanjer.',
    en: 'Only an owner can create and send campaigns.',
    sv: 'Bara en ägare kan skapa och skicka kampanjer.',
  },
  'backoffice.ui.campaigns.texts': { nb: 'Tekster', en: 'Texts', sv: 'Texter' },
});
