/**
 * The renderer build: src/ui → dist/. Relative asset paths so the same build
 * loads from the browser-mode host and from file:// in the desktop shell.
 * Two pages: the till (index.html) and the customer display
 * (display/index.html → dist/display/, served at /display/).
 *
 * `vite build --mode backoffice` (npm run build:backoffice) builds the back
 * office instead: src/backoffice → dist-backoffice/, served by the cloud at
 * /bo/ (cloud/backoffice/static.ts, which sends its Content-Security-Policy).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/** Only the built page gets the CSP: Vite's dev server injects inline scripts. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'lojal-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/** The back office: its own page and build, absolute paths under /bo/ (its router's addresses are deep). */
const backoffice = defineConfig({
  root: 'src/backoffice',
  base: '/bo/',
  plugins: [react()],
  build: {
    outDir: '../../dist-backoffice',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
  },
  server: {
    host: '127.0.0.1',
    // `vite --mode backoffice` in front of a running cloud (npm run cloud), which takes
    // commands only from its own origin.
    proxy: {
      '/bo/rpc': { target: 'http://127.0.0.1:4790', headers: { origin: 'http://127.0.0.1:4790' } },
    },
  },
});

const till = defineConfig({
  root: 'src/ui',
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: {
    outDir: '../../dist',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    rolldownOptions: {
      input: {
        till: fileURLToPath(new URL('./src/ui/index.html', import.meta.url)),
        display: fileURLToPath(new URL('./src/ui/display/index.html', import.meta.url)),
      },
    },
  },
  server: {
    host: '127.0.0.1',
    // `vite` dev server in front of a running browser-mode host (npm start).
    proxy: {
      '/rpc': { target: 'http://127.0.0.1:4780', changeOrigin: true },
      '/ws': { target: 'ws://127.0.0.1:4780', ws: true, changeOrigin: true },
    },
  },
});

export default defineConfig(({ mode }) => (mode === 'backoffice' ? backoffice : till));
