/** Remote member lookup, conflicts and the programme: reads (and one write) of the token's chain. */
import type { FastifyInstance } from 'fastify';
import { isSupportedCountry } from 'libphonenumber-js';
import { eventBytes } from '../../src/core/events';
import { LIMITS } from '../../src/core/limits';
import { normalisePhone } from '../../src/core/phone';
import { englishOf } from '../../src/core/schema-messages';
import { parseProgramme } from '../../src/core/programme';
import type { Programme } from '../../src/core/programme';
import {
  MemberLookupQuery,
  RefusedQuery,
  ROUTES,
  SaveProgrammeRequest,
} from '../../src/sync/protocol';
import type {
  ConflictsResponse,
  MemberLookupResponseBody,
  ProgrammeResponse,
  RefusedResponse,
  SaveProgrammeResponse,
} from '../../src/sync/protocol';
import { listConflicts, lookupMembers } from '../members';
import { currentProgramme } from '../programme';
import { saveProgramme } from '../programme-change';
import { listRefused } from '../refusals';
import type { RouteContext } from './context';
import { CloudError, invalidRequest, isZodLike } from './errors';

/** Room kept for the event's envelope, staff id and time around the programme. */
const PROGRAMME_EVENT_ENVELOPE_BYTES = 4096;

function phoneE164(typed: string, country: string): string {
  if (!isSupportedCountry(country)) {
    throw new CloudError(400, 'invalid_request', `unknown country code ${country}`, 'country');
  }
  const phone = normalisePhone(typed, country);
  if (!phone.ok) throw new CloudError(400, 'invalid_phone', englishOf(phone.reason), 'phone');
  return phone.e164;
}

export function registerChainRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get(ROUTES.memberLookup, async (request): Promise<MemberLookupResponseBody> => {
    const who = await ctx.authorise(request, ['terminal', 'admin']);
    const query = MemberLookupQuery.parse(request.query);
    const by =
      query.phone !== undefined
        ? { phoneE164: phoneE164(query.phone, query.country) }
        : { memberNumber: query.memberNumber ?? '' };
    const members = await lookupMembers(ctx.db, who.chainId, by);
    if (members.length === 0) {
      throw new CloudError(
        404,
        'member_not_found',
        'no member of this chain has that phone number or member number',
      );
    }
    return { members };
  });

  app.get(ROUTES.conflicts, async (request): Promise<ConflictsResponse> => {
    const who = await ctx.authorise(request, ['terminal', 'admin']);
    return { conflicts: await listConflicts(ctx.db, who.chainId) };
  });

  app.get(ROUTES.refused, async (request): Promise<RefusedResponse> => {
    const who = await ctx.authorise(request, ['admin']);
    const query = RefusedQuery.parse(request.query);
    return listRefused(ctx.db, who.chainId, query);
  });

  app.get(ROUTES.programme, async (request): Promise<ProgrammeResponse> => {
    const who = await ctx.authorise(request, ['terminal', 'admin']);
    const current = await currentProgramme(ctx.db, who.chainId);
    return {
      programme: current?.programme ?? null,
      eventId: current?.eventId ?? null,
      hlc: current?.hlc ?? null,
    };
  });

  app.put(ROUTES.programme, async (request): Promise<SaveProgrammeResponse> => {
    const who = await ctx.authorise(request, ['admin']);
    const input = SaveProgrammeRequest.parse(request.body);
    let programme: Programme;
    try {
      programme = parseProgramme(input.programme);
    } catch (error) {
      if (isZodLike(error)) throw invalidRequest(error, 'programme');
      throw error;
    }
    // The event must pass the tills' own bound for a configuration event.
    if (eventBytes({ programme }) > LIMITS.maxConfigEventBytes - PROGRAMME_EVENT_ENVELOPE_BYTES) {
      throw new CloudError(
        400,
        'invalid_request',
        `the programme is larger than the ${LIMITS.maxConfigEventBytes} bytes an event may take`,
        'programme',
      );
    }
    const event = await saveProgramme(
      ctx.db,
      who.chainId,
      { programme, staffId: input.staffId },
      ctx.now(),
    );
    return { eventId: event.id, hlc: event.hlc };
  });
}
