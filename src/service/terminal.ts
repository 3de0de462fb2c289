/** Who this till is: chain, store, terminal id and number slot, kept in settings. */
import { randomBytes, randomInt } from 'node:crypto';
import { getSetting, SettingKeys, setSetting, setTerminalSlot } from '../store';
import { SLOTS } from '../sync';
import type { Db } from '../store';
import type { TerminalIdentity } from './handler-types';
import type { TillServiceOptions } from './types';

export const DEMO_CHAIN_ID = 'demo';
export const DEMO_STORE_ID = 'demo-bakeri';

/**
 * Options win over what is stored (a paired till is told its identity); a new
 * till without options gets the demo chain and store and a generated terminal id.
 */
export function establishTerminal(db: Db, given: TillServiceOptions['terminal']): TerminalIdentity {
  const pick = (key: string, fromOptions: string | undefined, fallback: () => string) => {
    const value = fromOptions ?? getSetting(db, key) ?? fallback();
    setSetting(db, key, value);
    return value;
  };
  const identity: TerminalIdentity = {
    chainId: pick(SettingKeys.chainId, given?.chainId, () => DEMO_CHAIN_ID),
    storeId: pick(SettingKeys.storeId, given?.storeId, () => DEMO_STORE_ID),
    terminalId: pick(
      SettingKeys.terminalId,
      given?.terminalId,
      () => `till-${randomBytes(4).toString('hex')}`,
    ),
  };
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(identity.terminalId)) {
    throw new RangeError(
      `terminal id "${identity.terminalId}" may hold only letters, digits, - and _ (max 64)`,
    );
  }
  const storedSlot = getSetting(db, SettingKeys.terminalSlot);
  // Until pairing gives one, a random slot of those the cloud never gives (500–999) keeps two
  // unpaired tills apart (1 in 500 clash, flagged as duplicate_member_number if it happens).
  const slot =
    given?.slot ??
    (storedSlot === null ? randomInt(SLOTS.randomFirst, SLOTS.randomLast + 1) : Number(storedSlot));
  setTerminalSlot(db, slot);
  return identity;
}
