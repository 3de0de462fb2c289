/** What the cashier typed into the scan field: "12*7040…" or "3 x kaffe" is a quantity, then the item. */
export function parseEntry(typed: string): { quantity: number; text: string } {
  const multiplied = /^(\d{1,3})\s*[*xX×]\s*(\S.*)$/.exec(typed.trim());
  const quantity = multiplied ? Number(multiplied[1]) : 1;
  if (multiplied && quantity >= 1) return { quantity, text: multiplied[2]!.trim() };
  return { quantity: 1, text: typed.trim() };
}
