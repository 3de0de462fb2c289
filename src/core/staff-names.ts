/**
 * The till's log-in picks people by name, so no two active staff members may
 * share one: names compared as a person reads them (case and outer spaces aside).
 */
export function sameStaffName(a: string, b: string): boolean {
  const read = (name: string) => name.normalize('NFC').trim().toLocaleLowerCase('nb');
  return read(a) === read(b);
}
