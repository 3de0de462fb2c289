/** The programme in force, and the one a till uses before any has been saved. */
import { parseProgramme } from '../core/programme';
import type { Programme } from '../core/programme';
import { currentProgramme, programmeRevision } from '../store';
import type { Db } from '../store';

/** No rules at all: members can enrol and be found, nothing is earned. */
export const EMPTY_PROGRAMME: Programme = parseProgramme({ name: 'Lojal', termsVersion: '1' });

const parsed = new WeakMap<Db, { revision: number; programme: Programme }>();

/**
 * Read on every command, so it is read and parsed once per change of the
 * programme row (see programmeRevision), not queried for each command.
 */
export function programmeInForce(db: Db): Programme {
  const revision = programmeRevision(db);
  const cached = parsed.get(db);
  if (cached?.revision === revision) return cached.programme;
  const programme = currentProgramme(db)?.programme ?? EMPTY_PROGRAMME;
  parsed.set(db, { revision, programme });
  return programme;
}
