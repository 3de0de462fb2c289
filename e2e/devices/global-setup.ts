/**
 * Bundle the harness page (esbuild, straight from the sources) into a temp
 * folder and serve it on 127.0.0.1 on a free port: a secure context, so the
 * camera API is there. Tests read the address from LOJAL_DEVICES_URL.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const HARNESS = fileURLToPath(new URL('./harness/', import.meta.url));
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
};

export default async function globalSetup(): Promise<() => Promise<void>> {
  const out = mkdtempSync(join(tmpdir(), 'lojal-devices-harness-'));
  await build({
    entryPoints: [join(HARNESS, 'main.tsx')],
    outdir: out,
    bundle: true,
    format: 'esm',
    target: 'chrome120',
    jsx: 'automatic',
    sourcemap: 'linked',
    // React's development build: StrictMode runs effects twice, as in `vite dev`.
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'warning',
  });
  const files: Record<string, string> = { '/index.html': join(HARNESS, 'index.html') };
  const server = createServer((request, response) => {
    const path = normalize(new URL(request.url ?? '/', 'http://x').pathname);
    const file = path === '/' ? files['/index.html']! : (files[path] ?? join(out, path));
    try {
      const body = readFileSync(file);
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  process.env.LOJAL_DEVICES_URL = `http://127.0.0.1:${port}/`;
  return async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(out, { recursive: true, force: true });
  };
}
