/**
 * Back-office accounts against the real database (PGlite, and PostgreSQL when
 * one answers): the first owner and its one-time link, passwords, log-in and
 * its throttle, sessions and their ends, password reset. The clock is passed
 * in, so expiry and locks are tested without waiting.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../db/database';
import { openDatabase } from '../db/open';
import { DATABASE_TARGETS, describeOn } from '../test/databases';
import type { DatabaseInstance } from '../test/databases';
import { accountById, createAccount, EmailTakenError, UnknownStoreError } from './accounts';
import { addOwner, resetLinkFor, setPassword } from './admin';
import { LinkInvalidError, LINK_VALID_MS, linkUrl, peekLink, redeemLink } from './links';
import { LoginGate } from './login';
import type { LoginOutcome } from './login';
import { DEFAULT_PASSWORD_COST, hashPassword, verifyPassword } from './passwords';
import {
  csrfTokenMatches,
  csrfTokenOf,
  endSession,
  liveSession,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
} from './sessions';
import { THROTTLE, throttleKey, throttleState } from './throttle';

/** A lower scrypt cost for the many hashes here; the default's own test is below. */
const COST = { N: 2 ** 12, r: 8, p: 1 };
const T0 = Date.UTC(2026, 4, 4, 9, 0, 0);
const PASSWORD = 'rug og rosiner 2026';

let counter = 0;
const uniqueEmail = (who = 'eier') => `${who}.${++counter}.${Date.now()}@Bakeri.NO`;

it('hashes a password with scrypt at OWASP’s cost (N 2^17, r 8, p 1), a salt of its own each time', async () => {
  const a = await hashPassword('correct horse battery');
  const b = await hashPassword('correct horse battery');
  expect(a).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
  expect(DEFAULT_PASSWORD_COST).toEqual({ N: 131072, r: 8, p: 1 });
  expect(a).not.toBe(b);
  expect(await verifyPassword('correct horse battery', a)).toBe(true);
  expect(await verifyPassword('correct horse batterY', a)).toBe(false);
  // A stored hash cannot make the server work at a cost of its choosing, nor pass without a hash.
  expect(
    await verifyPassword('x', 'scrypt$4194304$8$1$AAAAAAAAAAAAAAAAAAAAAA$' + 'A'.repeat(43)),
  ).toBe(false);
  expect(await verifyPassword('x', 'plain')).toBe(false);
});

for (const target of DATABASE_TARGETS) {
  describeOn(target, 'back-office accounts', () => {
    let instance: DatabaseInstance | null = null;
    let db: Database;
    let gate: LoginGate;

    beforeAll(async () => {
      instance = await target.create();
      db = await openDatabase(instance.location);
      // Many wrong passwords from one test address here; the per-address bucket has its own test.
      gate = new LoginGate(db, {
        passwordCost: COST,
        perClientAddress: { capacity: 1000, refillPerSecond: 1 },
      });
    });
    afterAll(async () => {
      await db?.close();
      await instance?.drop();
    });

    const logIn = (email: string, password: string, now: number, clientAddress = '10.0.0.1') =>
      gate.logIn({ email, password, clientAddress }, now);

    async function ownerWithPassword(chain = `Bakeri ${++counter}`) {
      const email = uniqueEmail();
      const added = await addOwner(db, { chain, email, name: 'Kari Eier' }, T0);
      await redeemLink(db, added.link.token, PASSWORD, T0, COST);
      return { ...added, email };
    }

    it('add-owner makes the chain, an owner without a password, and a link that sets it once', async () => {
      const email = uniqueEmail();
      const added = await addOwner(
        db,
        { chain: `Bakeri ny ${counter}`, email: `  ${email} `, name: ' Kari Eier ' },
        T0,
      );
      expect(added.chainCreated).toBe(true);
      expect(added.account).toMatchObject({
        email: email.toLowerCase(),
        name: 'Kari Eier',
        role: 'owner',
        storeIds: [],
        hasPassword: false,
        disabled: false,
      });
      expect(added.link.expiresAt).toBe(T0 + LINK_VALID_MS.invite);
      expect(added.link.token).toMatch(/^lojal_l_[A-Za-z0-9_-]{43}$/);
      // The token rides in the fragment, which browsers never send to a server.
      const url = new URL(linkUrl('https://lojal.example.no', 'invite', added.link.token));
      expect(url.pathname).toBe('/bo/set-password');
      expect(url.search).toBe('');
      expect(new URLSearchParams(url.hash.slice(1)).get('token')).toBe(added.link.token);

      // No password yet: no log-in, whatever is typed.
      expect(await logIn(email, '', T0)).toEqual({ ok: false, reason: 'failed' });
      expect((await peekLink(db, added.link.token, T0)).account.accountId).toBe(
        added.account.accountId,
      );
      const used = await redeemLink(db, added.link.token, PASSWORD, T0 + 1000, COST);
      expect(used.purpose).toBe('invite');
      await expect(
        redeemLink(db, added.link.token, 'another password!', T0 + 2000, COST),
      ).rejects.toThrow(LinkInvalidError);
      const stored = await db.query<{ password_hash: string }>(
        'SELECT password_hash FROM accounts WHERE id = $1',
        [added.account.accountId],
      );
      expect(stored[0]!.password_hash).not.toContain(PASSWORD);
      expect(await verifyPassword(PASSWORD, stored[0]!.password_hash)).toBe(true);

      const inUpperCase = await logIn(email.toUpperCase(), PASSWORD, T0 + 3000);
      expect(inUpperCase.ok).toBe(true);
      // The address is taken now, in any case.
      await expect(
        addOwner(db, { chain: 'Et annet bakeri', email: email.toUpperCase(), name: 'Ola' }, T0),
      ).rejects.toThrow(EmailTakenError);
    });

    it('a link works within its time only, and a newer link ends the older one', async () => {
      const chain = `Bakeri lenker ${++counter}`;
      const email = uniqueEmail();
      const first = await addOwner(db, { chain, email, name: 'Kari' }, T0);
      await expect(
        redeemLink(db, first.link.token, PASSWORD, T0 + LINK_VALID_MS.invite, COST),
      ).rejects.toThrow(LinkInvalidError);
      // Asked again before the password is set: the same account, a new link, the old one dead.
      const again = await addOwner(db, { chain, email, name: 'Kari Nordmann' }, T0 + 10);
      expect(again.account.accountId).toBe(first.account.accountId);
      expect(again.account.name).toBe('Kari Nordmann');
      expect(again.chainCreated).toBe(false);
      await expect(redeemLink(db, first.link.token, PASSWORD, T0 + 20, COST)).rejects.toThrow(
        LinkInvalidError,
      );
      await expect(peekLink(db, 'lojal_l_' + 'x'.repeat(43), T0)).rejects.toThrow(LinkInvalidError);
      await redeemLink(db, again.link.token, PASSWORD, T0 + 30, COST);
      expect((await logIn(email, PASSWORD, T0 + 40)).ok).toBe(true);
    });

    it('refuses what the form would: a bad address, an empty name, a short password', async () => {
      await expect(
        addOwner(db, { chain: 'X', email: 'ikke-en-adresse', name: 'A' }, T0),
      ).rejects.toThrow(/--email: Type a valid e-mail address/);
      await expect(
        addOwner(db, { chain: 'X', email: uniqueEmail(), name: '  ' }, T0),
      ).rejects.toThrow(/--name: Type the name/);
      const added = await addOwner(
        db,
        { chain: `Bakeri kort ${counter}`, email: uniqueEmail(), name: 'A' },
        T0,
      );
      await expect(setPassword(db, added.account.accountId, 'kort', T0, COST)).rejects.toThrow(
        /at least 12 characters/,
      );
    });

    it('a store manager manages stores of the account’s own chain only', async () => {
      const owner = await ownerWithPassword();
      const other = await ownerWithPassword();
      const ownStore = await db.query<{ id: string }>(
        `INSERT INTO stores (id, chain_id, name, code, created_at) VALUES ($1, $2, 'Sentrum', $3, $4) RETURNING id`,
        [`store-${counter}-a`, owner.account.chainId, `CODEA${counter}`.slice(0, 8), T0],
      );
      const foreign = await db.query<{ id: string }>(
        `INSERT INTO stores (id, chain_id, name, code, created_at) VALUES ($1, $2, 'Torget', $3, $4) RETURNING id`,
        [`store-${counter}-b`, other.account.chainId, `CODEB${counter}`.slice(0, 8), T0],
      );
      const input = {
        chainId: owner.account.chainId,
        email: uniqueEmail('butikksjef'),
        name: 'Per Butikk',
        role: 'store_manager' as const,
        invitedBy: owner.account.accountId,
      };
      await expect(
        db.transaction((tx) => createAccount(tx, { ...input, storeIds: [foreign[0]!.id] }, T0)),
      ).rejects.toThrow(UnknownStoreError);
      const id = await db.transaction((tx) =>
        createAccount(tx, { ...input, storeIds: [ownStore[0]!.id, ownStore[0]!.id] }, T0),
      );
      expect(await accountById(db, id)).toMatchObject({
        role: 'store_manager',
        storeIds: [ownStore[0]!.id],
        chainId: owner.account.chainId,
      });
    });

    it('a wrong password, an unknown address and no password all fail alike, and count alike', async () => {
      const owner = await ownerWithPassword();
      const unknown = uniqueEmail('ingen');
      const outcomes: LoginOutcome[] = [];
      for (const email of [owner.email, unknown]) {
        for (let i = 1; i <= THROTTLE.freeFailures; i++) {
          outcomes.push(await logIn(email, 'feil passord', T0 + i, `10.1.${counter}.${i}`));
        }
        // The sixth try is throttled, the right password too (the known address) — 30 s from the fifth.
        const sixth = await logIn(email, PASSWORD, T0 + 10_005, `10.2.${counter}.1`);
        expect(sixth).toEqual({ ok: false, reason: 'throttled', retryAfterSeconds: 20 });
      }
      expect(new Set(outcomes.map((o) => JSON.stringify(o)))).toEqual(
        new Set([JSON.stringify({ ok: false, reason: 'failed' })]),
      );
      // After the lock, the right password gets in and clears the count.
      const later = T0 + THROTTLE.freeFailures + THROTTLE.firstLockMs;
      expect((await logIn(owner.email, PASSWORD, later)).ok).toBe(true);
      expect((await logIn(owner.email, 'feil', later + 1)).ok).toBe(false);
      expect((await logIn(owner.email, PASSWORD, later + 2)).ok).toBe(true);
    });

    it('each wrong password after the fifth doubles the lock, up to 15 minutes; an hour forgets', async () => {
      const owner = await ownerWithPassword();
      const key = throttleKey(owner.email.toLowerCase());
      let now = T0;
      const locks: number[] = [];
      for (let n = 1; n <= 11; n++) {
        expect(await logIn(owner.email, 'feil', now)).toEqual({ ok: false, reason: 'failed' });
        const state = await throttleState(db, key, now);
        locks.push(state.locked ? state.retryAfterSeconds : 0);
        now += (state.locked ? state.retryAfterSeconds * 1000 : 0) + 1;
      }
      expect(locks).toEqual([0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900]);
      // An hour after the last wrong password, the count starts again: four more are free.
      now += THROTTLE.forgetAfterMs;
      for (let i = 1; i < THROTTLE.freeFailures; i++)
        expect(await logIn(owner.email, 'feil', now + i)).toEqual({ ok: false, reason: 'failed' });
      expect((await throttleState(db, key, now + 10)).locked).toBe(false);
      expect((await logIn(owner.email, PASSWORD, now + 10)).ok).toBe(true);
    });

    it('throttles one client address trying many addresses, and no other client', async () => {
      const narrow = new LoginGate(db, {
        passwordCost: COST,
        perClientAddress: { capacity: 3, refillPerSecond: 0.001 },
      });
      const owner = await ownerWithPassword();
      for (let i = 0; i < 3; i++) {
        const outcome = await narrow.logIn(
          { email: uniqueEmail('gjett'), password: 'feil', clientAddress: '192.0.2.9' },
          T0,
        );
        expect(outcome).toEqual({ ok: false, reason: 'failed' });
      }
      const refused = await narrow.logIn(
        { email: owner.email, password: PASSWORD, clientAddress: '192.0.2.9' },
        T0,
      );
      expect(refused).toMatchObject({ ok: false, reason: 'throttled' });
      const elsewhere = await narrow.logIn(
        { email: owner.email, password: PASSWORD, clientAddress: '192.0.2.10' },
        T0,
      );
      expect(elsewhere.ok).toBe(true);
    });

    it('a session lives an hour unused and twelve hours at most; log-out and disabling end it', async () => {
      const owner = await ownerWithPassword();
      const started = await logIn(owner.email, PASSWORD, T0);
      if (!started.ok) throw new Error('no log-in');
      const { sessionId, csrfToken } = started.session;
      expect(sessionId).toMatch(/^[A-Za-z0-9_-]{43}$/);
      // Kept hashed: the table does not hold the id the browser holds.
      const rows = await db.query<{ id_sha256: string }>(
        'SELECT id_sha256 FROM account_sessions WHERE account_id = $1',
        [owner.account.accountId],
      );
      expect(rows.map((r) => r.id_sha256)).not.toContain(sessionId);
      expect(csrfToken).toBe(csrfTokenOf(sessionId));
      expect(csrfTokenMatches(sessionId, csrfToken)).toBe(true);
      expect(csrfTokenMatches(sessionId, csrfToken.slice(1))).toBe(false);
      expect(csrfTokenMatches(sessionId, undefined)).toBe(false);

      // Used every 50 minutes it lives on, until twelve hours after it began.
      let now = T0;
      while (now + 50 * 60_000 < T0 + SESSION_ABSOLUTE_MS) {
        now += 50 * 60_000;
        expect(
          await liveSession(db, sessionId, now),
          `at ${(now - T0) / 60_000} min`,
        ).not.toBeNull();
      }
      expect(await liveSession(db, sessionId, T0 + SESSION_ABSOLUTE_MS)).toBeNull();

      const idle = await logIn(owner.email, PASSWORD, T0);
      if (!idle.ok) throw new Error('no log-in');
      expect(
        await liveSession(db, idle.session.sessionId, T0 + SESSION_IDLE_MS - 1),
      ).not.toBeNull();
      const afterIdle = T0 + 2 * SESSION_IDLE_MS - 1;
      expect(await liveSession(db, idle.session.sessionId, afterIdle)).toBeNull();
      // Ended is ended: it does not come back.
      expect(await liveSession(db, idle.session.sessionId, T0 + SESSION_IDLE_MS)).toBeNull();

      const out = await logIn(owner.email, PASSWORD, T0);
      if (!out.ok) throw new Error('no log-in');
      await endSession(db, out.session.sessionId, T0 + 1);
      expect(await liveSession(db, out.session.sessionId, T0 + 2)).toBeNull();

      const kept = await logIn(owner.email, PASSWORD, T0);
      if (!kept.ok) throw new Error('no log-in');
      await db.query('UPDATE accounts SET disabled_at = $2 WHERE id = $1', [
        owner.account.accountId,
        T0 + 5,
      ]);
      expect(await liveSession(db, kept.session.sessionId, T0 + 6)).toBeNull();
      // A disabled account's right password is told so; a wrong one fails as ever.
      expect(await logIn(owner.email, PASSWORD, T0 + 7)).toEqual({ ok: false, reason: 'disabled' });
      expect(await logIn(owner.email, 'feil', T0 + 8)).toEqual({ ok: false, reason: 'failed' });
    });

    it('a reset link sets a new password once and ends every session; the old password stops', async () => {
      const owner = await ownerWithPassword();
      const before = await logIn(owner.email, PASSWORD, T0);
      if (!before.ok) throw new Error('no log-in');
      await expect(resetLinkFor(db, uniqueEmail('ingen'), T0)).rejects.toThrow(RangeError);
      const { link } = await resetLinkFor(db, owner.email.toUpperCase(), T0 + 1);
      expect(link.expiresAt).toBe(T0 + 1 + LINK_VALID_MS.reset);
      // The old password works until the link is used.
      expect((await logIn(owner.email, PASSWORD, T0 + 2)).ok).toBe(true);
      const used = await redeemLink(db, link.token, 'et helt nytt passord', T0 + 3, COST);
      expect(used.purpose).toBe('reset');
      expect(await liveSession(db, before.session.sessionId, T0 + 4)).toBeNull();
      expect(await logIn(owner.email, PASSWORD, T0 + 5)).toEqual({ ok: false, reason: 'failed' });
      expect((await logIn(owner.email, 'et helt nytt passord', T0 + 6)).ok).toBe(true);
      await expect(
        redeemLink(db, link.token, 'enda et nytt passord', T0 + 7, COST),
      ).rejects.toThrow(LinkInvalidError);
    });
  });
}
