/**
 * Every sale writes a page of each B-tree it touches, and the commit waits for
 * all of them to reach the disk. Two of them served rare reads only:
 * `events_type_hlc` indexed every event by type for counting programme saves
 * (now a partial index of those saves alone), and `sales_member` indexed every
 * member sale for a member's data export (which now finds them through the
 * member's events, on `events_member_hlc`).
 */
export const sql = /* sql */ `
DROP INDEX events_type_hlc;
CREATE INDEX events_programme_hlc ON events (hlc) WHERE type = 'programme.saved';
DROP INDEX sales_member;
`;
