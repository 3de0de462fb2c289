/**
 * Whether a member was erased is asked for every member event written (such
 * events are stored redacted). Answered from this small partial index instead
 * of reading each of the member's events to look at its type.
 */
export const sql = /* sql */ `
CREATE INDEX events_member_erased ON events (member_id) WHERE type = 'member.erased';
`;
