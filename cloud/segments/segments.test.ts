/**
 * Segments in the back office against a real cloud (PGlite and PostgreSQL):
 * the count of a rule, a page of its members (an owner sees every phone and
 * e-mail, a store manager only their own store's customers', others masked),
 * the CSV export's bytes, saved segments (a store manager changes only their
 * own; names unique in a chain) and bad input refused with its field.
 */
import { beforeAll, expect, it } from 'vitest';
import type { BoSegmentMember } from '../../src/contract/backoffice/segments';
import { HIDDEN_SEGMENT_ID } from '../../src/contract/backoffice/segments';
import { memberNumberFor } from '../../src/core/ean13';
import { DAY, memberEvents, saleLine } from '../../src/core/member/test-events';
import { parseProgramme } from '../../src/core/programme';
import { dayNumber, localDateOf } from '../../src/core/time';
import { saveProgramme } from '../programme-change';
import { describeBackoffice, errorOf } from '../test/backoffice';
import type { BoBrowser } from '../test/backoffice';

const NOW = Date.now();

describeBackoffice('segments in the back office', (cloud) => {
  let owner: BoBrowser;
  let manager: BoBrowser;
  let otherOwner: BoBrowser;
  let sentrumId: string;
  let torgetId: string;

  beforeAll(async () => {
    const made = await cloud().chainWithOwner(['Sentrum', 'Torget']);
    owner = made.owner;
    sentrumId = made.stores[0]!.storeId;
    torgetId = made.stores[1]!.storeId;
    await saveProgramme(
      cloud().server.database,
      made.chainId,
      {
        programme: parseProgramme({
          name: 'Bakeriet',
          termsVersion: 'v1',
          timeZone: 'Europe/Oslo',
        }),
        staffId: null,
      },
      NOW - 40 * DAY,
    );
    const sentrum = await cloud().pair(made.stores[0]!.storeCode, 'Kasse S');
    const torget = await cloud().pair(made.stores[1]!.storeCode, 'Kasse T');
    const enrol = (id: string, n: number, first: string, last: string, postal: string) =>
      memberEvents(id).enrolled(
        NOW - 100 * DAY,
        {
          memberNumber: memberNumberFor('29', n),
          qrToken: `qr-${id}-token`,
          phoneE164: `+47912345${String(n).padStart(2, '0')}`,
          profile: {
            firstName: first,
            lastName: last,
            email: `${id}@example.no`,
            birthDate: '1980-01-01',
            postalCode: postal,
            gender: 'female',
          },
          consents: { sms: true, email: n % 2 === 0 },
        },
        n <= 2 ? sentrum.origin : torget.origin,
      );
    const aase = memberEvents('m-aase');
    expect(
      (
        await sentrum.push([
          enrol('m-aase', 1, 'Åse', 'Ødegård; "Bakern"', '0150'),
          enrol('m-bjorn', 2, 'Bjørn', 'Æbelø', '5003'),
          aase.sale(NOW - 5 * DAY, {
            ...sentrum.origin,
            lines: [
              saleLine({
                category: 'Brød',
                unitPriceOre: 12_350,
                listOre: 12_350,
                paidOre: 12_350,
              }),
            ],
          }),
        ])
      ).rejected,
    ).toEqual([]);
    expect(
      (await torget.push([enrol('m-cecilie', 3, 'Cecilie', 'Torvik', '0180')])).rejected,
    ).toEqual([]);
    manager = (await cloud().storeManager(owner, [sentrumId], 'Per Sentrum')).browser;
    otherOwner = (await cloud().chainWithOwner(['Annet'])).owner;
  });

  const oslo = { postalCodeRanges: [{ from: '0001', to: '1299' }] };

  it('counts a rule as the manager edits it, and lists its members by member number', async () => {
    expect((await owner.ok('segment.count', { rule: {} })).count).toBe(3);
    expect((await owner.ok('segment.count', { rule: oslo })).count).toBe(2);
    expect(
      (await owner.ok('segment.count', { rule: { ...oslo, visits: { days: 30, min: 1 } } })).count,
    ).toBe(1);
    expect((await owner.ok('segment.count', { rule: { homeStores: [torgetId] } })).count).toBe(1);
    // Another chain's owner counts their own (empty) chain, never this one's members.
    expect((await otherOwner.ok('segment.count', { rule: {} })).count).toBe(0);
    const page = await owner.ok('segment.members', { rule: oslo });
    expect(page).toMatchObject({ count: 2, page: 0, more: false });
    expect(page.members.map((m) => m.memberId)).toEqual(['m-aase', 'm-cecilie']);
    expect(page.members[0]).toMatchObject({
      name: 'Åse Ødegård; "Bakern"',
      phone: '+4791234501',
      email: 'm-aase@example.no',
      contactVisible: true,
      status: 'active',
      purchases: 1,
      spendOre: 12_350,
    });
  });

  it('counts a visit on the first day of a window, and none on the day before it', async () => {
    // Åse bought once, five days ago: in a window from that local day on, not in one from the next.
    const oslo = (ms: number) => dayNumber(localDateOf(ms, 'Europe/Oslo'));
    const back = oslo(NOW) - oslo(NOW - 5 * DAY);
    const count = async (rule: object) =>
      (await owner.ok('segment.count', { rule: { memberIds: ['m-aase'], ...rule } })).count;
    expect(await count({ visits: { days: back + 1, min: 1 } })).toBe(1);
    expect(await count({ visits: { days: back, min: 1 } })).toBe(0);
    expect(await count({ spend: { days: back + 1, min: 12_350 } })).toBe(1);
    expect(await count({ spend: { days: back, min: 1 } })).toBe(0);
    // No visit asked for: a member with none in the window is counted.
    expect(await count({ visits: { days: back, max: 0 } })).toBe(1);
  });

  it('masks phone and e-mail of other stores’ customers to a store manager', async () => {
    const byId = (members: BoSegmentMember[]) => new Map(members.map((m) => [m.memberId, m]));
    const seen = byId((await manager.ok('segment.members', { rule: {} })).members);
    expect(seen.get('m-aase')).toMatchObject({ phone: '+4791234501', contactVisible: true });
    expect(seen.get('m-cecilie')).toMatchObject({
      name: 'Cecilie Torvik',
      phone: '+47 ••• •• 503',
      email: '•••',
      contactVisible: false,
    });
    const ownerSees = byId((await owner.ok('segment.members', { rule: {} })).members);
    expect(ownerSees.get('m-cecilie')).toMatchObject({
      phone: '+4791234503',
      email: 'm-cecilie@example.no',
    });
  });

  it('exports a CSV file Excel opens: BOM, semicolons, CRLF, quoted text, æøå, masked as listed', async () => {
    const file = await manager.ok('segment.export', { rule: {}, name: 'Alle kunder på Ås' });
    expect(file.fileName).toMatch(/^alle-kunder-på-ås-\d{4}-\d{2}-\d{2}\.csv$/);
    // A store manager's file: their own store's customers only (Cecilie bought at Torget).
    expect(file).toMatchObject({ rows: 2, truncated: false });
    const bytes = Buffer.from(file.csv, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = file.csv.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe(
      '"Medlemsnummer";"Navn";"Telefon";"E-post";"Postnummer";"Nivå";"Status";"Kjøp";"Omsetning (kr)";"Siste kjøp";"Samtykke SMS";"Samtykke e-post"',
    );
    expect(lines[1]).toMatch(
      new RegExp(
        `^"${memberNumberFor('29', 1)}";"Åse Ødegård; ""Bakern""";"'\\+4791234501";"m-aase@example\\.no";"0150";;"Aktiv";1;123,50;"\\d{4}-\\d{2}-\\d{2}";"Ja";"Nei"$`,
      ),
    );
    expect(file.csv).not.toContain('Cecilie');
    const ownerFile = await owner.ok('segment.export', { rule: {} });
    expect(ownerFile.rows).toBe(3);
    expect(ownerFile.csv).toContain('"Cecilie Torvik";"\'+4791234503"');
    expect(bytes.includes(Buffer.from('Æbelø', 'utf8'))).toBe(true);
    const english = await owner.ok('segment.export', { rule: oslo, locale: 'en' });
    expect(english.csv.slice(1).split('\r\n')[0]).toMatch(
      /^"Member number";"Name";"Phone";"E-mail"/,
    );
    expect(english.rows).toBe(2);
  });

  it('saves segments of the chain: a store manager changes only their own, an owner any', async () => {
    const mine = await manager.ok('segment.save', { name: 'Sentrums faste', rule: oslo });
    expect(mine).toMatchObject({ name: 'Sentrums faste', mayChange: true, rule: { ...oslo } });
    const ownerSeg = await owner.ok('segment.save', {
      name: 'Topp 10',
      rule: { memberIds: ['m-aase', 'm-bjorn'] },
    });
    const listed = await manager.ok('segment.list');
    expect(listed.map((s) => [s.name, s.mayChange, s.createdBy?.name])).toEqual([
      ['Sentrums faste', true, 'Per Sentrum'],
      ['Topp 10', false, 'Kari Eier'],
    ]);
    expect((await manager.ok('segment.get', { id: ownerSeg.id })).rule.memberIds).toEqual([
      'm-aase',
      'm-bjorn',
    ]);
    const refused = await manager.call('segment.delete', { id: ownerSeg.id });
    expect(refused.status).toBe(403);
    expect(errorOf(refused).said?.key).toBe('backoffice.segments.notYours');
    const renamed = await manager.call('segment.save', { id: ownerSeg.id, name: 'X', rule: {} });
    expect(renamed.status).toBe(403);
    // The name is the chain's once, whatever its case.
    const taken = await owner.call('segment.save', { name: 'sentrums FASTE', rule: {} });
    expect(taken.status).toBe(400);
    expect(errorOf(taken)).toMatchObject({
      field: 'name',
      said: { key: 'backoffice.segments.nameTaken' },
    });
    // An owner changes the manager's; keeping its own name is no clash.
    const changed = await owner.ok('segment.save', {
      id: mine.id,
      name: 'Sentrums faste',
      rule: { ...oslo, consents: ['sms'] },
    });
    expect(changed.rule.consents).toEqual(['sms']);
    expect(changed.createdBy?.name).toBe('Per Sentrum');
    // Another chain reaches none of them.
    expect((await otherOwner.call('segment.get', { id: mine.id })).status).toBe(404);
    expect((await otherOwner.ok('segment.list')).length).toBe(0);
    expect((await otherOwner.call('segment.delete', { id: mine.id })).status).toBe(404);
    expect(await owner.ok('segment.delete', { id: mine.id })).toEqual({
      id: mine.id,
      deleted: true,
    });
    expect((await owner.call('segment.get', { id: mine.id })).status).toBe(404);
  });

  it('shows a store manager an owner’s segment without the ids of stores and customers they do not reach', async () => {
    const wide = await owner.ok('segment.save', {
      name: 'Hele kjeden',
      rule: {
        any: [{ memberIds: ['m-aase', 'm-cecilie'] }, { homeStores: [sentrumId, torgetId] }],
      },
    });
    const seen = await manager.ok('segment.get', { id: wide.id });
    const text = JSON.stringify(seen);
    expect(text).not.toContain('m-cecilie');
    expect(text).not.toContain(torgetId);
    expect(seen.hiddenIds).toBe(2);
    // Each hidden id is kept as a marker matching nobody, so no list turns empty (empty: anyone).
    expect(seen.rule.any?.[0]?.memberIds).toEqual(['m-aase', `${HIDDEN_SEGMENT_ID}1`]);
    expect(seen.rule.any?.[1]?.homeStores).toEqual([sentrumId, `${HIDDEN_SEGMENT_ID}2`]);
    // The owner sees it whole.
    const whole = await owner.ok('segment.get', { id: wide.id });
    expect(whole.hiddenIds).toBe(0);
    expect(JSON.stringify(whole.rule)).toContain(torgetId);
    // Nor can the marker be saved back as an id.
    const back = await manager.call('segment.save', { name: 'Kopi', rule: seen.rule });
    expect(back.status).toBe(404);
    await owner.ok('segment.delete', { id: wide.id });
  });

  it('refuses a bad segment with the field at fault', async () => {
    const noName = await owner.call('segment.save', { name: '  ', rule: {} });
    expect(errorOf(noName)).toMatchObject({
      code: 'invalid_request',
      field: 'name',
      said: { key: 'backoffice.segments.nameNeeded' },
    });
    const backwards = await owner.call('segment.count', {
      rule: { visits: { days: 30, min: 5, max: 2 } },
    });
    expect(backwards.status).toBe(400);
    expect(errorOf(backwards).field).toBe('rule.visits');
    const tooMany = await owner.call('segment.save', {
      name: 'For mange',
      rule: { memberIds: Array.from({ length: 1001 }, (_, i) => `m-${i}`) },
    });
    expect(errorOf(tooMany)).toMatchObject({
      field: 'rule.memberIds',
      said: { key: 'backoffice.segments.tooManyMembers' },
    });
    const badRange = await owner.call('segment.count', {
      rule: { postalCodeRanges: [{ from: '5000', to: '0100' }] },
    });
    expect(errorOf(badRange).said?.key).toBe('programme.postalRangeOrder');
  });
});
