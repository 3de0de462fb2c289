// probe: src/ui/screens/lint-probe.ts
// expect: nothing
import { useState } from 'react';
import type { CommandName } from '../../contract/commands';
import { CommandInputs } from '../../contract/commands';
import { text } from '../../core/i18n';

export const hello = text('Hei', 'Hello');
export const useCommand = () => useState<CommandName>('basket.evaluate');
// A form may judge its input by the schema the service will judge it by.
export const pinIsValid = (pin: string) =>
  CommandInputs['session.login'].safeParse({ pin }).success;
