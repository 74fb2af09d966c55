/**
 * A small HTTP driver for whole conversations over /api/messages with deliveryMode expectReplies.
 * Shared by the load bench and the fault/fuzz tests so all of them speak to the bot the same way.
 * Uses Node's http client with keep-alive connections pooled per origin.
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface Reply {
  status: number;
  /** channelData.intake.state of the last reply activity ('' when absent). */
  state: string;
  requestId?: string;
  texts: string[];
  ms: number;
}

interface ReplyBody {
  activities?: { text?: string; channelData?: { intake?: { state?: unknown; requestId?: unknown } } }[];
}

export function activity(conversationId: string, text: string, userId = 'load-user', activityId?: string): Record<string, unknown> {
  return {
    type: 'message',
    ...(activityId ? { id: activityId } : {}),
    text,
    channelId: 'test',
    conversation: { id: conversationId },
    from: { id: userId },
    recipient: { id: 'bot' },
    deliveryMode: 'expectReplies',
  };
}

/**
 * Keep-alive connections per origin, at most 64 each. Node's http client rather than fetch: fetch
 * (undici) costs the client about twice the CPU per request, and on a 2-core machine every
 * microsecond the driver spends is taken from the server it measures.
 */
const agents = new Map<string, Agent>();
function agentFor(origin: string): Agent {
  let agent = agents.get(origin);
  if (!agent) {
    agent = new Agent({ keepAlive: true, maxSockets: 64 });
    agents.set(origin, agent);
  }
  return agent;
}

function post(url: string, body: string, signal?: AbortSignal): Promise<{ status: number; raw: string }> {
  const target = new URL(`${url}/api/messages`);
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      {
        method: 'POST',
        agent: agentFor(target.origin),
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
        ...(signal ? { signal } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, raw: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * One turn: POST and read the whole reply; `ms` is the turn latency as the client sees it. With an
 * `activityId`, sending it again is a retry of the same activity (the bot answers it only once).
 */
export async function send(url: string, conversationId: string, text: string, signal?: AbortSignal, activityId?: string): Promise<Reply> {
  const started = performance.now();
  const { status, raw } = await post(url, JSON.stringify(activity(conversationId, text, 'load-user', activityId)), signal);
  const ms = performance.now() - started;
  let body: ReplyBody = {};
  try {
    body = JSON.parse(raw) as ReplyBody;
  } catch {
    /* a non-JSON body (e.g. an error page) simply carries no state */
  }
  const acts = body.activities ?? [];
  const intake = acts.at(-1)?.channelData?.intake;
  const requestId = typeof intake?.requestId === 'string' ? intake.requestId : undefined;
  return {
    status,
    state: typeof intake?.state === 'string' ? intake.state : '',
    ...(requestId ? { requestId } : {}),
    texts: acts.map((a) => a.text ?? ''),
    ms,
  };
}

/**
 * The routine intake (an itchy rash for weeks; synthetic details, the NHS number is a valid test
 * number): the answer to give in each state. Red-flag and complaint questions are answered 'no'.
 */
export const ROUTINE_ANSWERS: Readonly<Record<string, string>> = {
  '': 'hello',
  need: 'need.new',
  describe: 'I have had an itchy rash on my arm for a few weeks',
  safetyCheck: 'safety.no',
  areaPick: 'safety.area.other',
  triageQuestion: 'no',
  confirm: 'no',
  duration: 'duration.weeks',
  trend: 'trend.same',
  impact: 'impact.some',
  wants: 'wants.appointment',
  who: 'for.self',
  name: 'Zofia Nowak',
  dob: '02/05/1979',
  nhs: '943 476 5919',
  postcode: 'M1 1AE',
  phone: '07700 900123',
  contactMethod: 'contact.text',
  contactTimes: 'when.morning',
  review: 'review.send',
  consent: 'yes',
};

/** The state that normally follows each state on the routine path (triage questions may repeat). */
export const ROUTINE_NEXT: Readonly<Record<string, readonly string[]>> = {
  '': ['need'],
  need: ['describe'],
  // The emergency check follows every description (issue 15), the area picker every check that did not divert (round 9).
  describe: ['safetyCheck', 'triageQuestion', 'confirm', 'duration'],
  safetyCheck: ['areaPick', 'triageQuestion', 'confirm', 'duration'],
  areaPick: ['triageQuestion', 'confirm', 'duration'],
  triageQuestion: ['triageQuestion', 'confirm', 'duration'],
  confirm: ['triageQuestion', 'confirm', 'duration'],
  duration: ['trend'],
  trend: ['impact'],
  impact: ['wants'],
  wants: ['who'],
  who: ['name'],
  name: ['dob'],
  dob: ['nhs'],
  nhs: ['postcode'],
  postcode: ['phone'],
  phone: ['contactMethod'],
  contactMethod: ['contactTimes'],
  contactTimes: ['review'],
  review: ['consent'],
  consent: ['submitted'],
};

export class UnexpectedReply extends Error {
  constructor(
    readonly conversationId: string,
    readonly fromState: string,
    readonly reply: Reply,
  ) {
    super(`conversation ${conversationId}: after state '${fromState}' got HTTP ${reply.status} state '${reply.state}'`);
  }
}

export interface ConversationResult {
  turns: number;
  requestId?: string;
  finalState: string;
}

/**
 * Drives one conversation from its current state to 'submitted' (or to `stopAt`), checking every reply
 * follows the routine path. Bounded: at most 40 turns.
 */
export async function runRoutine(
  url: string,
  conversationId: string,
  opts: { from?: string; stopAt?: string; onTurn?: (r: Reply, fromState: string) => void; thinkMs?: () => number } = {},
): Promise<ConversationResult> {
  let state = opts.from ?? '';
  let turns = 0;
  let requestId: string | undefined;
  while (state !== 'submitted' && state !== opts.stopAt && turns < 40) {
    const answer = ROUTINE_ANSWERS[state];
    if (answer === undefined) throw new Error(`conversation ${conversationId}: no routine answer for state '${state}'`);
    const reply = await send(url, conversationId, answer);
    turns += 1;
    opts.onTurn?.(reply, state);
    if (reply.status !== 200 || !(ROUTINE_NEXT[state] ?? []).includes(reply.state)) throw new UnexpectedReply(conversationId, state, reply);
    state = reply.state;
    requestId = reply.requestId ?? requestId;
    const think = opts.thinkMs?.() ?? 0;
    if (think > 0) await new Promise((r) => setTimeout(r, think));
  }
  if (turns >= 40) throw new Error(`conversation ${conversationId}: not finished after 40 turns (state '${state}')`);
  return { turns, ...(requestId ? { requestId } : {}), finalState: state };
}

/** Sorted-sample percentiles (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

/** Mulberry32: a tiny seeded PRNG so fuzz and load runs reproduce from a printed seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
