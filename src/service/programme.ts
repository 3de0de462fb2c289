/** The programme in force, and the one a till uses before any has been saved. */
import { parseProgramme } from '../core/programme';
import type { Programme } from '../core/programme';
import { currentProgramme } from '../store';
import type { Db } from '../store';

/** No rules at all: members can enrol and be found, nothing is earned. */
export const EMPTY_PROGRAMME: Programme = parseProgramme({ name: 'Lojal', termsVersion: '1' });

export function programmeInForce(db: Db): Programme {
  return currentProgramme(db)?.programme ?? EMPTY_PROGRAMME;
}
