/** Every projection, fed one event at a time, and rebuilt from the log on demand. */
import type { LojalEvent, MemberEvent } from '../../core/events';
import type { Db } from '../db';
import { allEventsInOrder, memberEvents } from '../event-log';
import { foldMember, foldMemberFrom } from '../../core/member';
import { configMayHaveChanged } from '../config-revision';
import { forgetAllLedgers } from '../ledger-cache';
import { SettingKeys } from '../settings';
import { projectCatalogueSaved, projectProgrammeSaved } from './chain';
import { projectMemberEvent, writeMember } from './members';
import {
  keepAllBases,
  memberEventsAfter,
  readBase,
  rebaseErased,
  refoldOnBase,
} from './member-bases';
import { projectSaleEvent } from './sales';
import { projectEnrolment } from './day-figures';
import { clearChainStaff, projectStaffLoggedIn, projectStaffSaved } from './staff';

/** Update every projection the event touches. The event is already in the log. */
export function projectEvent(db: Db, event: LojalEvent): void {
  switch (event.type) {
    case 'programme.saved':
      projectProgrammeSaved(db, event);
      return;
    case 'catalogue.saved':
      projectCatalogueSaved(db, event);
      return;
    case 'staff.saved':
      projectStaffSaved(db, event);
      return;
    case 'staff.logged_in':
      projectStaffLoggedIn(db, event);
      return;
    default:
      if (isSaleEvent(event)) projectSaleEvent(db, event);
  }
  if (event.type === 'member.enrolled') projectEnrolment(db, event);
  if (event.memberId !== null) {
    projectMemberEvent(db, event as MemberEvent & { memberId: string });
    if (event.type === 'member.erased') rebaseErased(db, event.memberId);
  }
}

/**
 * Throw every projection away and replay the log in clock order. The result must
 * equal the incrementally maintained projections (a test holds it to that).
 */
export function rebuildProjections(db: Db): void {
  configMayHaveChanged(db);
  forgetAllLedgers(db);
  db.transaction(() => {
    // Bases that are the members' rows get their own copy before the rows go.
    keepAllBases(db);
    for (const table of [
      'members',
      'sales',
      'day_figures',
      'programme',
      'barcodes',
      'catalogue',
      'conflicts',
    ]) {
      db.prepare(`DELETE FROM ${table}`).run();
    }
    db.prepare('DELETE FROM settings WHERE key = ?').run(SettingKeys.catalogueHlc);
    // The chain's staff from the log; the demo staff (this till's own rows) stay.
    clearChainStaff(db);
    for (const event of allEventsInOrder(db)) {
      if (event.type === 'programme.saved') projectProgrammeSaved(db, event);
      else if (event.type === 'catalogue.saved') projectCatalogueSaved(db, event);
      else if (event.type === 'staff.saved') projectStaffSaved(db, event);
      else if (event.type === 'staff.logged_in') projectStaffLoggedIn(db, event);
      else if (isSaleEvent(event)) projectSaleEvent(db, event);
      else if (event.type === 'member.enrolled') projectEnrolment(db, event);
    }
    // Each member folded once from their whole log: the definition the
    // incremental projection must agree with.
    // Members kept from a base (a snapshot; events no longer in the log) refold from it.
    const memberIds = db
      .prepare(
        `SELECT member_id FROM events WHERE member_id IS NOT NULL
         UNION SELECT member_id FROM member_bases`,
      )
      .pluck()
      .all() as string[];
    for (const memberId of memberIds) {
      const onBase = refoldOnBase(db, memberId);
      if (onBase.kind === 'folded') writeMember(db, onBase.ledger);
      // Waiting for a fresh base: the best this till can do until it comes.
      if (onBase.kind === 'waits') {
        const base = readBase(db, memberId)!.ledger;
        writeMember(db, foldMemberFrom(base, memberEventsAfter(db, memberId, base.lastHlc)));
      }
      if (onBase.kind !== 'no_base') continue;
      const ledger = foldMember(memberEvents(db, memberId));
      if (ledger !== null) writeMember(db, ledger);
    }
  })();
}

function isSaleEvent(
  event: LojalEvent,
): event is Extract<LojalEvent, { type: 'sale.committed' | 'sale.voided' | 'sale.returned' }> {
  return (
    event.type === 'sale.committed' ||
    event.type === 'sale.voided' ||
    event.type === 'sale.returned'
  );
}
