/**
 * SMS providers behind one seam. The default speaks Sveve's HTTP API
 * (POST {base}/SMS/SendMessage with user, passwd, to, msg, from, ref, f=json;
 * delivery reports to our callback with number, status, id, ref, errorCode;
 * replies such as STOPP forwarded to another callback). The second, 46elks
 * (POST {base}/a1/sms form-encoded with HTTP basic auth, `whendelivered`
 * callback), shows the seam: it takes no reference of ours, so the message id
 * rides in the callback address.
 *
 * What a call's outcome means for a resend (the outbox never sends twice):
 *  - accepted: the provider took it;
 *  - refused: the provider answered that it did NOT take it (an error in its
 *    answer, 4xx), or nothing reached it (connection refused): safe to retry;
 *  - unknown: it may have been taken (no answer, a cut connection, 5xx, a
 *    timeout): never resent; a delivery report settles it.
 * Secrets (passwords) never appear in an outcome's status, errors or logs.
 */

export interface SmsRequest {
  /** The outbox id: the provider reference. */
  id: string;
  /** E.164, e.g. +4791234567. */
  to: string;
  text: string;
  /** Sender name (≤ 11 letters/digits). */
  from: string;
}

export type SendOutcome =
  | { kind: 'accepted'; providerId: string | null; status: string }
  | { kind: 'refused'; status: string; permanent?: boolean }
  | { kind: 'unknown'; status: string };

export interface DeliveryReport {
  /** Our message id. */
  ref: string;
  /** true delivered, false failed, null an interim status (ignored). */
  delivered: boolean | null;
  providerId: string | null;
  status: string;
}

export interface InboundSms {
  /** The sender's number as the provider gives it. */
  from: string;
  text: string;
}

export type CallbackParams = Record<string, string>;

export interface SmsProvider {
  readonly name: 'sveve' | '46elks';
  send(request: SmsRequest, callbacks: { reportUrl: string }): Promise<SendOutcome>;
  parseReport(params: CallbackParams): DeliveryReport | null;
  parseInbound(params: CallbackParams): InboundSms | null;
}

export interface SmsProviderConfig {
  provider: 'sveve' | '46elks';
  /** https://sveve.no or https://api.46elks.com (tests: the fake on loopback). */
  baseUrl: string;
  user: string;
  password: string;
  /** Default sender name when the chain has none. */
  from: string;
  /** How long a call may take before its outcome is unknown (default 15 s). */
  timeoutMs?: number;
}

/** Why a fetch failed: nothing reached the provider (safe to retry) or maybe something did. */
function failureOutcome(error: unknown): SendOutcome {
  const cause = (error as { cause?: { code?: string } } | null)?.cause;
  const code = cause?.code ?? (error as { code?: string } | null)?.code;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return { kind: 'refused', status: `not reached (${code})` };
  const name = (error as { name?: string } | null)?.name;
  return { kind: 'unknown', status: `no answer (${code ?? name ?? 'error'})` };
}

async function answerOf(
  response: Response,
): Promise<{ ok: true; json: unknown } | { ok: false; outcome: SendOutcome }> {
  if (response.status >= 500 || response.status === 408)
    return { ok: false, outcome: { kind: 'unknown', status: `HTTP ${response.status}` } };
  if (response.status >= 400) {
    await response.body?.cancel();
    return { ok: false, outcome: { kind: 'refused', status: `HTTP ${response.status}` } };
  }
  try {
    return { ok: true, json: await response.json() };
  } catch {
    return { ok: false, outcome: { kind: 'unknown', status: 'an answer that is not JSON' } };
  }
}

/** E.164 without '+' (Sveve reports numbers as digits: 4791234567). */
function digitsOf(e164: string): string {
  return e164.replace(/^\+/, '');
}

export function sveveProvider(config: SmsProviderConfig): SmsProvider {
  const url = new URL('/SMS/SendMessage', config.baseUrl).toString();
  const timeoutMs = config.timeoutMs ?? 15_000;
  return {
    name: 'sveve',
    async send(request) {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            user: config.user,
            passwd: config.password,
            to: digitsOf(request.to),
            msg: request.text,
            from: request.from,
            ref: request.id,
            f: 'json',
          }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        return failureOutcome(error);
      }
      const answer = await answerOf(response);
      if (!answer.ok) return answer.outcome;
      const body = (answer.json as { response?: Record<string, unknown> } | null)?.response;
      if (!body) return { kind: 'unknown', status: 'an answer without "response"' };
      const okCount = Number(body.msgOkCount ?? 0);
      if (okCount >= 1) {
        const ids = Array.isArray(body.ids) ? body.ids : [];
        return {
          kind: 'accepted',
          providerId: ids.length > 0 ? String(ids[0]) : null,
          status: 'accepted',
        };
      }
      const errors = Array.isArray(body.errors) ? (body.errors as { message?: unknown }[]) : [];
      const reason =
        typeof body.fatalError === 'string'
          ? body.fatalError
          : String(errors[0]?.message ?? 'not sent');
      return { kind: 'refused', status: reason.slice(0, 200) };
    },
    parseReport(params) {
      if (!params.ref) return null;
      return {
        ref: params.ref,
        delivered: params.status === 'true' ? true : params.status === 'false' ? false : null,
        providerId: params.id || null,
        status: (params.status === 'true'
          ? 'delivered'
          : `failed ${params.errorCode ?? ''} ${params.errorDesc ?? ''}`
        )
          .trim()
          .slice(0, 200),
      };
    },
    parseInbound(params) {
      const from = params.number ?? params.from;
      const text = params.msg ?? params.message;
      return from && text !== undefined ? { from, text } : null;
    },
  };
}

export function elksProvider(config: SmsProviderConfig): SmsProvider {
  const url = new URL('/a1/sms', config.baseUrl).toString();
  const auth = `Basic ${Buffer.from(`${config.user}:${config.password}`).toString('base64')}`;
  const timeoutMs = config.timeoutMs ?? 15_000;
  return {
    name: '46elks',
    async send(request, callbacks) {
      const report = new URL(callbacks.reportUrl);
      report.searchParams.set('ref', request.id);
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            from: request.from,
            to: request.to,
            message: request.text,
            whendelivered: report.toString(),
          }).toString(),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        return failureOutcome(error);
      }
      const answer = await answerOf(response);
      if (!answer.ok) return answer.outcome;
      const body = answer.json as { id?: unknown; status?: unknown } | null;
      if (typeof body?.id !== 'string') return { kind: 'unknown', status: 'an answer without id' };
      return { kind: 'accepted', providerId: body.id, status: String(body.status ?? 'created') };
    },
    parseReport(params) {
      if (!params.ref) return null;
      const status = params.status ?? '';
      return {
        ref: params.ref,
        delivered: status === 'delivered' ? true : status === 'failed' ? false : null,
        providerId: params.id || null,
        status: status.slice(0, 200),
      };
    },
    parseInbound(params) {
      return params.from && params.message !== undefined
        ? { from: params.from, text: params.message }
        : null;
    },
  };
}

export function smsProvider(config: SmsProviderConfig): SmsProvider {
  return config.provider === '46elks' ? elksProvider(config) : sveveProvider(config);
}

/** Whether an inbound SMS asks to stop (STOPP, STOP, "stopp kundeklubb", any case). */
export function isStopRequest(text: string): boolean {
  return /^\s*stop{1,2}\b/i.test(text);
}
