/**
 * The till's layout on small and portrait screens (src/ui/styles.css, issue 13):
 * the top bar's "Mer" menu (devices and languages on an 800 px screen) and the
 * two tabs that show the member or the quick keys where both do not fit.
 */
import { defineMessages } from './define';

export const uiLayoutMessages = defineMessages({
  'ui.layout.more': {
    nb: 'Mer',
    en: 'More',
    sv: 'Mer',
  },
  'ui.layout.moreLabel': {
    nb: 'Enheter og språk',
    en: 'Devices and language',
    sv: 'Enheter och språk',
  },
  'ui.layout.sideTabs': {
    nb: 'Vis medlemmet eller hurtigtastene',
    en: 'Show the member or the quick keys',
    sv: 'Visa medlemmen eller snabbknapparna',
  },
  'ui.layout.memberTab': {
    nb: 'Medlem: {name}',
    en: 'Member: {name}',
    sv: 'Medlem: {name}',
  },
});
