/**
 * The back office's segments (src/backoffice/pages/SegmentsPage.tsx,
 * src/contract/backoffice/segments.ts, cloud/segments): what is wrong with a
 * segment sent (`backoffice.segments.*`) and the page's words
 * (`backoffice.ui.segments.*`).
 */
import { defineMessages } from './define';

export const backofficeSegmentsMessages = defineMessages({
  'backoffice.segments.nameNeeded': {
    nb: 'Gi segmentet et navn.',
    en: 'Give the segment a name.',
    sv: 'Ge segmentet ett namn.',
  },
  'backoffice.segments.nameTooLong': {
    nb: 'Navnet kan ha høyst {max, number} tegn.',
    en: 'The name can have at most {max, number} characters.',
    sv: 'Namnet får ha högst {max, number} tecken.',
  },
  'backoffice.segments.nameTaken': {
    nb: 'Et annet segment heter allerede dette. Velg et annet navn.',
    en: 'Another segment already has this name. Choose another name.',
    sv: 'Ett annat segment heter redan så. Välj ett annat namn.',
  },
  'backoffice.segments.tooManyMembers': {
    nb: 'Et segment kan nevne høyst {max, number} medlemmer ved navn.',
    en: 'A segment can name at most {max, number} members one by one.',
    sv: 'Ett segment kan nämna högst {max, number} medlemmar vid namn.',
  },
  'backoffice.segments.tooMany': {
    nb: 'Kjeden har allerede {max, number} lagrede segmenter. Slett et før du lagrer et nytt.',
    en: 'The chain already has {max, number} saved segments. Delete one before saving a new one.',
    sv: 'Kedjan har redan {max, number} sparade segment. Ta bort ett innan du sparar ett nytt.',
  },
  'backoffice.segments.notYours': {
    nb: 'Segmentet er lagret av en annen. Bare den som lagret det, eller en eier, kan endre eller slette det.',
    en: 'Someone else saved this segment. Only they, or an owner, can change or delete it.',
    sv: 'Segmentet sparades av någon annan. Bara den som sparade det, eller en ägare, kan ändra eller ta bort det.',
  },
  'backoffice.ui.nav.segments': {
    nb: 'Segmenter',
    en: 'Segments',
    sv: 'Segment',
  },
  'backoffice.ui.segments.title': {
    nb: 'Segmenter',
    en: 'Member segments',
    sv: 'Segment',
  },
  'backoffice.ui.segments.lead': {
    nb: 'Velg ut medlemmer etter alder, bosted, handlemønster og samtykke. Se hvor mange de er mens du bygger, eksporter listen og bruk segmentet i en kampanje i kundeklubben.',
    en: 'Pick out members by age, where they live, how they shop and their consents. See how many they are as you build, export the list and use the segment in a campaign of the loyalty club.',
    sv: 'Välj ut medlemmar efter ålder, bostad, köpmönster och samtycke. Se hur många de är medan du bygger, exportera listan och använd segmentet i en kampanj i kundklubben.',
  },
  'backoffice.ui.segments.new': {
    nb: 'Nytt segment',
    en: 'New segment',
    sv: 'Nytt segment',
  },
  'backoffice.ui.segments.saved': {
    nb: 'Lagrede segmenter',
    en: 'Saved segments',
    sv: 'Sparade segment',
  },
  'backoffice.ui.segments.none': {
    nb: 'Ingen segmenter er lagret ennå.',
    en: 'No segments are saved yet.',
    sv: 'Inga segment är sparade ännu.',
  },
  'backoffice.ui.segments.col.name': {
    nb: 'Navn',
    en: 'Segment name',
    sv: 'Namn',
  },
  'backoffice.ui.segments.col.by': {
    nb: 'Lagret av',
    en: 'Saved by',
    sv: 'Sparat av',
  },
  'backoffice.ui.segments.col.updated': {
    nb: 'Endret',
    en: 'Last changed',
    sv: 'Ändrat',
  },
  'backoffice.ui.segments.open': {
    nb: 'Åpne',
    en: 'Open',
    sv: 'Öppna',
  },
  'backoffice.ui.segments.delete': {
    nb: 'Slett',
    en: 'Delete',
    sv: 'Ta bort',
  },
  'backoffice.ui.segments.deleteConfirm': {
    nb: 'Slette «{name}»? Kampanjer som alt har fått en kopi av segmentet, beholder den.',
    en: 'Delete “{name}”? Campaigns that already hold a copy of the segment keep it.',
    sv: 'Ta bort ”{name}”? Kampanjer som redan har en kopia av segmentet behåller den.',
  },
  'backoffice.ui.segments.deleteYes': {
    nb: 'Ja, slett',
    en: 'Yes, delete',
    sv: 'Ja, ta bort',
  },
  'backoffice.ui.segments.cancel': {
    nb: 'Avbryt',
    en: 'Cancel',
    sv: 'Avbryt',
  },
  'backoffice.ui.segments.deleted': {
    nb: 'Segmentet er slettet.',
    en: 'The segment is deleted.',
    sv: 'Segmentet är borttaget.',
  },
  'backoffice.ui.segments.back': {
    nb: 'Alle segmenter',
    en: 'All segments',
    sv: 'Alla segment',
  },
  'backoffice.ui.segments.name': {
    nb: 'Navn på segmentet',
    en: 'Name of the segment',
    sv: 'Segmentets namn',
  },
  'backoffice.ui.segments.save': {
    nb: 'Lagre segmentet',
    en: 'Save the segment',
    sv: 'Spara segmentet',
  },
  'backoffice.ui.segments.savedOk': {
    nb: 'Segmentet «{name}» er lagret.',
    en: 'The segment “{name}” is saved.',
    sv: 'Segmentet ”{name}” är sparat.',
  },
  'backoffice.ui.segments.hiddenIds': {
    nb: '{count, plural, one {# butikk eller kunde} other {# butikker eller kunder}} i segmentet hører ikke til dine butikker, og vises som «skjult».',
    en: '{count, plural, one {# store or customer} other {# stores or customers}} in the segment are outside your stores and shown as “hidden”.',
    sv: '{count, plural, one {# butik eller kund} other {# butiker eller kunder}} i segmentet hör inte till dina butiker och visas som ”dold”.',
  },
  'backoffice.ui.segments.readOnly': {
    nb: 'Segmentet er lagret av {name}. Du kan bruke og eksportere det, men bare den som lagret det eller en eier kan endre det.',
    en: '{name} saved this segment. You can use and export it, but only they or an owner can change it.',
    sv: 'Segmentet sparades av {name}. Du kan använda och exportera det, men bara den som sparade det eller en ägare kan ändra det.',
  },
  'backoffice.ui.segments.count': {
    nb: '{count, plural, one {# medlem} other {# medlemmer}}',
    en: '{count, plural, one {# member} other {# members}}',
    sv: '{count, plural, one {# medlem} other {# medlemmar}}',
  },
  'backoffice.ui.segments.counting': {
    nb: 'Teller …',
    en: 'Counting …',
    sv: 'Räknar …',
  },
  'backoffice.ui.segments.countLabel': {
    nb: 'Medlemmer i segmentet nå',
    en: 'Members in the segment now',
    sv: 'Medlemmar i segmentet nu',
  },
  'backoffice.ui.segments.everyone': {
    nb: 'Uten vilkår er alle medlemmer med.',
    en: 'Without conditions every member is included.',
    sv: 'Utan villkor är alla medlemmar med.',
  },
  'backoffice.ui.segments.groupsHint': {
    nb: 'Medlemmene må oppfylle hver gruppe. Inne i en gruppe velger du om alle vilkårene eller minst ett av dem må stemme.',
    en: 'Members must meet every group. Within a group you choose whether all conditions or at least one of them must hold.',
    sv: 'Medlemmarna måste uppfylla varje grupp. Inom en grupp väljer du om alla villkor eller minst ett av dem ska stämma.',
  },
  'backoffice.ui.segments.group': {
    nb: 'Gruppe {n, number}',
    en: 'Group {n, number}',
    sv: 'Grupp {n, number}',
  },
  'backoffice.ui.segments.mode': {
    nb: 'Medlemmet må oppfylle',
    en: 'The member must meet',
    sv: 'Medlemmen ska uppfylla',
  },
  'backoffice.ui.segments.mode.all': {
    nb: 'Alle vilkårene',
    en: 'All the conditions',
    sv: 'Alla villkor',
  },
  'backoffice.ui.segments.mode.any': {
    nb: 'Minst ett av vilkårene',
    en: 'At least one of the conditions',
    sv: 'Minst ett av villkoren',
  },
  'backoffice.ui.segments.addGroup': {
    nb: 'Legg til gruppe',
    en: 'Add a group',
    sv: 'Lägg till grupp',
  },
  'backoffice.ui.segments.removeGroup': {
    nb: 'Fjern gruppen',
    en: 'Remove the group',
    sv: 'Ta bort gruppen',
  },
  'backoffice.ui.segments.addCriterion': {
    nb: 'Legg til vilkår',
    en: 'Add a condition',
    sv: 'Lägg till villkor',
  },
  'backoffice.ui.segments.chooseCriterion': {
    nb: 'Velg vilkår',
    en: 'Choose a condition',
    sv: 'Välj villkor',
  },
  'backoffice.ui.segments.removeCriterion': {
    nb: 'Fjern vilkåret',
    en: 'Remove the condition',
    sv: 'Ta bort villkoret',
  },
  'backoffice.ui.segments.emptyGroup': {
    nb: 'Gruppen har ingen vilkår ennå.',
    en: 'The group has no conditions yet.',
    sv: 'Gruppen har inga villkor ännu.',
  },
  'backoffice.ui.segments.area.demography': {
    nb: 'Demografi',
    en: 'Demography',
    sv: 'Demografi',
  },
  'backoffice.ui.segments.area.geography': {
    nb: 'Geografi',
    en: 'Geography',
    sv: 'Geografi',
  },
  'backoffice.ui.segments.area.behaviour': {
    nb: 'Handlemønster',
    en: 'Shopping behaviour',
    sv: 'Köpmönster',
  },
  'backoffice.ui.segments.area.consent': {
    nb: 'Samtykke',
    en: 'Consent',
    sv: 'Samtycke',
  },
  'backoffice.ui.segments.kind.age': {
    nb: 'Alder',
    en: 'Age',
    sv: 'Ålder',
  },
  'backoffice.ui.segments.kind.gender': {
    nb: 'Kjønn',
    en: 'Gender',
    sv: 'Kön',
  },
  'backoffice.ui.segments.kind.postalRange': {
    nb: 'Postnummer fra–til',
    en: 'Postal codes from–to',
    sv: 'Postnummer från–till',
  },
  'backoffice.ui.segments.kind.postalPrefix': {
    nb: 'Postnummer som begynner med',
    en: 'Postal codes starting with',
    sv: 'Postnummer som börjar med',
  },
  'backoffice.ui.segments.kind.tier': {
    nb: 'Nivå i bonusstigen',
    en: 'Tier in the bonus ladder',
    sv: 'Nivå i bonustrappan',
  },
  'backoffice.ui.segments.kind.status': {
    nb: 'Status',
    en: 'Member status',
    sv: 'Status',
  },
  'backoffice.ui.segments.kind.visits': {
    nb: 'Antall kjøp i en periode',
    en: 'Number of purchases in a period',
    sv: 'Antal köp under en period',
  },
  'backoffice.ui.segments.kind.spend': {
    nb: 'Handlet for i en periode',
    en: 'Spend in a period',
    sv: 'Handlat för under en period',
  },
  'backoffice.ui.segments.kind.recency': {
    nb: 'Dager siden siste kjøp',
    en: 'Days since the last purchase',
    sv: 'Dagar sedan senaste köp',
  },
  'backoffice.ui.segments.kind.categories': {
    nb: 'Har kjøpt i kategori',
    en: 'Has bought in a category',
    sv: 'Har köpt i kategori',
  },
  'backoffice.ui.segments.kind.homeStores': {
    nb: 'Innmeldt i butikk',
    en: 'Enrolled in store',
    sv: 'Inskriven i butik',
  },
  'backoffice.ui.segments.kind.memberIds': {
    nb: 'Utvalgte medlemmer',
    en: 'Chosen members',
    sv: 'Utvalda medlemmar',
  },
  'backoffice.ui.segments.kind.consents': {
    nb: 'Har samtykket til',
    en: 'Has consented to',
    sv: 'Har samtyckt till',
  },
  'backoffice.ui.segments.ageFrom': {
    nb: 'Fra alder (år)',
    en: 'From age (years)',
    sv: 'Från ålder (år)',
  },
  'backoffice.ui.segments.ageTo': {
    nb: 'Til og med alder (år)',
    en: 'Up to and including age (years)',
    sv: 'Till och med ålder (år)',
  },
  'backoffice.ui.segments.female': {
    nb: 'Kvinne',
    en: 'Woman',
    sv: 'Kvinna',
  },
  'backoffice.ui.segments.male': {
    nb: 'Mann',
    en: 'Man',
    sv: 'Man',
  },
  'backoffice.ui.segments.other': {
    nb: 'Annet',
    en: 'Other gender',
    sv: 'Annat',
  },
  'backoffice.ui.segments.from': {
    nb: 'Fra',
    en: 'From',
    sv: 'Från',
  },
  'backoffice.ui.segments.to': {
    nb: 'Til og med',
    en: 'Up to and including',
    sv: 'Till och med',
  },
  'backoffice.ui.segments.addRange': {
    nb: 'Legg til postnummerområde',
    en: 'Add a postal code range',
    sv: 'Lägg till postnummerområde',
  },
  'backoffice.ui.segments.removeRange': {
    nb: 'Fjern området',
    en: 'Remove the range',
    sv: 'Ta bort området',
  },
  'backoffice.ui.segments.prefixes': {
    nb: 'Begynner med (skill med komma)',
    en: 'Starts with (separate with commas)',
    sv: 'Börjar med (skilj med kommatecken)',
  },
  'backoffice.ui.segments.noTiers': {
    nb: 'Kundeklubben har ingen bonusstige.',
    en: 'The loyalty club has no bonus ladder.',
    sv: 'Kundklubben har ingen bonustrappa.',
  },
  'backoffice.ui.segments.status.new': {
    nb: 'Ny',
    en: 'New member',
    sv: 'Ny',
  },
  'backoffice.ui.segments.status.active': {
    nb: 'Aktiv',
    en: 'Active member',
    sv: 'Aktiv',
  },
  'backoffice.ui.segments.status.lapsing': {
    nb: 'På vei bort',
    en: 'Lapsing member',
    sv: 'På väg bort',
  },
  'backoffice.ui.segments.status.lost': {
    nb: 'Tapt',
    en: 'Lost member',
    sv: 'Förlorad',
  },
  'backoffice.ui.segments.days': {
    nb: 'Siste antall dager',
    en: 'The last number of days',
    sv: 'Senaste antal dagar',
  },
  'backoffice.ui.segments.atLeast': {
    nb: 'Minst',
    en: 'At least',
    sv: 'Minst',
  },
  'backoffice.ui.segments.atMost': {
    nb: 'Høyst',
    en: 'At most',
    sv: 'Högst',
  },
  'backoffice.ui.segments.atLeastKr': {
    nb: 'Minst (kr)',
    en: 'At least (NOK)',
    sv: 'Minst (kr)',
  },
  'backoffice.ui.segments.atMostKr': {
    nb: 'Høyst (kr)',
    en: 'At most (NOK)',
    sv: 'Högst (kr)',
  },
  'backoffice.ui.segments.noCategories': {
    nb: 'Varelisten har ingen kategorier ennå.',
    en: 'The product list has no categories yet.',
    sv: 'Varulistan har inga kategorier ännu.',
  },
  'backoffice.ui.segments.memberCount': {
    nb: '{count, plural, one {# medlem valgt} other {# medlemmer valgt}} (fra en rapport eller en liste)',
    en: '{count, plural, one {# member chosen} other {# members chosen}} (from a report or a list)',
    sv: '{count, plural, one {# medlem vald} other {# medlemmar valda}} (från en rapport eller en lista)',
  },
  'backoffice.ui.segments.sms': {
    nb: 'SMS',
    en: 'Text messages (SMS)',
    sv: 'Sms',
  },
  'backoffice.ui.segments.email': {
    nb: 'E-post',
    en: 'E-mail messages',
    sv: 'E-post',
  },
  'backoffice.ui.segments.members': {
    nb: 'Medlemmene',
    en: 'The members',
    sv: 'Medlemmarna',
  },
  'backoffice.ui.segments.showMembers': {
    nb: 'Vis medlemmene',
    en: 'Show the members',
    sv: 'Visa medlemmarna',
  },
  'backoffice.ui.segments.masked': {
    nb: 'Telefon og e-post vises bare for kunder av dine butikker.',
    en: 'Phone and e-mail are shown only for customers of your stores.',
    sv: 'Telefon och e-post visas bara för kunder i dina butiker.',
  },
  'backoffice.ui.segments.export': {
    nb: 'Eksporter til Excel (CSV)',
    en: 'Export to Excel (CSV)',
    sv: 'Exportera till Excel (CSV)',
  },
  'backoffice.ui.segments.exported': {
    nb: '{rows, plural, one {# medlem} other {# medlemmer}} er lastet ned som {file}.',
    en: '{rows, plural, one {# member is} other {# members are}} downloaded as {file}.',
    sv: '{rows, plural, one {# medlem} other {# medlemmar}} har laddats ner som {file}.',
  },
  'backoffice.ui.segments.truncated': {
    nb: 'Bare de første {max, number} medlemmene kom med i filen.',
    en: 'Only the first {max, number} members went into the file.',
    sv: 'Bara de första {max, number} medlemmarna kom med i filen.',
  },
  'backoffice.ui.segments.col.member': {
    nb: 'Medlem',
    en: 'Member',
    sv: 'Medlem',
  },
  'backoffice.ui.segments.col.number': {
    nb: 'Medlemsnr.',
    en: 'Member no.',
    sv: 'Medlemsnr.',
  },
  'backoffice.ui.segments.col.phone': {
    nb: 'Telefon',
    en: 'Phone number',
    sv: 'Telefon',
  },
  'backoffice.ui.segments.col.email': {
    nb: 'E-post',
    en: 'E-mail address',
    sv: 'E-post',
  },
  'backoffice.ui.segments.col.postal': {
    nb: 'Postnr.',
    en: 'Postal code',
    sv: 'Postnr.',
  },
  'backoffice.ui.segments.col.status': {
    nb: 'Status',
    en: 'Status now',
    sv: 'Status',
  },
  'backoffice.ui.segments.col.spend': {
    nb: 'Handlet for',
    en: 'Total spend',
    sv: 'Handlat för',
  },
  'backoffice.ui.segments.col.last': {
    nb: 'Siste kjøp',
    en: 'Last purchase on',
    sv: 'Senaste köp',
  },
  'backoffice.ui.segments.prev': {
    nb: 'Forrige side',
    en: 'Previous page of members',
    sv: 'Föregående sida',
  },
  'backoffice.ui.segments.next': {
    nb: 'Neste side',
    en: 'Next page of members',
    sv: 'Nästa sida',
  },
  'backoffice.ui.segments.page': {
    nb: 'Side {page, number}',
    en: 'Page {page, number} of members',
    sv: 'Sida {page, number}',
  },
  'backoffice.ui.segments.unnamed': {
    nb: '(uten navn)',
    en: '(no name given)',
    sv: '(utan namn)',
  },
  'backoffice.ui.segments.useSaved': {
    nb: 'Bruk et lagret segment',
    en: 'Use a saved segment',
    sv: 'Använd ett sparat segment',
  },
  'backoffice.ui.segments.useSavedHint': {
    nb: 'Vilkårene kopieres inn i kampanjen, så kassene kan avgjøre dem uten nett. Endres segmentet senere, må du velge det på nytt her.',
    en: 'The conditions are copied into the campaign, so the tills can decide them without a connection. If the segment changes later, choose it again here.',
    sv: 'Villkoren kopieras in i kampanjen, så kassorna kan avgöra dem utan nät. Ändras segmentet senare måste du välja det igen här.',
  },
  'backoffice.ui.segments.useSavedNone': {
    nb: 'Velg segment …',
    en: 'Choose a segment …',
    sv: 'Välj segment …',
  },
  'backoffice.ui.segments.copied': {
    nb: 'Vilkårene fra «{name}» er kopiert inn.',
    en: 'The conditions of “{name}” are copied in.',
    sv: 'Villkoren från ”{name}” är inkopierade.',
  },
  'backoffice.ui.segments.moreCriteria': {
    nb: 'Segmentet har også vilkår som ikke vises her (fra et lagret segment). De gjelder like fullt.',
    en: 'The segment also holds conditions not shown here (from a saved segment). They apply all the same.',
    sv: 'Segmentet har också villkor som inte visas här (från ett sparat segment). De gäller ändå.',
  },
});
