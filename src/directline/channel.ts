import type { Activity } from '../bot/activity.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../observability/logger.js';
import { botReplies, conversationStart, userActivity, type Party } from './activities.js';
import { DirectLineError } from './errors.js';
import { ConversationStore, type Conversation } from './store.js';
import { newId, TokenService, type TokenClaims } from './tokens.js';
import type { TranscriptStore } from './transcripts.js';
import type { ActivitySet, RunTurn, TokenResponse } from './types.js';

/**
 * The channel's behaviour without HTTP: who may do what with which conversation, and how a posted
 * activity becomes a bot turn. Routes and the socket layer only translate to and from this.
 */
export interface ChannelOptions {
  runTurn: RunTurn;
  tokens: TokenService;
  clock: Clock;
  logger: Logger;
  botId: string;
  maxMessageChars: number;
  maxConversations: number;
  maxActivitiesPerConversation: number;
  maxTranscriptBytes: number;
  maxTotalTranscriptBytes: number;
  /**
   * Asked before a user activity is stored or reaches the bot (the per-conversation rate limit);
   * an error refuses it, and nothing of the refused activity is kept.
   */
  admit?: (conversationId: string) => Promise<DirectLineError | undefined>;
  onEvict: (conversation: Conversation) => void;
  /** Keeps transcripts across restarts; memory only when absent. */
  transcripts?: TranscriptStore;
}

export type Caller = { kind: 'secret' } | { kind: 'token'; claims: TokenClaims };

export class DirectLineChannel {
  readonly store: ConversationStore;
  private closing = false;

  constructor(private readonly o: ChannelOptions) {
    const persistence = o.transcripts && {
      transcripts: o.transcripts,
      onError: (err: unknown) => o.logger.error({ err: err instanceof Error ? err.name : 'unknown' }, 'directline: transcript write failed'),
    };
    this.store = new ConversationStore(
      { maxConversations: o.maxConversations, maxActivities: o.maxActivitiesPerConversation, maxBytes: o.maxTranscriptBytes, maxTotalBytes: o.maxTotalTranscriptBytes },
      o.onEvict,
      persistence,
    );
  }

  async authenticate(bearerValue: string): Promise<Caller> {
    if (this.o.tokens.isSecret(bearerValue)) return { kind: 'secret' };
    return { kind: 'token', claims: await this.o.tokens.verify(bearerValue, 'conv') };
  }

  /** A new conversation id, user id and token (tokens/generate). Nothing is stored until it is used. */
  async issueToken(): Promise<TokenResponse> {
    return this.tokenFor(newId(), `dl_${newId(12)}`);
  }

  async refresh(caller: Caller): Promise<TokenResponse> {
    if (caller.kind !== 'token') throw new DirectLineError(400, 'BadArgument', 'Only tokens can be refreshed');
    return this.tokenFor(caller.claims.conversationId, caller.claims.userId, caller.claims.since);
  }

  /** POST /conversations: with a token, its own conversation; with the secret, a fresh one. */
  async start(caller: Caller, locale: string | undefined): Promise<{ token: TokenResponse; claims: TokenClaims }> {
    const token = caller.kind === 'token' ? await this.refresh(caller) : await this.issueToken();
    const claims = caller.kind === 'token' ? caller.claims : await this.o.tokens.verify(token.token, 'conv');
    await this.open(claims, locale);
    return { token, claims };
  }

  /**
   * The caller's conversation, checked against the id in the URL; read back from the transcript
   * store after a restart; created (and greeted) on first use.
   */
  async open(claims: TokenClaims, locale?: string, urlConversationId?: string): Promise<Conversation> {
    if (urlConversationId !== undefined && urlConversationId !== claims.conversationId) {
      throw new DirectLineError(403, 'WrongConversation', 'Token is not valid for this conversation');
    }
    const conversation = await this.store.getOrCreate(claims.conversationId, this.o.clock.now().getTime());
    if (conversation.takeFresh()) {
      const party = this.party(claims);
      void conversation
        .enqueue(() => this.turn(conversation, conversationStart(party, locale), party))
        .catch(() => undefined);
    }
    return conversation;
  }

  /** Claims for a URL's conversation: tokens must match it; the secret may act as a fixed server user. */
  async claimsFor(caller: Caller, conversationId: string): Promise<TokenClaims> {
    if (caller.kind === 'token') {
      if (caller.claims.conversationId !== conversationId) {
        throw new DirectLineError(403, 'WrongConversation', 'Token is not valid for this conversation');
      }
      return caller.claims;
    }
    if (!(await this.store.find(conversationId, this.o.clock.now().getTime()))) {
      throw new DirectLineError(404, 'NotFound', 'Conversation not found');
    }
    return { conversationId, userId: 'dl_server', scope: 'conv', exp: 0, since: Math.floor(this.o.clock.now().getTime() / 1000) };
  }

  /**
   * Stores the user's activity and the bot's replies in turn order; resolves with the user activity id.
   * A client that re-POSTs a message after a lost response sends the same `channelData.clientActivityID`
   * (Web Chat and DirectLineJS do): once its turn has been answered, the repeat gets the first POST's
   * id and adds nothing to the transcript, whose replies the client already has (after a restart
   * too: the answered ids are read back with the stored transcript). The bot also recognises the
   * clientActivityID, so a repeat whose transcript is gone changes nothing.
   * Answered only once the transcript store holds the turn, so a reload right after sees it.
   */
  async post(claims: TokenClaims, body: Record<string, unknown>): Promise<string> {
    // Stopping (SIGTERM or a fatal fault): turns already queued finish, new ones are refused whole.
    if (this.closing) throw new DirectLineError(503, 'Unavailable', 'The service is restarting; try again in a moment');
    const party = this.party(claims);
    const activity = userActivity(body, party, this.o.maxMessageChars);
    const conversation = await this.open(claims);
    const clientId = (activity.channelData as { clientActivityID?: string } | undefined)?.clientActivityID;
    return conversation.enqueue(async () => {
      const earlier = clientId === undefined ? undefined : conversation.answered(clientId);
      if (earlier !== undefined) return earlier;
      // Before the transcript: a refused activity must not take memory or disk, or be replayed to clients.
      const refused = await this.o.admit?.(claims.conversationId);
      if (refused) throw refused;
      const stored = conversation.append([{ ...activity, timestamp: this.o.clock.now() }]).activities[0];
      const id = stored?.id ?? '';
      try {
        await this.turn(conversation, { ...activity, id }, party);
      } finally {
        await conversation.saved();
      }
      if (clientId !== undefined) conversation.rememberAnswered(clientId, id);
      return id;
    });
  }

  async activities(claims: TokenClaims, conversationId: string, watermark: string | undefined): Promise<ActivitySet> {
    if (claims.conversationId !== conversationId) {
      throw new DirectLineError(403, 'WrongConversation', 'Token is not valid for this conversation');
    }
    return (await this.open(claims)).since(watermark);
  }

  /** Ends the conversation for this channel (web chat's "end and clear"): its sockets close and its transcript is deleted. */
  async end(claims: TokenClaims): Promise<void> {
    const conversation = this.store.get(claims.conversationId, this.o.clock.now().getTime());
    await conversation?.idle();
    await this.store.remove(claims.conversationId);
  }

  /** Erasure: drops the transcript in memory and in the transcript store at once (the caller holds the bot's turn lock). */
  forget(conversationId: string): Promise<void> {
    return this.store.remove(conversationId);
  }

  /** Retention: forgets conversations idle since `before`, in memory and in the transcript store. */
  async sweep(before: Date): Promise<number> {
    const dropped = this.store.dropIdle(before.getTime());
    // With a store, the count is of transcripts deleted there (memory holds a subset of them).
    return this.o.transcripts ? this.o.transcripts.sweep(before) : dropped;
  }

  /** `since`: when the conversation's first token was issued; omitted for a new conversation. */
  async tokenFor(conversationId: string, userId: string, since?: number): Promise<TokenResponse> {
    const token = await this.o.tokens.sign(conversationId, userId, 'conv', since);
    return { conversationId, token, expires_in: this.o.tokens.remainingSeconds(since) };
  }

  /** Refuses new activities, then waits for the turns already queued and their transcript writes. */
  async drain(): Promise<void> {
    this.closing = true;
    await Promise.all(this.store.all().map((c) => c.settled()));
  }

  private party(claims: TokenClaims): Party {
    return { conversationId: claims.conversationId, userId: claims.userId, botId: this.o.botId, now: this.o.clock.now() };
  }

  /**
   * Runs one bot turn; the bot's failures become a 502 for the poster, never a lost conversation.
   * A turn that ended the conversation with nothing kept leaves only its replies in the transcript
   * (the open page keeps what it shows; its stream stays open and the watermark keeps counting).
   */
  private async turn(conversation: Conversation, activity: Partial<Activity>, party: Party): Promise<void> {
    let replies: Partial<Activity>[];
    let forgotten: boolean;
    try {
      ({ replies, forgotten = false } = await this.o.runTurn(activity));
    } catch (err) {
      if (err instanceof DirectLineError) throw err; // e.g. 429 from the bot's rate limit
      this.o.logger.error({ err: err instanceof Error ? err.name : 'unknown', type: activity.type }, 'directline: bot turn failed');
      throw new DirectLineError(502, 'BotError', 'The service could not answer just now', { cause: err });
    }
    let shown = botReplies(replies, { ...party, now: this.o.clock.now() }, activity.id);
    // With no reply to keep, a bare event (Web Chat shows none) holds the watermark across a restart.
    if (forgotten && shown.length === 0) shown = botReplies([{ type: 'event', name: 'conversation.forgotten' }], { ...party, now: this.o.clock.now() }, activity.id);
    conversation.append(shown, { forgetEarlier: forgotten });
  }
}
