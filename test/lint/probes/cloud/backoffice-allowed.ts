// probe: cloud/backoffice/lint-probe.ts
// expect: nothing
import fastifyStatic from '@fastify/static';
import { BO_COMMANDS } from '../../src/contract/backoffice';
import { renderAll } from '../../src/i18n/render';

export { BO_COMMANDS, fastifyStatic, renderAll };
