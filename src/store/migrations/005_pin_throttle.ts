/**
 * Wrong PINs are counted in the database so a restart does not clear a lock:
 * one row per member (member PIN) and per log-in client (staff PIN). Log-in
 * clients are the devices that have logged in before: a random device token,
 * kept here only as its SHA-256 (local only, never synced).
 */
export const sql = /* sql */ `
CREATE TABLE pin_throttle (
  throttle_key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  locked_until INTEGER NOT NULL
) STRICT;
CREATE TABLE login_devices (
  token_hash TEXT PRIMARY KEY,
  created_at INTEGER NOT NULL,
  last_used_at INTEGER NOT NULL
) STRICT;
`;
