import { decodeLine, encodeLine, encodeLineBytes } from '../../src/store/lowdb/journal-line.js';
import { hashId } from '../../src/store/lowdb/paths.js';

describe('journal line encoding', () => {
  const key = hashId('conversation-1');
  const values: (string | null)[] = [
    null,
    '{}',
    JSON.stringify({ text: 'chest pain, ból w klatce, ਛਾਤੀ ਵਿੱਚ ਦਰਦ, 胸痛 😷' }),
    JSON.stringify({ lone: '\ud800 half a pair' }),
    JSON.stringify({ long: 'x'.repeat(20_000) }),
  ];

  it('writes as bytes exactly what the text form says, and reads back', () => {
    for (const [i, json] of values.entries()) {
      const at = i === 0 ? 0 : 1_764_000_000_000 + i;
      const bytes = encodeLineBytes(key, at, json);
      expect(bytes.equals(Buffer.from(encodeLine(key, at, json)))).toBe(true);
      expect(decodeLine(bytes.subarray(0, bytes.length - 1))).toEqual({ key, at, json: json === null ? null : Buffer.from(json).toString() });
    }
  });

  it('writes a value given in pieces (whole JSON texts and punctuation) as the same bytes as the whole', () => {
    const at = 1_764_000_000_000;
    const pieces = ['{"a":', JSON.stringify('ból 😷 ਦਰਦ'), ',"b":[', JSON.stringify({ lone: '\ud800' }), ',', JSON.stringify('胸痛'), ']}'];
    const bytes = encodeLineBytes(key, at, pieces);
    expect(bytes.equals(encodeLineBytes(key, at, pieces.join('')))).toBe(true);
    expect(encodeLineBytes(key, at, []).equals(encodeLineBytes(key, at, ''))).toBe(true);
  });

  it('refuses a key or a time out of shape', () => {
    expect(() => encodeLineBytes('not-a-hash', 1, '{}')).toThrow(TypeError);
    expect(() => encodeLineBytes(key, -1, '{}')).toThrow(TypeError);
  });
});
