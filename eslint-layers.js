// The `lojal/layers` rule: every import (static, `export … from`, dynamic
// `import()`, `require()`, `typeof import()`) of a file in a layer must be on
// that layer's allow-list in eslint.config.js: folders (resolved from the
// relative path, so `../store/db` from src/core is src/store whatever the
// depth) and npm packages by name. A package nobody allowed is an error, as is
// a file under src/ outside every layer. Written here rather than taken from a
// plugin: no plugin checks dynamic imports, type-only edges and packages per
// layer together, and this needs no dependency.
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const BUILTINS = new Set(builtinModules);

const toPosix = (p) => p.split(path.sep).join('/');
const dropExtension = (p) => p.replace(/\.(d\.ts|tsx?|jsx?|mjs|cjs|json)$/, '');

/** `prefix` covers the path itself and anything below it. */
const covers = (prefix, rel) => rel === prefix || rel.startsWith(`${prefix}/`);

/** Tests and their helpers: may use test tools and other layers' test helpers. */
export function isTestSupport(rel) {
  return (
    /\.(test|spec)\.[cm]?[jt]sx?$/.test(rel) ||
    /(^|\/)testing(\/|$|\.[jt]sx?$)/.test(rel) ||
    /(^|\/)test-[^/]+$/.test(rel) ||
    covers('cloud/test', rel) ||
    covers('test', rel)
  );
}

function packageName(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function isNodeBuiltin(spec) {
  return spec.startsWith('node:') || BUILTINS.has(spec) || BUILTINS.has(packageName(spec));
}

/**
 * @param {object} options
 * @param {{name: string, imports: string[], typeImports?: string[], packages: string[], node: boolean}[]} options.layers
 * @param {string[]} options.free folders whose files may import anything (tests, benchmarks, scripts)
 * @param {string[]} options.testPackages packages any test file or test helper may use
 *
 * A file in a folder that is neither a layer nor free (a new file directly under
 * src/, a new top-level folder) is an error until it is given a place.
 */
export function layersPlugin({ layers, free, testPackages }) {
  // Longest name first: a nested layer (src/sync/protocol if it ever became one) wins.
  const byLength = [...layers].sort((a, b) => b.name.length - a.name.length);
  const layerOf = (rel) => byLength.find((l) => covers(l.name, rel));
  const list = (items) => (items.length ? items.join(', ') : 'nothing');

  const rule = {
    meta: {
      type: 'problem',
      docs: {
        description: 'Each layer imports only what its allow-list in eslint.config.js names.',
      },
      schema: [],
      messages: {
        unplaced:
          '{{file}} is in no layer. Put it in a layer folder, or give the new layer its allow-list in eslint.config.js and its line in docs/architecture.md "Layers".',
        folder:
          '{{layer}} may not import {{target}} ("{{spec}}"): imports point down. {{layer}} may import {{allowed}}.',
        typesOnly:
          '{{layer}} may import {{target}} for types only ("{{spec}}"): use `import type`, or move the value to a layer {{layer}} may import.',
        pkg: '{{layer}} may not use the npm package "{{pkg}}": every package is allowed per layer in eslint.config.js ({{layer}}: {{allowed}}).',
        node: '{{layer}} may not use Node\'s "{{spec}}": {{layer}} runs without Node (no I/O, no Node APIs).',
        computed:
          'A dynamic import whose path is computed cannot be checked against the layers: import a literal path.',
        absolute: 'Import by relative path or package name, not "{{spec}}".',
      },
    },
    create(context) {
      const filename = context.filename ?? context.getFilename();
      if (!path.isAbsolute(filename)) return {};
      const rel = toPosix(path.relative(ROOT, filename));
      if (rel.startsWith('..') || free.some((f) => covers(f, rel)) || !rel.includes('/')) return {};
      const layer = layerOf(rel);
      if (!layer) {
        return {
          Program(node) {
            context.report({ node, messageId: 'unplaced', data: { file: rel } });
          },
        };
      }
      const testing = isTestSupport(rel);
      const typeImports = layer.typeImports ?? [];
      const packages = testing ? [...layer.packages, ...testPackages] : layer.packages;

      function check(node, spec, typeOnly) {
        if (typeof spec !== 'string') {
          context.report({ node, messageId: 'computed' });
          return;
        }
        if (spec.startsWith('/')) {
          context.report({ node, messageId: 'absolute', data: { spec } });
          return;
        }
        if (spec.startsWith('.')) {
          const target = dropExtension(
            toPosix(path.relative(ROOT, path.resolve(path.dirname(filename), spec))),
          );
          if (layer.imports.some((p) => covers(p, target))) return;
          if (testing && isTestSupport(target)) return;
          const data = {
            layer: layer.name,
            target: target.startsWith('..') ? 'a file outside the repository' : target,
            spec,
            allowed: list([...layer.imports, ...typeImports.map((t) => `${t} (types only)`)]),
          };
          if (typeImports.some((p) => covers(p, target))) {
            if (!typeOnly) context.report({ node, messageId: 'typesOnly', data });
            return;
          }
          context.report({ node, messageId: 'folder', data });
          return;
        }
        if (isNodeBuiltin(spec)) {
          if (layer.node || testing) return;
          context.report({ node, messageId: 'node', data: { layer: layer.name, spec } });
          return;
        }
        const pkg = packageName(spec);
        if (packages.includes(pkg)) return;
        context.report({
          node,
          messageId: 'pkg',
          data: { layer: layer.name, pkg, allowed: list(packages) },
        });
      }

      const literal = (source) => {
        if (source?.type === 'Literal' && typeof source.value === 'string') return source.value;
        if (source?.type === 'TemplateLiteral' && source.expressions.length === 0) {
          return source.quasis[0].value.cooked;
        }
        return undefined;
      };
      const allTypes = (specifiers, kind) =>
        specifiers.length > 0 && specifiers.every((s) => s[kind] === 'type');

      return {
        ImportDeclaration(node) {
          const typeOnly = node.importKind === 'type' || allTypes(node.specifiers, 'importKind');
          check(node, node.source.value, typeOnly);
        },
        ExportNamedDeclaration(node) {
          if (!node.source) return;
          const typeOnly = node.exportKind === 'type' || allTypes(node.specifiers, 'exportKind');
          check(node, node.source.value, typeOnly);
        },
        ExportAllDeclaration(node) {
          check(node, node.source.value, node.exportKind === 'type');
        },
        ImportExpression(node) {
          check(node, literal(node.source), false);
        },
        CallExpression(node) {
          if (node.callee.type !== 'Identifier' || node.callee.name !== 'require') return;
          check(node, literal(node.arguments[0]), false);
        },
        TSImportType(node) {
          const arg = node.argument;
          check(node, arg?.type === 'TSLiteralType' ? literal(arg.literal) : literal(arg), true);
        },
        TSExternalModuleReference(node) {
          check(node, literal(node.expression), node.parent?.importKind === 'type');
        },
      };
    },
  };
  return { rules: { layers: rule } };
}
