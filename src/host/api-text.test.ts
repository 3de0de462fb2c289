import { describe, expect, it } from 'vitest';
import { msg } from '../core/i18n';
import { withRenderedTexts } from './api-text';

describe("the local API's texts", () => {
  it('renders every catalogue message in an answer, in every language, keeping its key', () => {
    const answer = withRenderedTexts({
      benefits: [{ reason: msg('commands.alreadyVoided', { receiptNo: '1-42' }), ore: 100 }],
      tier: { name: { nb: 'Gull', en: 'Gold' } },
      setting: { key: 'storeName', value: 'Bakeriet' },
    });
    expect(answer).toEqual({
      benefits: [
        {
          reason: {
            nb: 'Salget 1-42 er allerede annullert.',
            en: 'Sale 1-42 is already voided.',
            sv: 'Köpet 1-42 är redan makulerat.',
            key: 'commands.alreadyVoided',
            params: { receiptNo: '1-42' },
          },
          ore: 100,
        },
      ],
      // Store-written names and objects that merely have a `key` are not messages.
      tier: { name: { nb: 'Gull', en: 'Gold' } },
      setting: { key: 'storeName', value: 'Bakeriet' },
    });
  });
});

describe('a message the catalogue cannot render', () => {
  it('passes through as it is instead of failing the whole answer', () => {
    // A stored reason from another version: its wording now takes a parameter it lacks.
    const lacking = { key: 'commands.unknownReferrer' };
    expect(withRenderedTexts({ reason: lacking, ore: 5 })).toEqual({ reason: lacking, ore: 5 });
    const odd = { key: 'commands.alreadyVoided', params: { receiptNo: null } };
    expect(withRenderedTexts([odd])).toEqual([odd]);
  });
});
