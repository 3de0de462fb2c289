/**
 * The member's own page (issue 17 point 4), end to end with real parts: the
 * cloud on loopback, a till host paired to it with a network receipt printer
 * (a TCP listener on 127.0.0.1), and Chromium at a phone's size. A member
 * found by phone number alone gets no page link on the receipt; one whose
 * card is scanned gets it fetched in the background, and their receipt (not
 * its copy) carries it as a QR ("Se poengene dine"); the page shows stamps,
 * points and coupons; its card's QR and barcode, decoded by @zxing in the
 * browser, attach the member when scanned at the till; turning SMS off on
 * the page reaches the till; the back office's "Lag ny lenke" and "Trekk
 * tilbake" leave the old links opening nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type * as ZXingLib from '@zxing/library';
import { saveProgramme } from '../cloud/programme-change';
import type { RunningCloudServer } from '../cloud/server';
import { startCloudServer } from '../cloud/server';
import { programmeTemplate } from '../src/core/templates';
import type { CommandOutputs, MemberDetail } from '../src/service/commands';
import { startTcpPrinter } from '../native/printer/testing/tcp-printer';
import type { TcpPrinter } from '../native/printer/testing/tcp-printer';
import { decodeEscPos } from '../test/helpers/escpos-decoder';
import {
  CASHIER_PIN,
  MANAGER_PIN,
  apiCall,
  completeSale,
  expect,
  findMemberByPhone,
  logIn,
  paper,
  rpcAs,
  shoot,
  tapQuickKey,
  test,
  uniquePhone,
} from './fixtures';
import { addOwnerAccount, logInPage } from './backoffice-accounts';
import { BACKOFFICE_BUILT, ensureBackofficeBuilt } from './builds';
import { startTillHost } from './host';
import type { TillHost } from './host';

const CHAIN = 'Bakeri Medlemsside';
const ZXING = createRequire(import.meta.url).resolve('@zxing/library/umd/index.min.js');

let dataDir = '';
let cloud: RunningCloudServer;
let printer: TcpPrinter;
let till: TillHost;
let chainId = '';
let shared = { memberId: '', link: '' };
const OWNER = {
  chain: CHAIN,
  email: 'eier@medlemsside.no',
  name: 'Eva Eier',
  password: 'surdeig hver morgen',
};

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dataDir = mkdtempSync(join(tmpdir(), 'lojal-e2e-member-page-'));
  ensureBackofficeBuilt();
  cloud = await startCloudServer({ port: 0, dataDir, backofficeDir: BACKOFFICE_BUILT });
  const store = await cloud.admin.addStore(CHAIN, 'Sentrum');
  chainId = store.chainId;
  await addOwnerAccount(cloud, OWNER);
  await saveProgramme(
    cloud.database,
    chainId,
    {
      programme: { ...programmeTemplate('bakeri')!.programme, name: 'Bakeri Medlemsside' },
      staffId: null,
    },
    Date.now(),
  );
  printer = await startTcpPrinter();
  till = await startTillHost({
    LOJAL_CLOUD_URL: cloud.url,
    LOJAL_STORE_CODE: store.storeCode,
    LOJAL_TERMINAL_NAME: 'Kasse 1',
    LOJAL_PRINTER: printer.address,
  });
});

test.afterAll(async () => {
  await till?.stop();
  await printer?.close();
  await cloud?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** A scanner's keys over DevTools: each character stamped `gapMs` after the last, then Enter. */
async function scanText(page: Page, text: string, gapMs = 4): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const keys = [...text].map((c) => {
    const upper = /[A-Z_]/.test(c);
    if (/[A-Za-z]/.test(c))
      return { key: c, code: `Key${c.toUpperCase()}`, vk: c.toUpperCase().charCodeAt(0), upper };
    if (/\d/.test(c)) return { key: c, code: `Digit${c}`, vk: c.charCodeAt(0), upper };
    return { key: c, code: 'Minus', vk: 189, upper };
  });
  const end = Date.now() / 1000;
  const all = [...keys, { key: 'Enter', code: 'Enter', vk: 13, upper: false }];
  await Promise.all(
    all.flatMap((k, i) => {
      const timestamp = end - ((all.length - 1 - i) * gapMs) / 1000;
      const text = k.key === 'Enter' ? '\r' : k.key;
      const common = {
        key: k.key,
        code: k.code,
        windowsVirtualKeyCode: k.vk,
        modifiers: k.upper ? 8 : 0,
        timestamp,
      };
      return [
        cdp.send('Input.dispatchKeyEvent', {
          type: 'keyDown',
          ...common,
          text,
          unmodifiedText: text,
        }),
        cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...common }),
      ];
    }),
  );
  await cdp.detach();
}

/**
 * The card's codes as a camera would see them: each SVG drawn to a canvas and
 * decoded by @zxing. Drawn at a few sizes and binarised two ways, as a camera
 * tries frame after frame: at a size that is no whole multiple of the code's
 * modules, the smoothed edges can make the detector misjudge a QR code's
 * version (a random token gives another code each run).
 */
async function decodeCard(page: Page): Promise<{ qr: string; barcode: string }> {
  await page.addScriptTag({ path: ZXING });
  return page.evaluate(async () => {
    const Z = (window as unknown as { ZXing: typeof ZXingLib }).ZXing;
    const decode = async (
      testId: string,
      reader: { decode(b: unknown): { getText(): string } },
    ) => {
      const svg = document.querySelector(`[data-testid="${testId}"]`) as SVGSVGElement;
      const box = svg.getBoundingClientRect();
      const image = new Image();
      image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
      await image.decode();
      let failure: unknown = null;
      for (const scale of [2, 3, 4, 1.5]) {
        const canvas = document.createElement('canvas');
        canvas.width = Math.round(box.width * scale);
        canvas.height = Math.round(box.height * scale);
        const g = canvas.getContext('2d')!;
        g.fillStyle = '#fff';
        g.fillRect(0, 0, canvas.width, canvas.height);
        g.drawImage(image, 0, 0, canvas.width, canvas.height);
        const { data } = g.getImageData(0, 0, canvas.width, canvas.height);
        const luminance = new Uint8ClampedArray(canvas.width * canvas.height);
        for (let i = 0; i < luminance.length; i++)
          luminance[i] = (data[i * 4]! + data[i * 4 + 1]! + data[i * 4 + 2]!) / 3;
        const source = new Z.RGBLuminanceSource(luminance, canvas.width, canvas.height);
        for (const binarizer of [
          new Z.HybridBinarizer(source),
          new Z.GlobalHistogramBinarizer(source),
        ]) {
          try {
            return reader.decode(new Z.BinaryBitmap(binarizer)).getText();
          } catch (error) {
            failure = error;
          }
        }
      }
      throw failure;
    };
    const oneD = new Z.MultiFormatReader();
    oneD.setHints(new Map([[Z.DecodeHintType.POSSIBLE_FORMATS, [Z.BarcodeFormat.EAN_13]]]));
    return {
      qr: await decode('card-qr', new Z.QRCodeReader()),
      barcode: await decode('card-barcode', oneD),
    };
  });
}

test('the member’s page: from the receipt’s QR to the phone, the card scanned at the till, consent to every till', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const call = await rpcAs(request, CASHIER_PIN, till.url);
  // The till has the chain's programme (the welcome coupon, points, punch cards).
  await expect
    .poll(async () => {
      await call('sync.now', {});
      return ((await call('programme.get', {})).body as { name: string }).name;
    })
    .toBe('Bakeri Medlemsside');

  // The bakery's catalogue, saved at this till as a manager does.
  const manager = await rpcAs(request, MANAGER_PIN, till.url);
  const catalogue = programmeTemplate('bakeri')!.catalogue;
  expect((await manager('catalogue.save', { products: catalogue })).status).toBe(200);

  const phone = uniquePhone();
  const enrolled = await apiCall<{ member: MemberDetail }>(
    request,
    'POST',
    '/members',
    {
      phone,
      acceptTerms: true,
      consents: { sms: true, email: false },
      profile: { firstName: 'Kari' },
    },
    till,
  );
  expect(enrolled.status).toBe(201);
  const { memberId, memberNumber } = enrolled.body.member;
  // The cloud has her once the till has pushed.
  await expect
    .poll(async () => {
      await call('sync.now', {});
      return (await cloud.database.query('SELECT 1 FROM members WHERE member_id = $1', [memberId]))
        .length;
    })
    .toBe(1);

  const qrsOn = (job: Buffer) =>
    decodeEscPos(job)
      .items.filter((item) => item.kind === 'qr')
      .map((item) => item.data);
  const pageLinkOn = (job: Buffer) =>
    qrsOn(job).find((data) => data.startsWith(`${cloud.publicUrl}/m/`));

  // 1. A coffee for someone who only says Kari's phone number: anyone may know it,
  // so her receipt carries no link to her page (it opens her data and consents).
  await logIn(page, CASHIER_PIN, till.url);
  await tapQuickKey(page, 'kaffe-liten');
  await findMemberByPhone(page, phone);
  await expect(page.getByTestId('member-name')).toHaveText('Kari');
  await completeSale(page);
  const [byPhone] = await printer.waitForJobs(1);
  expect(pageLinkOn(byPhone!), JSON.stringify(qrsOn(byPhone!))).toBeUndefined();
  expect(paper(byPhone!)).not.toContain('Se poengene dine');
  await page.getByTestId('next-customer').click();

  // 2. A coffee for Kari with her card scanned: her link is fetched meanwhile and printed.
  await tapQuickKey(page, 'kaffe-liten');
  await scanText(page, memberNumber);
  await expect(page.getByTestId('member-name')).toHaveText('Kari');
  // The till asked the cloud in the background (the sale does not wait for it).
  await expect
    .poll(
      async () =>
        (
          await cloud.database.query(
            'SELECT 1 FROM member_page_tokens WHERE member_id = $1 AND revoked_at IS NULL',
            [memberId],
          )
        ).length,
    )
    .toBe(1);
  await completeSale(page);
  const [, job] = await printer.waitForJobs(2);
  const link = pageLinkOn(job!);
  expect(link, `QR codes on the receipt: ${JSON.stringify(qrsOn(job!))}`).toMatch(
    /\/m\/[A-Za-z0-9_-]{43}$/,
  );
  expect(paper(job!)).toContain('Se poengene dine');
  await page.getByTestId('next-customer').click();

  // Its copy does not carry the link: a reprint proves nobody is at the counter.
  const [latest] = (await call('sale.recent', { limit: 1 })).body as Array<{ saleId: string }>;
  expect((await call('sale.reprint', { saleId: latest!.saleId })).status).toBe(200);
  const [, , copy] = await printer.waitForJobs(3);
  expect(paper(copy!)).toContain('KOPI');
  expect(pageLinkOn(copy!)).toBeUndefined();

  // 3. The page on a phone: her card, stamps, points and coupons.
  const phonePage = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const opened = await phonePage.goto(link!);
  expect(opened?.status()).toBe(200);
  await expect(phonePage.getByRole('heading', { level: 1 })).toHaveText('Hei Kari');
  await expect(phonePage.getByTestId('member-number')).toHaveText(memberNumber);
  const coffee = phonePage.getByTestId('punch-card').filter({ hasText: 'Kaffe' });
  await expect(coffee.getByTestId('stamps')).toHaveText('2 av 9 klipp');
  const member = (await call('member.get', { memberId })).body as CommandOutputs['member.get'];
  expect(member.points.balance).toBeGreaterThan(0);
  await expect(phonePage.getByTestId('points')).toContainText(
    `${member.points.balance} poeng å bruke`,
  );
  await expect(phonePage.getByTestId('coupon')).toContainText(['Velkomstkupong']);
  // Nothing wider than the phone.
  expect(await phonePage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    390,
  );
  await shoot(phonePage, 'member-page-390x844');
  await shoot(phonePage, 'member-page-390x844-full', { fullPage: true });

  // 4. Its codes read by @zxing in the browser: the till's own member QR and the member number.
  const codes = await decodeCard(phonePage);
  expect(codes.barcode).toBe(memberNumber);
  expect(codes.qr).toMatch(/^LJM-[A-Za-z0-9_-]+$/);

  // 5. The QR scanned at the till attaches Kari.
  await expect(page.getByTestId('member-name')).toHaveCount(0);
  await scanText(page, codes.qr);
  await expect(page.getByTestId('member-name')).toHaveText('Kari');

  // 6. SMS off on the page: saved at once, and the till sees it after a pull.
  const sms = phonePage.getByTestId('consent-sms');
  await expect(sms).toHaveAttribute('data-granted', 'true');
  await sms.getByRole('button', { name: 'Nei takk, ikke send flere' }).click();
  await expect(phonePage.getByTestId('notice')).toHaveText('Valget ditt er lagret.');
  await expect(phonePage.getByTestId('consent-sms')).toHaveAttribute('data-granted', 'false');
  await expect
    .poll(async () => {
      await call('sync.now', {});
      return ((await call('member.get', { memberId })).body as CommandOutputs['member.get'])
        .consents.sms;
    })
    .toBe(false);

  // 7. In English, at a small till screen's size too.
  await phonePage.getByRole('link', { name: 'English' }).click();
  await expect(phonePage.getByTestId('coupon')).toContainText(['Welcome coupon']);
  await phonePage.setViewportSize({ width: 800, height: 600 });
  await shoot(phonePage, 'member-page-800x600-en');

  // 8. Her data as a download.
  const [download] = await Promise.all([
    phonePage.waitForEvent('download'),
    phonePage.getByTestId('export').click(),
  ]);
  const saved = join(dataDir, 'export.json');
  await download.saveAs(saved);
  const { readFileSync } = await import('node:fs');
  const exported = JSON.parse(readFileSync(saved, 'utf8')) as { data: { memberNumber: string } };
  expect(exported.data.memberNumber).toBe(memberNumber);

  await phonePage.close();
  await shoot(page, 'member-page-till-attached');
  shared = { memberId, link: link! };
});

test('the back office makes a new link and withdraws it: the old ones open nothing', async ({
  page,
}) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await logInPage(page, cloud, OWNER);
  await page.goto(`${cloud.url}/bo/members/${encodeURIComponent(shared.memberId)}?tab=pin`);
  const card = page.getByTestId('page-link');
  await expect(card.getByTestId('page-link-url')).toHaveText(shared.link);
  await card.getByTestId('page-link-renew').click();
  await expect(card.getByTestId('page-link-notice')).toHaveText(
    'Ny lenke laget. Den gamle virker ikke lenger.',
  );
  const renewed = await card.getByTestId('page-link-url').innerText();
  expect(renewed).not.toBe(shared.link);
  await card.scrollIntoViewIfNeeded();
  await shoot(page, 'member-page-backoffice-800x600');
  const old = await fetch(shared.link);
  expect(old.status).toBe(404);
  expect(await old.text()).toContain('Lenken er ikke lenger gyldig');
  expect((await fetch(renewed)).status).toBe(200);

  await card.getByTestId('page-link-revoke').click();
  await expect(card.getByTestId('page-link-none')).toHaveText('Medlemmet har ingen lenke nå.');
  expect((await fetch(renewed)).status).toBe(404);
  const phonePage = await page.context().newPage();
  await phonePage.setViewportSize({ width: 390, height: 844 });
  const gone = await phonePage.goto(renewed);
  expect(gone?.status()).toBe(404);
  await expect(phonePage.getByRole('heading', { level: 1 })).toHaveText(
    'Lenken er ikke lenger gyldig',
  );
  await shoot(phonePage, 'member-page-revoked-390x844');
  await phonePage.close();
});
