import { post, removeDir, startApp, type RunningApp } from '../support/app.js';

/**
 * Hazard H24: in Polish a bare "no" is colloquially "yeah". A typed "no" at a red-flag question must
 * not be read as the English no; a tapped "Nie" (its code "no", sent as a postBack or as `value`) is no.
 */
describe('a Polish "no" at a red-flag question, typed or tapped (real server on 127.0.0.1)', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp();
  });
  afterAll(async () => {
    await running?.close().catch(() => undefined);
    if (running) removeDir(running.dataDir);
  });

  const send = async (conversationId: string, activity: Record<string, unknown>) => {
    const reply = await post(running.url, { type: 'message', locale: 'pl-PL', conversation: { id: conversationId }, ...activity });
    expect(reply.status).toBe(200);
    return { state: String(reply.activities.at(-1)?.channelData?.intake?.state), text: reply.activities.map((a) => a.text ?? '').join('\n') };
  };

  /**
   * Greeting and story typed, the need, the emergency check and the area ("Head") tapped, and the head area's
   * "did you hit your head?" (H59, an urgent question) tapped no: at the first headache red-flag question (999).
   */
  async function atRedFlagQuestion(conversationId: string) {
    await send(conversationId, { text: 'dzień dobry' });
    await send(conversationId, { value: { code: 'need.new' } });
    const check = await send(conversationId, { text: 'Od wczoraj mam silny ból głowy' });
    expect(check.state).toBe('safetyCheck');
    expect((await send(conversationId, { text: 'safety.no', channelData: { postBack: true } })).state).toBe('areaPick');
    const headInjury = await send(conversationId, { text: 'safety.area.head', channelData: { postBack: true } });
    expect(headInjury.state).toBe('triageQuestion');
    const question = await send(conversationId, { value: 'no' });
    expect(question.state).toBe('triageQuestion');
    expect(question.text).not.toBe(headInjury.text);
    return question;
  }

  it('a tapped "Nie" (postBack, or value) is no: the next question is asked', async () => {
    const first = await atRedFlagQuestion('pl-tapped');
    const next = await send('pl-tapped', { text: 'no', channelData: { clientActivityID: 'c1', postBack: true } });
    expect(next.state).toBe('triageQuestion');
    expect(next.text).not.toBe(first.text);
    await atRedFlagQuestion('pl-value');
    expect((await send('pl-value', { value: 'no' })).state).toBe('triageQuestion');
  });

  it('a typed bare "no" is not taken as no: the patient is asked "yes or no?", and "nie" then answers it', async () => {
    await atRedFlagQuestion('pl-typed');
    const asked = await send('pl-typed', { text: 'no', channelData: { clientActivityID: 'c2' } });
    // Still the same red-flag question ("Sudden, very bad headache?"), asked again by name: not the next one.
    expect(asked.state).toBe('triageQuestion');
    expect(asked.text).toMatch(/Tak.*Nie|Nie.*Tak/);
    expect((await send('pl-typed', { text: 'nie', channelData: { clientActivityID: 'c3' } })).state).toBe('triageQuestion');
  });

  it('a red-flag question answered only with bare "no"s counts as not sure in the end, which is yes', async () => {
    await atRedFlagQuestion('pl-typed-3');
    let state: string | undefined;
    for (let i = 0; i < 4 && state !== 'emergency'; i++) state = (await send('pl-typed-3', { text: 'no', channelData: { clientActivityID: `n${i}` } })).state;
    expect(state).toBe('emergency');
  });

  it('a typed "no nie" is no, and "nie" is no', async () => {
    await atRedFlagQuestion('pl-no-nie');
    expect((await send('pl-no-nie', { text: 'no nie' })).state).toBe('triageQuestion');
    await atRedFlagQuestion('pl-nie');
    expect((await send('pl-nie', { text: 'Nie' })).state).toBe('triageQuestion');
  });
});
