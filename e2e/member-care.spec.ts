/**
 * Member care at the till, in Chromium against the real host and service: a
 * cashier withdraws a consent on the member's word, cannot give one without
 * the member, and is refused the manager's parts of the panel (the service
 * refuses them too); a manager edits the profile and resets the member's PIN.
 */
import type { MemberDetail } from '../src/service/commands';
import {
  CASHIER_PIN,
  MANAGER_PIN,
  apiCall,
  expect,
  findMemberByPhone,
  logIn,
  rpcAs,
  shoot,
  shootSizes,
  tapQuickKey,
  test,
  completeSale,
  uniquePhone,
} from './fixtures';

async function enrolMember(
  request: Parameters<typeof apiCall>[0],
  phone: string,
): Promise<MemberDetail> {
  const enrolled = await apiCall<{ member: MemberDetail }>(request, 'POST', '/members', {
    phone,
    acceptTerms: true,
    consents: { sms: true, email: false },
    profile: { firstName: 'Siri', lastName: 'Omsorg' },
    memberPin: '1357',
  });
  expect(enrolled.status).toBe(201);
  return enrolled.body.member;
}

async function member(request: Parameters<typeof apiCall>[0], memberId: string) {
  return (await apiCall<MemberDetail>(request, 'GET', `/members/${memberId}`)).body;
}

test('a cashier withdraws a consent, cannot give one without the member, and is refused the manager’s parts', async ({
  page,
  request,
}) => {
  const phone = uniquePhone();
  const siri = await enrolMember(request, phone);

  await logIn(page, CASHIER_PIN);
  await tapQuickKey(page, 'kanelbolle');
  await findMemberByPhone(page, phone);
  await expect(page.getByTestId('member-name')).toHaveText('Siri');
  await completeSale(page);
  await page.getByTestId('next-customer').click();
  await findMemberByPhone(page, phone);
  await expect(page.getByTestId('member-care-open')).toBeEnabled();
  await shootSizes(page, 'member-care-panel-cashier');

  // By keyboard: F10 opens member care on the history.
  await page.keyboard.press('F10');
  const care = page.getByTestId('member-care');
  await expect(care).toBeVisible();
  await expect(care.getByTestId('care-history')).toContainText('Kjøp, kvittering');
  await expect(care.getByTestId('care-history')).toContainText('Ble medlem');

  await shootSizes(page, 'member-care-history-cashier');

  // Consent: withdrawn on the member's word; giving it needs the member (found by phone only).
  await care.getByTestId('care-tab-consent').click();
  await expect(care.getByTestId('care-consent-why')).toContainText('medlemmets ord');
  await care.getByTestId('care-withdraw-sms').click();
  await expect(care.getByTestId('care-consent-sms')).toContainText('Har ikke samtykket');
  await expect(care.getByTestId('care-give-sms')).toBeDisabled();
  await expect(care.getByTestId('care-give-email')).toBeDisabled();
  expect((await member(request, siri.memberId)).consents.sms).toBe(false);
  await shootSizes(page, 'member-care-consent-cashier');

  // The member is here after all and types their PIN: now the cashier may record their consent.
  await care.getByTestId('care-consent-pin').fill('1357');
  await care.getByTestId('care-consent-pin').press('Enter');
  await expect(care.getByTestId('care-verified')).toBeVisible();
  await expect(care.getByTestId('care-give-email')).toBeEnabled();
  await care.getByTestId('care-give-email').click();
  await expect(care.getByTestId('care-consent-email')).toContainText('Har samtykket');
  expect((await member(request, siri.memberId)).consents).toEqual({ sms: false, email: true });

  // The manager's parts: disabled, with the reason.
  await care.getByTestId('care-tab-profile').click();
  await expect(care.getByTestId('care-manager-only')).toBeVisible();
  await expect(care.getByTestId('care-save-profile')).toBeDisabled();
  await care.getByTestId('care-tab-pin').click();
  await expect(care.getByTestId('care-manager-only')).toBeVisible();
  await expect(care.getByTestId('care-reset-pin')).toBeDisabled();
  await care.getByTestId('care-tab-data').click();
  await expect(care.getByTestId('care-export')).toBeDisabled();
  await expect(care.getByTestId('care-erase')).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(care).toBeHidden();

  // The service refuses a cashier's session whatever the screen shows.
  const asCashier = await rpcAs(request, CASHIER_PIN);
  const update = await asCashier('member.update', {
    memberId: siri.memberId,
    profile: { lastName: 'Endret' },
  });
  expect(update.status).toBe(403);
  // The member has a PIN: a cashier changes it only with the old one; resetting is a manager's.
  const reset = await asCashier('member.setPin', { memberId: siri.memberId, memberPin: '2468' });
  expect(reset.status).toBe(403);
  expect((reset.body as { error: { code: string } }).error.code).toBe('old_pin_required');
  const give = await asCashier('member.consent', {
    memberId: siri.memberId,
    channel: 'sms',
    granted: true,
  });
  expect(give.status).toBe(403);
  expect((give.body as { error: { code: string } }).error.code).toBe('member_not_present');
  expect((await member(request, siri.memberId)).profile.lastName).toBe('Omsorg');
});

test('a manager edits the profile and resets the member’s PIN', async ({ page, request }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const phone = uniquePhone();
  const siri = await enrolMember(request, phone);

  await logIn(page, MANAGER_PIN);
  await findMemberByPhone(page, phone);
  await expect(page.getByTestId('member-name')).toHaveText('Siri');
  await page.getByTestId('member-care-open').click();
  const care = page.getByTestId('member-care');

  await care.getByTestId('care-tab-profile').click();
  await expect(care.getByTestId('care-manager-only')).toHaveCount(0);
  await expect(care.getByTestId('care-lastName')).toHaveValue('Omsorg');
  await care.getByTestId('care-lastName').fill('Nordmann');
  await care.getByTestId('care-postalCode').fill('0150');
  await care.getByTestId('care-birthDate').fill('1988-04-12');
  await shootSizes(page, 'member-care-profile-manager');
  await care.getByTestId('care-save-profile').click();
  await expect(care.getByTestId('dialog-notices')).toContainText('Lagret');
  const edited = await member(request, siri.memberId);
  expect(edited.profile).toMatchObject({
    firstName: 'Siri',
    lastName: 'Nordmann',
    postalCode: '0150',
    birthDate: '1988-04-12',
  });

  // PIN reset, by keyboard: type the new PIN and press Enter.
  await care.getByTestId('care-tab-pin').click();
  await care.getByTestId('care-new-pin').fill('2468');
  await care.getByTestId('care-new-pin').press('Enter');
  await expect(care.getByTestId('dialog-notices')).toContainText('PIN-koden er endret');
  const asCashier = await rpcAs(request, CASHIER_PIN);
  const verified = await asCashier('member.verifyPin', {
    memberId: siri.memberId,
    memberPin: '2468',
  });
  expect(verified.status).toBe(200);

  // The history tells the change by its fields, never their values.
  await care.getByTestId('care-tab-history').click();
  await expect(care.getByTestId('care-history')).toContainText(
    'Profilen endret (etternavn, fødselsdato, postnummer)',
  );
  await expect(care.getByTestId('care-history')).toContainText('PIN-kode satt');
  await expect(care.getByTestId('care-history')).not.toContainText('Nordmann');

  // Erasure asks first; cancelled here.
  await care.getByTestId('care-tab-data').click();
  await care.getByTestId('care-erase').click();
  await expect(care.getByTestId('care-erase-confirm')).toBeVisible();
  await shootSizes(page, 'member-care-erase-manager');
  // The question holds the focus on its safe answer: Enter cancels.
  await expect(care.getByRole('button', { name: 'Avbryt' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(care.getByTestId('care-erase-confirm')).toBeHidden();
  expect((await member(request, siri.memberId)).erased).toBe(false);
});

test('a manager sells a coupon for points, exports the member’s data and erases the member', async ({
  page,
  request,
}) => {
  const phone = uniquePhone();
  const siri = await enrolMember(request, phone);
  // Enough points for the free coffee (50 points): about 700 kr of bread.
  const sale = await apiCall(request, 'POST', '/sales', {
    memberId: siri.memberId,
    paymentMethod: 'card',
    idempotencyKey: `care-${phone}`,
    lines: [{ sku: 'grovbrod', quantity: 12 }],
  });
  expect(sale.status).toBe(201);
  const before = (await member(request, siri.memberId)).points.balance;
  expect(before).toBeGreaterThanOrEqual(50);

  // A manager finds the member by name and chooses them among the namesakes.
  await logIn(page, MANAGER_PIN);
  await page.getByTestId('club-button').click();
  const club = page.getByTestId('club-dialog');
  await club.getByTestId('member-query').fill('Siri Omsorg');
  await club.getByTestId('member-query').press('Enter');
  await expect(club.getByTestId('name-results')).toBeVisible();
  await shoot(page, 'member-care-name-search-manager-1280x800');
  await club.getByTestId(`name-result-${siri.memberNumber}`).click();
  await expect(page.getByTestId('member-name')).toHaveText('Siri');
  await page.getByTestId('member-care-open').click();
  const care = page.getByTestId('member-care');

  await care.getByTestId('care-tab-points').click();
  await expect(care.getByTestId('care-balance')).toContainText(String(before));
  for (const [width, height] of [
    [800, 600],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await shoot(page, `member-care-points-manager-${width}x${height}`);
  }
  await page.setViewportSize({ width: 1366, height: 768 });
  await care.getByTestId('care-buy-gratis-kaffe').click();
  await expect(care.getByTestId('care-balance')).toContainText(String(before - 50));
  const after = await member(request, siri.memberId);
  expect(after.coupons.some((c) => c.source === 'points')).toBe(true);

  await care.getByTestId('care-tab-history').click();
  await expect(care.getByTestId('care-history')).toContainText('Kupong kjøpt med poeng');

  await care.getByTestId('care-tab-data').click();
  await care.getByTestId('care-export').click();
  await expect(care.getByTestId('care-export-ready')).toBeVisible();

  await care.getByTestId('care-erase').click();
  await care.getByTestId('care-erase-yes').click();
  await expect(care).toBeHidden();
  await expect(page.getByTestId('member-panel')).toHaveCount(0);
  // An erased member is no longer found.
  const gone = await apiCall(request, 'GET', `/members/${siri.memberId}`);
  expect(gone.status).toBe(404);
});

test('member care in Swedish: the history and why a cashier cannot give consent', async ({
  page,
  request,
}) => {
  const phone = uniquePhone();
  const siri = await enrolMember(request, phone);
  const sale = await apiCall(request, 'POST', '/sales', {
    memberId: siri.memberId,
    paymentMethod: 'card',
    idempotencyKey: `care-sv-${phone}`,
    lines: [{ sku: 'kaffe-liten', quantity: 2 }],
  });
  expect(sale.status).toBe(201);

  await logIn(page, CASHIER_PIN);
  await findMemberByPhone(page, phone);
  await expect(page.getByTestId('member-name')).toHaveText('Siri');
  // The switch in the top bar, with the member on screen.
  await page.getByRole('button', { name: 'Svenska' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await page.getByTestId('member-care-open').click();
  const care = page.getByTestId('member-care');
  await expect(care).toContainText('Medlemssida: Siri');
  await expect(care.getByTestId('care-history')).toContainText('Köp, kvitto');
  await expect(care.getByTestId('care-history')).toContainText('Blev medlem');
  await page.setViewportSize({ width: 1024, height: 768 });
  await shoot(page, 'member-care-history-sv-1024x768');
  await care.getByTestId('care-tab-consent').click();
  await expect(care.getByTestId('care-consent-why')).toContainText('medlemmens ord');
  await expect(care.getByTestId('care-give-email')).toBeDisabled();
  await shoot(page, 'member-care-consent-sv-1024x768');
});
