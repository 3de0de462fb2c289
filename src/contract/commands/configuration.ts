/** The programme and the product catalogue. */
import { z } from 'zod';
import { Programme } from '../../core/programme';
import { Catalogue } from '../../core/catalogue';
import type { Product } from '../../core/catalogue';
import type { Text } from '../../core/i18n';
import { command, returns } from './define';

export const configurationCommands = {
  'programme.get': command({
    input: z.object({}),
    output: returns<Programme>(),
    role: 'cashier',
    access: 'read',
    rest: { method: 'GET', path: '/programme', request: { body: 'none' } },
  }),

  'programme.save': command({
    input: z.object({ programme: Programme }),
    output: returns<Programme>(),
    role: 'manager',
    access: 'write',
    rest: { method: 'PUT', path: '/programme', request: { body: { field: 'programme' } } },
  }),

  'programme.templates': command({
    input: z.object({}),
    output: returns<
      Array<{
        id: string;
        name: Text;
        programme: Programme;
        catalogue: Product[];
      }>
    >(),
    role: 'manager',
    access: 'read',
  }),

  'catalogue.get': command({
    input: z.object({}),
    output: returns<Product[]>(),
    role: 'cashier',
    access: 'read',
    rest: { method: 'GET', path: '/products', request: { body: 'none' } },
  }),

  'catalogue.save': command({
    input: z.object({ products: Catalogue }),
    output: returns<Product[]>(),
    role: 'manager',
    access: 'write',
    rest: { method: 'PUT', path: '/products', request: { body: { field: 'products' } } },
  }),
};
