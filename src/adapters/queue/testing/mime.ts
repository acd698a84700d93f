/**
 * Just enough MIME for tests to read what nodemailer wrote: headers (unfolded, RFC 2047 words
 * decoded) and the decoded bodies of the leaf parts. Not a general parser.
 */
export interface MimePart {
  readonly headers: ReadonlyMap<string, string>;
  readonly body: string;
  readonly parts: readonly MimePart[];
}

export function parseMime(raw: string): MimePart {
  const text = raw.replace(/\r\n/g, '\n');
  const split = text.indexOf('\n\n');
  if (split < 0) throw new Error('No blank line between headers and body');
  const headers = parseHeaders(text.slice(0, split));
  const rawBody = text.slice(split + 2);
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (type.toLowerCase().startsWith('multipart/') && boundary) {
    const pieces = rawBody.split(`--${boundary}`).slice(1);
    const parts = pieces
      .filter((piece) => !piece.startsWith('--'))
      .map((piece) => parseMime(piece.replace(/^\n/, '').replace(/\n$/, ''))); // that line end belongs to the boundary
    return { headers, body: '', parts };
  }
  return { headers, body: decodeBody(rawBody, headers.get('content-transfer-encoding')), parts: [] };
}

/** The leaf parts, depth first. */
export function leaves(part: MimePart): MimePart[] {
  return part.parts.length === 0 ? [part] : part.parts.flatMap(leaves);
}

export function partOfType(root: MimePart, type: string): MimePart | undefined {
  return leaves(root).find((p) => (p.headers.get('content-type') ?? '').toLowerCase().startsWith(type));
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers.set(line.slice(0, colon).trim().toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  return headers;
}

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (_, _charset: string, encoding: string, data: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    );
}

function decodeBody(body: string, encoding = '7bit'): string {
  switch (encoding.toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    case 'quoted-printable':
      return decodeQuotedPrintable(body.replace(/=\n/g, ''));
    default:
      return body;
  }
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i] ?? '', 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
