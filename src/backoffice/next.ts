/**
 * Where the log-in goes after (`/bo/login?next=…`): a page of the back office
 * itself, never another site (`//evil.example`, `/\evil.example`) and never a
 * page made for before a session; anything else goes to the stores.
 */
const BEFORE_A_SESSION = ['/', '/login', '/forgot-password', '/set-password'];

export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\'))
    return '/stores';
  if ([...next].some((ch) => ch.charCodeAt(0) < 0x20)) return '/stores';
  const path = next.split(/[?#]/)[0]!;
  if (BEFORE_A_SESSION.includes(path)) return '/stores';
  return next;
}
