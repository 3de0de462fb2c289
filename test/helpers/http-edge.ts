/**
 * What the errors tests of both servers (src/host/errors.test.ts,
 * cloud/errors.test.ts) use: raw bytes over a socket, and the one error shape.
 */
import type { Msg } from '../../src/core/i18n';
import { renderAll } from '../../src/i18n/render';
import { connect } from 'node:net';
import { expect } from 'vitest';

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** Sends bytes as they are to the server at `url` (no client normalising the URL or headers) and reads the answer. */
export function rawHttp(url: string, bytes: string): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('error', (error) => (received ? undefined : reject(error)));
    socket.on('close', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 0);
      const head = received.indexOf('\r\n\r\n');
      const headers: Record<string, string> = {};
      for (const line of received.slice(0, Math.max(head, 0)).split('\r\n').slice(1)) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
      }
      const rest = head >= 0 ? received.slice(head + 4) : '';
      resolve({ status, headers, body: rest ? (JSON.parse(rest) as unknown) : null });
    });
    socket.write(bytes);
  });
}

type Answer = { status: number; body: unknown };
const anyText = (languages: readonly string[]) =>
  Object.fromEntries(languages.map((l) => [l, expect.any(String)]));

/**
 * An error body with exactly these keys: code, message, field, `text` in the
 * given languages (non-empty, bokmål not the English), and any `more`.
 */
function expectBody(
  answer: Answer,
  status: number,
  code: string,
  field: string | null,
  languages: readonly string[],
  more: Record<string, unknown> = {},
): Record<string, string> {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(answer.body).toEqual({
    error: { code, message: expect.any(String), field, text: anyText(languages), ...more },
  });
  const text = (answer.body as { error: { text: Record<string, string> } }).error.text;
  expect(text.nb!.length).toBeGreaterThan(0);
  expect(text.nb).not.toBe(text.en);
  return text;
}

/** The documented shape (the cloud's), exactly: no keys more or fewer, the text in both languages. */
export function expectErrorShape(
  answer: Answer,
  status: number,
  code: string,
  field: string | null = null,
): void {
  expectBody(answer, status, code, field, ['nb', 'en']);
}

/**
 * The till's error shape, exactly: the cloud's keys and `said`, the catalogue
 * message its text is rendered from, with the text in every language.
 */
export function expectTillErrorShape(
  answer: Answer,
  status: number,
  code: string,
  field: string | null = null,
): void {
  const text = expectBody(answer, status, code, field, ['nb', 'en', 'sv'], {
    said: expect.objectContaining({ key: expect.any(String) }),
  });
  expect(text).toEqual(renderAll((answer.body as { error: { said: Msg } }).error.said));
  expect(text.sv).not.toBe(text.en);
}
