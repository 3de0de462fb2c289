// probe: src/i18n/lint-probe.ts
// expect: lojal/layers:folder
// The renderer knows the catalogue only, not the commands.
import { COMMANDS } from '../contract/commands';

export const commands = COMMANDS;
