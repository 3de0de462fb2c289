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
});
