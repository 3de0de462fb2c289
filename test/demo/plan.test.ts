/**
 * When `npm start` starts the demo cloud beside the till, and where: the
 * till's own data folder (as the till picks it), so the cloud's data lives
 * and goes with the demo till's. scripts/start.mjs is plain Node (it runs
 * before anything is built), so its copy of the folder rule is held to the
 * till's here.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { demoCloudPlan, tillDataDir } from '../../scripts/start.mjs';
import { defaultDataDir } from '../../src/host/settings';
import { openTillService } from '../../src/service';

const folders: string[] = [];
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'lojal-demo-plan-'));
  folders.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

it("picks the till's data folder as browser mode does, on each system", () => {
  const cases: Array<[Record<string, string | undefined>, NodeJS.Platform]> = [
    [{}, 'linux'],
    [{ XDG_DATA_HOME: '/data/xdg' }, 'linux'],
    [{ XDG_DATA_HOME: '' }, 'linux'],
    [{}, 'darwin'],
    [{ APPDATA: 'C:\\Users\\kari\\AppData\\Roaming' }, 'win32'],
    [{}, 'win32'],
  ];
  for (const [env, platform] of cases)
    expect(tillDataDir('browser', env, platform, '/home/kari')).toBe(
      defaultDataDir(env, platform, '/home/kari'),
    );
  expect(tillDataDir('browser', { LOJAL_DATA_DIR: 'here/till' }, 'linux', '/home/kari')).toBe(
    resolve('here/till'),
  );
});

it("picks Electron's own folder for the desktop app (userData: its app-data folder and the app's name)", () => {
  expect(tillDataDir('electron', {}, 'linux', '/home/kari')).toBe('/home/kari/.config/lojal');
  expect(tillDataDir('electron', { XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/kari')).toBe(
    '/cfg/lojal',
  );
  expect(tillDataDir('electron', {}, 'darwin', '/Users/kari')).toBe(
    '/Users/kari/Library/Application Support/lojal',
  );
  expect(tillDataDir('electron', { LOJAL_DATA_DIR: '/srv/till' }, 'linux', '/home/kari')).toBe(
    '/srv/till',
  );
});

it('starts the demo cloud on the full demo only, in the till folder’s cloud/', () => {
  const dir = folder();
  expect(demoCloudPlan(dir, {})).toEqual({ start: true, cloudDir: join(dir, 'cloud') });
  expect(demoCloudPlan(dir, { LOJAL_DEMO: '1' })).toMatchObject({ start: true });
  for (const env of [
    { LOJAL_DEMO: '0' },
    { LOJAL_DEMO: ' Minimal ' },
    { LOJAL_DEMO_CLOUD: '0' },
    // The environment pairs the till with a real chain's cloud.
    { LOJAL_CLOUD_URL: 'https://lojal.example.no' },
    { LOJAL_STORE_CODE: 'ABCD-2345' },
  ])
    expect(demoCloudPlan(dir, env), JSON.stringify(env)).toEqual({ start: false, why: null });
});

it('leaves a till made before without the demo cloud as it was, and says why; a demo till with its cloud gets it again', () => {
  const dir = folder();
  // A real till's database (the file the till writes), made without the demo cloud.
  openTillService({ dataDir: dir, demo: 'minimal', sync: { background: false } }).close();
  const plan = demoCloudPlan(dir, {});
  expect(plan.start).toBe(false);
  expect(!plan.start && plan.why).toContain(`the till in ${dir} was made without one`);

  const withCloud = folder();
  openTillService({ dataDir: withCloud, demo: 'minimal', sync: { background: false } }).close();
  mkdirSync(join(withCloud, 'cloud'));
  expect(demoCloudPlan(withCloud, {})).toEqual({ start: true, cloudDir: join(withCloud, 'cloud') });
});
