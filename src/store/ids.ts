/** Ids and secrets made outside the pure core. */
import { randomBytes, randomFillSync } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

/** Event, member and sale ids: UUIDv7 (time-ordered, unique across tills). */
export function newEventId(): string {
  return uuidv7();
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * A member's QR token: 128 random bits as 26 upper-case base-32 characters. Upper
 * case and digits keep the QR in alphanumeric mode and survive keyboard-wedge
 * scanners on any keyboard layout; 26 characters never look like a campaign code.
 */
export function newQrToken(): string {
  const bytes = randomBytes(16);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = ((value & 0xff) << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

export const QR_TOKEN_PATTERN = /^[A-Z2-7]{26}$/;

/**
 * Random bytes for tokens, drawn from a pool the OS's CSPRNG refills 4 KiB at a
 * time (as the uuid package does for its ids): one call for 32 bytes costs about
 * 7 µs, which a card lookup (a verification each) paid every time.
 */
const POOL = Buffer.alloc(4096);
let used = POOL.length;

function poolBytes(n: number): Buffer {
  if (used + n > POOL.length) {
    randomFillSync(POOL);
    used = 0;
  }
  const out = Buffer.from(POOL.subarray(used, used + n));
  // Handed out once: the pool's copy is wiped so it cannot be read back later.
  POOL.fill(0, used, used + n);
  used += n;
  return out;
}

/** A random opaque token (sessions, verifications): 256 bits. */
export function newSecretToken(): string {
  return poolBytes(32).toString('base64url');
}
