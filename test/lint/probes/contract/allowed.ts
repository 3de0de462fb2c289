// probe: src/contract/lint-probe.ts
// expect: nothing
import { z } from 'zod';
import { text } from '../core/i18n';
import type { CommandName } from './commands';

export const hello = text('Hei', 'Hello');
export const Name = z.custom<CommandName>((v) => typeof v === 'string');
