// probe: src/backoffice/pages/lint-probe.ts
// expect: nothing
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { BO_COMMANDS } from '../../contract/backoffice';
import type { BoCommandName } from '../../contract/backoffice';
import { TextField } from '../../ui/components/TextField';
import { useI18n } from '../../ui/i18n';
import { render } from '../../i18n/render';
import { msg } from '../../core/i18n';

export const said = render(msg('backoffice.error.internal'), 'nb');
export const useCommand = () => useState<BoCommandName>('session.get');
export { BO_COMMANDS, createRoot, TextField, useI18n };
