import { parseClientFrame } from './chat-frames.js';

describe('parseClientFrame', () => {
  it('reads the four client frames and drops fields it does not know (a forged sender)', () => {
    expect(parseClientFrame('{"type":"send","text":"hi","sender":"mallory"}')).toEqual({
      ok: true,
      value: { type: 'send', text: 'hi' },
    });
    expect(parseClientFrame('{"type":"seen","messageId":"m1"}')).toMatchObject({ ok: true });
    expect(parseClientFrame('{"type":"sync","beforeId":null}')).toMatchObject({ ok: true });
    expect(parseClientFrame('{"type":"ping"}')).toEqual({ ok: true, value: { type: 'ping' } });
  });

  it.each(['not json', '[]', '{"type":"shout","text":"hi"}', '{"type":"send"}', '{"type":"send","text":42}'])(
    'refuses %s with a reason',
    (text) => {
      expect(parseClientFrame(text)).toEqual({ ok: false, detail: expect.any(String) });
    },
  );
});
