/** The programme in force, and the one a till uses before any has been saved. */
import { parseProgramme } from '../core/programme';
import type { Programme } from '../core/programme';
import { currentProgramme, programmeHlc } from '../store';
import type { Db } from '../store';

/** No rules at all: members can enrol and be found, nothing is earned. */
export const EMPTY_PROGRAMME: Programme = parseProgramme({ name: 'Lojal', termsVersion: '1' });

const parsed = new WeakMap<Db, { hlc: string; programme: Programme }>();

/** Read on every command, so it is parsed once per save (keyed by the save's clock). */
export function programmeInForce(db: Db): Programme {
  const hlc = programmeHlc(db);
  if (hlc === null) return EMPTY_PROGRAMME;
  const cached = parsed.get(db);
  if (cached?.hlc === hlc) return cached.programme;
  const programme = currentProgramme(db)?.programme ?? EMPTY_PROGRAMME;
  parsed.set(db, { hlc, programme });
  return programme;
}
