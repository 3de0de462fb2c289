/**
 * The till hands each device that logs in a token; sent with its next log-ins,
 * it keeps this device's wrong PINs counted apart from anyone else's, so
 * guessing elsewhere cannot lock this till out. Kept for the log-in screen and
 * the first run (a first run's log-in counts as this device's too).
 */
const DEVICE_KEY = 'lojal.loginDevice';

export function savedDeviceToken(): string | null {
  try {
    return window.localStorage.getItem(DEVICE_KEY);
  } catch {
    return null;
  }
}

export function saveDeviceToken(token: string): void {
  try {
    window.localStorage.setItem(DEVICE_KEY, token);
  } catch {
    // Storage off (private window): this device counts as a new client next time.
  }
}
