/**
 * The back-office accounts a spec needs, made as the product makes them: the
 * owner added by the cloud's admin and accepting the invitation, a store
 * manager invited by that owner and accepting theirs, and a page signed in
 * through the login form. One copy for every back-office spec.
 */
import type { Page } from '@playwright/test';
import { addOwner } from '../cloud/accounts/admin';
import type { RunningCloudServer } from '../cloud/server';
import { BO_RPC_PREFIX } from '../src/contract/backoffice';
import { expect } from './fixtures';

export interface BoSession {
  cookie: string;
  csrf: string;
}

export interface BoAnswer {
  status: number;
  body: unknown;
  cookie: string | null;
}

/** A back-office command as a page sends it (Origin, the session's cookie and CSRF token). */
export async function boCall(
  cloud: RunningCloudServer,
  name: string,
  input: unknown,
  session: BoSession | null = null,
): Promise<BoAnswer> {
  const response = await fetch(`${cloud.url}${BO_RPC_PREFIX}${name}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: new URL(cloud.url).origin,
      ...(session ? { cookie: session.cookie, 'x-lojal-csrf': session.csrf } : {}),
    },
    body: JSON.stringify(input),
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0] ?? null;
  return { status: response.status, body: await response.json(), cookie };
}

/** The chain's owner, added by the cloud's admin, with their password set from the invitation. */
export async function addOwnerAccount(
  cloud: RunningCloudServer,
  owner: { chain: string; email: string; name: string; password: string },
): Promise<void> {
  const added = await addOwner(
    cloud.database,
    { chain: owner.chain, email: owner.email, name: owner.name },
    Date.now(),
  );
  const accepted = await boCall(cloud, 'account.acceptInvite', {
    token: added.link.token,
    password: owner.password,
  });
  expect(accepted.status).toBe(200);
}

/** A signed-in session through the RPC (no page). */
export async function boLogIn(
  cloud: RunningCloudServer,
  email: string,
  password: string,
): Promise<BoSession> {
  const login = await boCall(cloud, 'session.logIn', { email, password });
  expect(login.status).toBe(200);
  return { cookie: login.cookie!, csrf: (login.body as { csrfToken: string }).csrfToken };
}

/** A store manager of these stores, invited by the owner, with their password set. */
export async function addStoreManager(
  cloud: RunningCloudServer,
  owner: { email: string; password: string },
  manager: { email: string; name: string; password: string; storeIds: string[] },
): Promise<void> {
  const session = await boLogIn(cloud, owner.email, owner.password);
  const invited = await boCall(
    cloud,
    'account.invite',
    {
      email: manager.email,
      name: manager.name,
      role: 'store_manager',
      storeIds: manager.storeIds,
    },
    session,
  );
  expect(invited.status, JSON.stringify(invited.body)).toBe(200);
  const link = (invited.body as { link: string }).link;
  const token = new URLSearchParams(new URL(link).hash.slice(1)).get('token')!;
  const accepted = await boCall(cloud, 'account.acceptInvite', {
    token,
    password: manager.password,
  });
  expect(accepted.status).toBe(200);
}

/** Signs the page in through the login form and waits for the account's name. */
export async function logInPage(
  page: Page,
  cloud: RunningCloudServer,
  account: { email: string; password: string; name: string },
): Promise<void> {
  await page.goto(`${cloud.url}/bo/login`);
  await page.getByTestId('login-email').fill(account.email);
  await page.getByTestId('login-password').fill(account.password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('bo-who')).toContainText(account.name);
}
