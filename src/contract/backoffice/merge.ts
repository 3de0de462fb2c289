/**
 * Merging two members who are one person (issue 14, "Members"): two tills
 * offline enrolled the same person twice, which the cloud shows as a
 * duplicate-phone conflict. The owner picks the member to keep; the other is
 * merged into it: its points, cashback, stamps, tier earnings and purchase
 * figures move to the member kept (`member.absorbed`), it keeps no phone
 * (`member.merged`), and its number and card scan to the member kept at every
 * till. A merge cannot be undone, so it is the chain's (its owners').
 */
import { z } from 'zod';
import { msg } from '../../core/i18n';
import { boCommand, returns } from './define';
import { Id } from './schemas';

export interface BoMergeMember {
  memberId: string;
  memberNumber: string;
  name: string | null;
  enrolledAt: number;
  points: number;
}

export interface BoMergeState {
  /** The member this one was merged into, if it was. */
  mergedInto: { memberId: string; memberNumber: string } | null;
  /** Members merged into this one: their numbers find it. */
  absorbed: Array<{ memberId: string; memberNumber: string }>;
  /** Live members sharing this member's phone (open duplicate-phone conflicts). */
  candidates: BoMergeMember[];
}

/** The cloud's refusals of a merge. */
export const mergeRefusals = {
  same: () => msg('backoffice.input.merge.same'),
  merged: () => msg('backoffice.input.merge.merged'),
};

/** How a merge is told in a member's history (the cloud's entries, cloud/backoffice/members.ts). */
export const mergeEntryReasons = {
  absorbed: (number: string) => msg('backoffice.merge.entryAbsorbed', { number }),
  merged: () => msg('backoffice.merge.entryMerged'),
};

export const mergeCommands = {
  /** Whether the member was merged, who was merged into it, and who may be the same person. */
  'members.mergeCandidates': boCommand({
    input: z.object({ memberId: Id() }),
    output: returns<BoMergeState>(),
    role: 'owner',
    scope: 'stores',
    access: 'read',
  }),

  /** Merges `absorbMemberId` into `keepMemberId` (cannot be undone). */
  'members.merge': boCommand({
    input: z.object({ keepMemberId: Id(), absorbMemberId: Id(), confirm: z.literal(true) }),
    output: returns<{ memberId: string; absorbedMemberId: string }>(),
    role: 'owner',
    scope: 'stores',
    access: 'write',
  }),
};
