/**
 * Merging two members who are one person (src/backoffice/pages/MemberMerge.tsx,
 * the commands of src/contract/backoffice/merge.ts).
 */
import { defineMessages } from './define';

export const backofficeMergeMessages = defineMessages({
  'backoffice.input.merge.same': {
    nb: 'Et medlem kan ikke slås sammen med seg selv.',
    en: 'A member cannot be merged with themselves.',
    sv: 'En medlem kan inte slås ihop med sig själv.',
  },
  'backoffice.input.merge.merged': {
    nb: 'Dette medlemmet er allerede slått sammen med et annet.',
    en: 'This member has already been merged with another.',
    sv: 'Den här medlemmen är redan ihopslagen med en annan.',
  },
  'backoffice.merge.entryAbsorbed': {
    nb: 'Medlem {number} ble slått sammen med dette medlemmet.',
    en: 'Member {number} was merged into this member.',
    sv: 'Medlem {number} slogs ihop med den här medlemmen.',
  },
  'backoffice.merge.entryMerged': {
    nb: 'Slått sammen med et annet medlem, som fikk poengene.',
    en: 'Merged into another member, who received the points.',
    sv: 'Ihopslagen med en annan medlem, som fick poängen.',
  },
  'member.historyMergedIn': {
    nb: 'Slått sammen med medlem {number}',
    en: 'Merged with member {number}',
    sv: 'Ihopslagen med medlem {number}',
  },
  'member.historyMergedAway': {
    nb: 'Slått sammen med et annet medlem, som fikk poengene',
    en: 'Merged into another member, who received the points',
    sv: 'Ihopslagen med en annan medlem, som fick poängen',
  },
  'backoffice.ui.merge.title': {
    nb: 'Mulig duplikat',
    en: 'Possible duplicate',
    sv: 'Möjlig dubblett',
  },
  'backoffice.ui.merge.candidate': {
    nb: 'Mulig duplikat: medlem {number}{name, select, none {} other { ({name})}}, innmeldt {enrolled}, {points, plural, one {# poeng} other {# poeng}}.',
    en: 'Possible duplicate: member {number}{name, select, none {} other { ({name})}}, joined {enrolled}, {points, plural, one {# point} other {# points}}.',
    sv: 'Möjlig dubblett: medlem {number}{name, select, none {} other { ({name})}}, medlem sedan {enrolled}, {points, plural, one {# poäng} other {# poäng}}.',
  },
  'backoffice.ui.merge.action': {
    nb: 'Slå sammen',
    en: 'Merge',
    sv: 'Slå ihop',
  },
  'backoffice.ui.merge.confirmTitle': {
    nb: 'Slå sammen to medlemmer?',
    en: 'Merge two members?',
    sv: 'Slå ihop två medlemmar?',
  },
  'backoffice.ui.merge.confirmText': {
    nb: 'Medlem {other} slås sammen med dette medlemmet ({kept}). Poeng, bonus, klippekort og kjøp flyttes hit, og det gamle kortet og medlemsnummeret gir dette medlemmet i kassen. Dette kan ikke angres.',
    en: 'Member {other} is merged into this member ({kept}). Points, cashback, punch cards and purchases move here, and the old card and member number find this member at the till. This cannot be undone.',
    sv: 'Medlem {other} slås ihop med den här medlemmen ({kept}). Poäng, bonus, stämpelkort och köp flyttas hit, och det gamla kortet och medlemsnumret ger den här medlemmen i kassan. Det går inte att ångra.',
  },
  'backoffice.ui.merge.confirm': {
    nb: 'Ja, slå sammen',
    en: 'Yes, merge them',
    sv: 'Ja, slå ihop',
  },
  'backoffice.ui.merge.cancel': {
    nb: 'Avbryt',
    en: 'Cancel',
    sv: 'Avbryt',
  },
  'backoffice.ui.merge.done': {
    nb: 'Medlemmene er slått sammen.',
    en: 'The members have been merged.',
    sv: 'Medlemmarna har slagits ihop.',
  },
  'backoffice.ui.merge.mergedInto': {
    nb: 'Dette medlemmet er slått sammen med medlem {number}.',
    en: 'This member has been merged into member {number}.',
    sv: 'Den här medlemmen har slagits ihop med medlem {number}.',
  },
  'backoffice.ui.merge.open': {
    nb: 'Åpne medlem {number}',
    en: 'Open member {number}',
    sv: 'Öppna medlem {number}',
  },
  'backoffice.ui.merge.absorbed': {
    nb: 'Sammenslått med: {numbers}',
    en: 'Merged with: {numbers}',
    sv: 'Ihopslagen med: {numbers}',
  },
});
