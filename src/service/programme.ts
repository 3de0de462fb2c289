/** The programme in force at this till, and the one a till uses before any has been saved. */
import { parseProgramme } from '../core/programme';
import type { Programme } from '../core/programme';
import { publicationInForce } from '../core/programme-in-force';
import { keptPerRevision, programmePublications } from '../store';
import type { Db } from '../store';

/** No rules at all: members can enrol and be found, nothing is earned. */
export const EMPTY_PROGRAMME: Programme = parseProgramme({ name: 'Lojal', termsVersion: '1' });

/**
 * The versions and the rules of those asked for, read and parsed once per
 * change of the configuration (see keptPerRevision): the programme is read on
 * every command.
 */
const versions = keptPerRevision((db) => ({
  publications: programmePublications(db),
  rules: new Map<string, Programme>(),
}));

/**
 * The version published to this store that has started by `now` (a planned
 * one takes over at its date without anything being pulled), or no rules while
 * none has.
 */
export function programmeInForce(db: Db, storeId: string, now: number): Programme {
  const { publications, rules } = versions(db);
  const chosen = publicationInForce(publications, { storeId, now });
  if (!chosen) return EMPTY_PROGRAMME;
  let programme = rules.get(chosen.eventId);
  if (!programme) {
    programme = chosen.programme();
    rules.set(chosen.eventId, programme);
  }
  return programme;
}
