/** What the cashier typed into the scan field: "12*7040…" or "3 x kaffe" is a quantity, then the item. */
export function parseEntry(typed: string): { quantity: number; text: string } {
  const multiplied = /^(\d{1,3})\s*[*xX×]\s*(\S.*)$/.exec(typed.trim());
  const quantity = multiplied ? Number(multiplied[1]) : 1;
  if (multiplied && quantity >= 1) return { quantity, text: multiplied[2]!.trim() };
  return { quantity: 1, text: typed.trim() };
}

/**
 * A birth date as Norwegians write it ("17.05.1990", "17051990") or as ISO;
 * answered as YYYY-MM-DD, or as typed when it is neither (the service says why).
 */
export function birthDateToIso(typed: string): string {
  const text = typed.trim();
  const nordic =
    /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(text) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(text);
  if (!nordic) return text;
  const [, day, month, year] = nordic;
  return `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
}
