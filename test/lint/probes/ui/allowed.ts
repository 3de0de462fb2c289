// probe: src/ui/screens/lint-probe.ts
// expect: nothing
import { useState } from 'react';
import type { CommandName } from '../../service/commands';
import { text } from '../../core/i18n';

export const hello = text('Hei', 'Hello');
export const useCommand = () => useState<CommandName>('basket.evaluate');
