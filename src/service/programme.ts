/** The programme in force, and the one a till uses before any has been saved. */
import { parseProgramme } from '../core/programme';
import type { Programme } from '../core/programme';
import { currentProgramme, keptPerRevision } from '../store';
import type { Db } from '../store';

/** No rules at all: members can enrol and be found, nothing is earned. */
export const EMPTY_PROGRAMME: Programme = parseProgramme({ name: 'Lojal', termsVersion: '1' });

/**
 * Read on every command, so it is read and parsed once per change of the
 * configuration (see keptPerRevision), not queried for each command.
 */
export const programmeInForce: (db: Db) => Programme = keptPerRevision(
  (db) => currentProgramme(db)?.programme ?? EMPTY_PROGRAMME,
);
