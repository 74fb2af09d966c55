import { IncomingActivitySchema, parseIncomingActivity } from '../../src/bot/incoming.js';

/** Values to try in each field: right and wrong kinds, lengths either side of each limit, absent, undefined. */
const ABSENT = Symbol('absent');
const strings = (min: number, max: number) => ['', 'a'.repeat(Math.max(0, min - 1)), 'a'.repeat(min), 'a'.repeat(max), 'a'.repeat(max + 1), 'ü😷'];
const odd = [ABSENT, undefined, null, 7, true, [], {}, ['x'], { id: 'x' }];
const FIELDS: Record<string, unknown[]> = {
  type: [...strings(1, 64), ...odd],
  id: [...strings(0, 256), ...odd],
  channelId: [...strings(1, 128), ...odd],
  conversation: [{ id: 'c' }, { id: '' }, { id: 'c'.repeat(513) }, { id: 5 }, { id: 'c', extra: 1 }, Object.assign(Object.create(null) as object, { id: 'c' }), ...odd],
  from: [{ id: 'u' }, { id: '' }, { id: 'u', name: 'n' }, { id: 'u'.repeat(513) }, ...odd],
  recipient: [{ id: '' }, { id: 'b' }, { id: 'b'.repeat(513) }, ...odd],
  text: ['hello', '', ...odd],
  value: ['no', { code: 'yes' }, ...odd],
  locale: [...strings(0, 64), ...odd],
  serviceUrl: [...strings(0, 2048), ...odd],
  attachments: [[], [{ contentType: 'image/png' }], [null], ...odd],
  membersAdded: [[], [{ id: 'm' }], [{ id: 'm', name: 'n' }], [{ id: 5 }], [null], [[]], ...odd],
  channelData: [{ clientActivityID: 'x', postBack: true }, 'text', ...odd],
};
const VALID: Record<string, unknown> = { type: 'message', id: 'a1', channelId: 'webchat', conversation: { id: 'c1' }, from: { id: 'u1' }, text: 'hi', extra: { ignored: true } };

function variants(): unknown[] {
  const out: unknown[] = [VALID, null, 'message', [], 42, Object.assign(Object.create(null) as object, VALID)];
  for (const [field, values] of Object.entries(FIELDS)) {
    for (const value of values) {
      const v: Record<string, unknown> = { ...VALID };
      if (value === ABSENT) delete v[field];
      else v[field] = value;
      out.push(v);
    }
  }
  return out;
}

describe('parseIncomingActivity', () => {
  it('gives exactly what IncomingActivitySchema.safeParse gives, for good and bad activities alike', () => {
    let accepted = 0;
    for (const raw of variants()) {
      const ours = parseIncomingActivity(raw);
      const zods = IncomingActivitySchema.safeParse(raw);
      expect(ours.success).toBe(zods.success);
      if (ours.success && zods.success) {
        accepted += 1;
        expect(ours.data).toStrictEqual(zods.data);
        expect(Object.keys(ours.data)).toEqual(Object.keys(zods.data));
      } else {
        expect(ours.error?.issues).toEqual(zods.error?.issues);
      }
    }
    expect(accepted).toBeGreaterThan(50);
  });

  it('copies nested objects and lists, and keeps value and channelData as they came', () => {
    const raw = { ...VALID, attachments: [{ a: 1 }], membersAdded: [{ id: 'm', name: 'n' }], value: { code: 'x' }, channelData: { postBack: true } };
    const parsed = parseIncomingActivity(raw);
    if (!parsed.success) throw new Error('refused');
    expect(parsed.data.conversation).not.toBe(VALID.conversation);
    expect(parsed.data.attachments).not.toBe(raw.attachments);
    expect(parsed.data.membersAdded).toEqual([{ id: 'm' }]);
    expect(parsed.data.value).toBe(raw.value);
    expect(parsed.data.channelData).toBe(raw.channelData);
  });
});
