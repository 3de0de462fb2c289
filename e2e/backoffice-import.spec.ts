/**
 * Importing members end to end, in Chromium against a real cloud of its own
 * (fresh embedded database, the built back office at /bo/): the owner uploads
 * another system's CSV (Windows-1252, `;`, CRLF, with broken rows), checks the
 * guessed mapping, runs the dry run and reads why each row is not taken (row,
 * column, reason), imports with progress, and finds an imported member on the
 * members' page; then exports the members for Excel (BOM, `;`, CRLF checked).
 * A till's member with the same phone as a row is reported, not imported.
 * Screenshots at 800×600 and 1920×1080.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { saveProgramme } from '../cloud/programme-change';
import type { RunningCloudServer } from '../cloud/server';
import { startCloudServer } from '../cloud/server';
import { memberNumberFor } from '../src/core/ean13';
import { DAY, memberEvents } from '../src/core/member/test-events';
import { programmeTemplate } from '../src/core/templates';
import { ROUTES } from '../src/sync/protocol';
import type { PairResponse } from '../src/sync/protocol';
import { expect, shoot, test } from './fixtures';
import { addOwnerAccount, logInPage } from './backoffice-accounts';
import { BACKOFFICE_BUILT, ensureBackofficeBuilt } from './builds';

const CHAIN = 'Garn Import';
const OWNER_EMAIL = 'eier@garn-import.no';
const OWNER_PASSWORD = 'strikkepinner og garn';

const OWNER = { email: OWNER_EMAIL, name: 'Kari Eier', password: OWNER_PASSWORD };

let cloud: RunningCloudServer;
let dataDir = '';

test.describe.configure({ mode: 'serial' });

async function post(path: string, body: unknown, token?: string): Promise<unknown> {
  const response = await fetch(`${cloud.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(path.startsWith('/bo/') ? { origin: cloud.url } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return response.json();
}

const FILE = iconv.encode(
  [
    'Mobil;Fornavn;Etternavn;E-post;Fødselsdato;Postnr;Kjønn;Kundenr;SMS;Samtykketidspunkt;Kilde',
    '98765432;Åse;Ødegård;ase@eksempel.no;31.01.1990;0150;K;A-1;ja;2024-03-01 12:30;Nettbutikk',
    '41234567;Bjørn;Ærø;;;;M;A-2;ja;;',
    '12;Kort;Nummer;;;;;A-3;;;',
    '92345678;Dårlig;Dato;;31.02.1990;;;A-4;;;',
    '98765432;Dobbel;Ødegård;;;;;A-5;;;',
    '91112222;Allerede;Medlem;;;;;A-6;;;',
    '"94567890;Uten;Slutt;;;;;A-7;;;',
    '95678901;Siri;Sæther;siri@eksempel.no;;;;A-8;nei;;',
  ].join('\r\n') + '\r\n',
  'win1252',
);

test.beforeAll(async () => {
  test.setTimeout(240_000);
  ensureBackofficeBuilt();
  dataDir = mkdtempSync(join(tmpdir(), 'lojal-e2e-bo-import-'));
  cloud = await startCloudServer({ port: 0, dataDir, backofficeDir: BACKOFFICE_BUILT });
  const store = await cloud.admin.addStore(CHAIN, 'Sentrum');
  await addOwnerAccount(cloud, { ...OWNER, chain: CHAIN });
  await saveProgramme(
    cloud.database,
    store.chainId,
    { programme: programmeTemplate('bakeri')!.programme, staffId: null },
    Date.now() - 60 * DAY,
  );
  const till = (await post(ROUTES.pair, {
    storeCode: store.storeCode,
    terminalName: 'Kasse 1',
  })) as PairResponse;
  const origin = { chainId: till.chainId, storeId: till.storeId, terminalId: till.terminalId };
  const existing = memberEvents('m-allerede');
  const pushed = (await post(
    ROUTES.push,
    {
      events: [
        existing.enrolled(
          Date.now() - 30 * DAY,
          { memberNumber: memberNumberFor('29', 1_000_001), phoneE164: '+4791112222' },
          origin,
        ),
      ],
    },
    till.token,
  )) as { rejected: unknown[] };
  expect(pushed.rejected).toEqual([]);
});

test.afterAll(async () => {
  await cloud?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('members are imported from another system’s CSV: mapped, dry run reported, imported, found, exported', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await logInPage(page, cloud, OWNER);

  await page.getByTestId('nav-import').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import og eksport' })).toBeVisible();
  await page.getByTestId('import-file').setInputFiles({
    name: 'gamle-medlemmer.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(FILE),
  });
  await expect(page.getByTestId('import-detected')).toContainText('8 rader · Windows-1252');
  // Guessed from the headings.
  await expect(page.getByTestId('map-phone')).toHaveValue('0');
  await expect(page.getByTestId('map-birthDate')).toHaveValue('4');
  await expect(page.getByTestId('map-consentSource')).toHaveValue('10');
  // The old member number is left out, by keyboard.
  await page.getByTestId('map-oldMemberNumber').focus();
  await page.getByTestId('map-oldMemberNumber').selectOption('');
  await shoot(page, 'backoffice-import-mapping-1920x1080');

  await page.getByTestId('import-dry-run').click();
  await expect(page.getByTestId('import-summary')).toHaveText(
    '3 medlemmer blir importert, 5 rader blir ikke tatt med, 1 uten markedsføringssamtykke.',
  );
  const refused = page.getByTestId('import-refused').locator('tbody tr');
  await expect(refused).toHaveCount(5);
  await expect(refused.nth(0)).toHaveText(/^4Mobil.*Ugyldig telefonnummer «12»/);
  await expect(refused.nth(1)).toHaveText(/^5Fødselsdato.*Ugyldig dato «31\.02\.1990»/);
  await expect(refused.nth(2)).toHaveText(/^6Mobil.*Samme telefonnummer som rad 2/);
  await expect(refused.nth(3)).toHaveText(
    new RegExp(`^7Mobil.*Allerede medlem \\(medlemsnummer ${memberNumberFor('29', 1_000_001)}\\)`),
  );
  await expect(refused.nth(4)).toHaveText(/^8hele raden.*Anførselstegn som ikke lukkes/);
  await expect(page.getByTestId('import-notes').locator('tbody tr')).toHaveText([
    /^3SMS.*Samtykke uten tidspunkt og kilde/,
  ]);
  await shoot(page, 'backoffice-import-report-1920x1080');
  await page.setViewportSize({ width: 800, height: 600 });
  // The page brought the report into view when it came; on the narrow screen, as there.
  await page.getByTestId('import-summary').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('import-summary')).toBeFocused();
  await shoot(page, 'backoffice-import-report-800x600');
  await page.setViewportSize({ width: 1920, height: 1080 });

  await page.getByTestId('import-run').click();
  await expect(page.getByTestId('import-finished')).toContainText(
    'Ferdig: 3 nye medlemmer, 5 rader ikke tatt med.',
  );
  await shoot(page, 'backoffice-import-done-1920x1080');

  await page.getByRole('link', { name: 'Se medlemmene' }).click();
  await page.getByTestId('members-q').fill('Åse');
  await page.getByTestId('members-find').click();
  await expect(page.getByTestId('member-row')).toHaveCount(1);
  await expect(page.getByTestId('member-row')).toContainText('Åse Ødegård');
  await expect(page.getByTestId('member-row')).toContainText(memberNumberFor('29', 1));

  await page.getByTestId('nav-import').click();
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-members').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^medlemmer-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').split('\r\n');
  expect(lines).toHaveLength(6);
  expect(lines[0]).toBe(
    '"Medlemsnummer";"Fornavn";"Etternavn";"Telefon";"E-post";"Fødselsdato";"Postnummer";"Kjønn";"Innmeldt";"Samtykke SMS";"Samtykke e-post"',
  );
  expect(lines.find((l) => l.includes('"Åse"'))).toContain('"Ødegård";"\'+4798765432"');
  await expect(page.getByTestId('export-done')).toContainText('4 medlemmer lastet ned');
  await page.setViewportSize({ width: 800, height: 600 });
  await shoot(page, 'backoffice-import-export-800x600');
});
