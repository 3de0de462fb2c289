/** The automations' texts: placeholders filled per member, no gap where a missing first name was. */
import { describe, expect, it } from 'vitest';
import { campaignSmsParts } from '../../core/messaging/sms-parts';
import {
  AUTOMATION_KINDS,
  AUTOMATION_PLACEHOLDERS,
  DEFAULT_AUTOMATION_TEXTS,
  exampleValues,
  placeholdersIn,
  renderAutomationText,
} from './automations';

describe('automation texts', () => {
  it('fills each placeholder, and leaves no gap for an empty first name', () => {
    const text = 'Gratulerer med dagen, {fornavn}! Vi gir deg {kupong}. Hei {fornavn}!';
    expect(renderAutomationText(text, { fornavn: 'Kari', kupong: 'Kake' })).toBe(
      'Gratulerer med dagen, Kari! Vi gir deg Kake. Hei Kari!',
    );
    expect(renderAutomationText(text, { fornavn: '', kupong: 'Kake' })).toBe(
      'Gratulerer med dagen! Vi gir deg Kake. Hei!',
    );
  });

  it('leaves a placeholder it has no value for as written', () => {
    expect(renderAutomationText('{poeng} poeng', {})).toBe('{poeng} poeng');
    expect(placeholdersIn('{a} {b} {a} {Ugyldig}')).toEqual(['a', 'b']);
  });

  it('has default texts that use only their own placeholders', () => {
    for (const kind of AUTOMATION_KINDS) {
      const texts = DEFAULT_AUTOMATION_TEXTS[kind];
      for (const text of [texts.sms, texts.emailSubject, texts.email])
        for (const name of placeholdersIn(text))
          expect(AUTOMATION_PLACEHOLDERS[kind]).toContain(name);
    }
  });

  it('estimates the SMS parts on samples no shorter than what the run sends', () => {
    // What the run fills for a chain with long names (cloud/automations/run.ts): the date dd.mm.yyyy.
    const club = 'Kaffebrenneriet på hjørnet i Storgata';
    const coupon = 'Gratis kake og stor kaffe latte';
    const sent = renderAutomationText(DEFAULT_AUTOMATION_TEXTS.birthday.sms, {
      fornavn: 'Kari',
      kundeklubb: club,
      kupong: coupon,
      gyldig_til: '07.03.2026',
    });
    const estimated = renderAutomationText(
      DEFAULT_AUTOMATION_TEXTS.birthday.sms,
      exampleValues({ club, coupon }),
    );
    expect(estimated.length).toBeGreaterThanOrEqual(sent.length);
    expect(campaignSmsParts(estimated).parts).toBeGreaterThanOrEqual(campaignSmsParts(sent).parts);
    expect(exampleValues({ club: null, coupon: null }).gyldig_til).toHaveLength(
      '07.03.2026'.length,
    );
  });
});
