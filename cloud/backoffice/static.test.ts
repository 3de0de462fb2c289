/**
 * The back office's page as the cloud serves it: index.html for every page of
 * the app (a bookmarked /bo/butikker opens it), hashed assets cached for good,
 * a missing file 404 in the error shape, the API's path POST only, and a
 * clear 503 when the page is not built.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningCloudServer } from '../server';
import { startCloudServer } from '../server';
import { freshPgliteDir, tempDir } from '../test/databases';

const INDEX = '<!doctype html><title>Lojal backoffice</title><div id="root"></div>';

describe('the back office’s page', () => {
  let server: RunningCloudServer;
  let unbuilt: RunningCloudServer;
  const dirs: string[] = [];

  beforeAll(async () => {
    const page = tempDir('bo-page');
    dirs.push(page);
    mkdirSync(join(page, 'assets'));
    writeFileSync(join(page, 'index.html'), INDEX);
    writeFileSync(join(page, 'assets', 'index-Abc123.js'), 'console.log("bo")');
    writeFileSync(join(page, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const data = await freshPgliteDir();
    const data2 = await freshPgliteDir();
    dirs.push(data, data2);
    server = await startCloudServer({ port: 0, dataDir: data, backofficeDir: page });
    unbuilt = await startCloudServer({
      port: 0,
      dataDir: data2,
      backofficeDir: join(page, 'none'),
    });
  });
  afterAll(async () => {
    await server?.close();
    await unbuilt?.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('answers the app for each of its pages, with its policy and never cached', async () => {
    for (const path of ['/bo/', '/bo/login', '/bo/butikker', '/bo/set-password', '/bo/a/b/c']) {
      const response = await fetch(server.url + path);
      expect(response.status, path).toBe(200);
      expect(await response.text()).toBe(INDEX);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    }
    const bare = await fetch(`${server.url}/bo`, { redirect: 'manual' });
    expect(bare.status).toBe(308);
    expect(bare.headers.get('location')).toBe('/bo/');
  });

  it('serves hashed assets for a year, other files unhashed, and a missing one as 404', async () => {
    const asset = await fetch(`${server.url}/bo/assets/index-Abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    const icon = await fetch(`${server.url}/bo/favicon.svg`);
    expect(icon.headers.get('cache-control')).toBe('no-cache');
    const missing = await fetch(`${server.url}/bo/assets/nothing-here.js`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('not_found');
    // A path climbing out of the build is refused, in the error shape, with nothing of the file.
    const outside = await fetch(`${server.url}/bo/..%2f..%2fpackage.json`);
    expect(outside.status).toBe(400);
    const refused = await outside.text();
    expect(JSON.parse(refused)).toMatchObject({ error: { code: 'bad_request' } });
    expect(refused).not.toContain('"devDependencies"');
  });

  it('takes the API only by POST, and says when the page is not built', async () => {
    const get = await fetch(`${server.url}/bo/rpc/session.get`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    const page = await fetch(`${unbuilt.url}/bo/`);
    expect(page.status).toBe(503);
    const body = (await page.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('unavailable');
    expect(body.error.message).toContain('npm run build:backoffice');
    // The API is there all the same.
    const api = await fetch(`${unbuilt.url}/bo/rpc/session.get`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: unbuilt.url },
      body: '{}',
    });
    expect(api.status).toBe(401);
  });
});
