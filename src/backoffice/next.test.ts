import { describe, expect, it } from 'vitest';
import { safeNext } from './next';

describe('where the log-in goes after', () => {
  it('goes back to a page of the back office', () => {
    expect(safeNext('/stores')).toBe('/stores');
    expect(safeNext('/stores?store=1')).toBe('/stores?store=1');
  });

  it('never to another site, a page before a session, or nowhere', () => {
    for (const next of [
      null,
      '',
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      '/login',
      '/login?next=/stores',
      '/set-password#token=x',
      '/',
      'stores',
      '/\u0000x',
    ])
      expect(safeNext(next), String(next)).toBe('/stores');
  });
});
