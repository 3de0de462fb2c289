/**
 * An EAN-13 code as its 95 modules (true = a dark bar), for drawing a member
 * card on a screen (the member's page): start guard, six left digits in the
 * A/B sets the first digit chooses, centre guard, six right digits in set C,
 * end guard. Pure; the caller draws the bars.
 */
import { isValidEan13 } from './ean13';

const SET_A = [
  '0001101',
  '0011001',
  '0010011',
  '0111101',
  '0100011',
  '0110001',
  '0101111',
  '0111011',
  '0110111',
  '0001011',
];
/** Set C is set A inverted; set B is set C reversed. */
const SET_C = SET_A.map((bits) => [...bits].map((b) => (b === '1' ? '0' : '1')).join(''));
const SET_B = SET_C.map((bits) => [...bits].reverse().join(''));
/** Which of the left digits use set B, by the first digit. */
const PARITY = [
  'AAAAAA',
  'AABABB',
  'AABBAB',
  'AABBBA',
  'ABAABB',
  'ABBAAB',
  'ABBBAA',
  'ABABAB',
  'ABABBA',
  'ABBABA',
];

export function ean13Modules(code: string): boolean[] {
  if (!isValidEan13(code)) throw new RangeError('not a valid EAN-13 code');
  const digits = [...code].map(Number);
  const parity = PARITY[digits[0]!]!;
  let bits = '101';
  for (let i = 1; i <= 6; i++) bits += (parity[i - 1] === 'A' ? SET_A : SET_B)[digits[i]!];
  bits += '01010';
  for (let i = 7; i <= 12; i++) bits += SET_C[digits[i]!];
  bits += '101';
  return [...bits].map((b) => b === '1');
}

/** Module indexes of the guard bars, which are drawn longer (below the digits). */
export function isGuardModule(index: number): boolean {
  return index < 3 || (index >= 45 && index < 50) || index >= 92;
}
