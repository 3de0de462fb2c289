/**
 * What another system's CSV file is written in, read from its bytes: UTF-8
 * with a byte-order mark (Excel's "CSV UTF-8"), UTF-8 without one, or
 * Windows-1252 (Excel's plain "CSV" on a Norwegian Windows, where æ ø å are the
 * single bytes E6 F8 E5, which are never valid UTF-8 on their own). And which
 * separator: `;` (Norwegian Excel, where the comma is the decimal sign) or `,`.
 */

export type ImportEncoding = 'utf-8-bom' | 'utf-8' | 'windows-1252';
export type ImportDelimiter = ';' | ',';

/** Whether the bytes from `start` are well-formed UTF-8 (shortest forms, no surrogates). */
export function isUtf8(bytes: Uint8Array, start = 0): boolean {
  let i = start;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return false;
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return false;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return false;
    i += need + 1;
  }
  return true;
}

export function detectEncoding(bytes: Uint8Array): ImportEncoding {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return 'utf-8-bom';
  return isUtf8(bytes) ? 'utf-8' : 'windows-1252';
}

/**
 * The separator of the header line: the one of `;` and `,` found more often
 * outside quotes (a tie, or neither, is `;`: Norwegian Excel's).
 */
export function detectDelimiter(text: string): ImportDelimiter {
  const end = text.search(/\r?\n/);
  const header = end === -1 ? text : text.slice(0, end);
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ';') semicolons += 1;
    else if (!quoted && ch === ',') commas += 1;
  }
  return commas > semicolons ? ',' : ';';
}
