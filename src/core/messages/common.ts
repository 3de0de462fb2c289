/** Messages shared by every layer (fallbacks, generic answers). */
import { defineMessages } from './define';

export const commonMessages = defineMessages({
  'common.unexpected': {
    nb: 'Noe gikk galt i kassen. Prøv igjen; hjelper ikke det, start kassen på nytt.',
    en: 'something went wrong in the till; try again, and restart the till if that does not help',
    sv: 'Något gick fel i kassan. Försök igen; hjälper det inte, starta om kassan.',
  },
});
