import sharp from 'sharp';
import type { ColorKey } from '../../domain/options/option-lists.js';
import { imageKey, type ImageSpec } from './demo-plan.js';

const SIZE = 480;

const SOCK_COLORS: Record<ColorKey, { fill: string; dark: string; background: string }> = {
  black: { fill: '#2b2b2b', dark: '#111111', background: '#ffe0b2' },
  grey: { fill: '#9aa0a6', dark: '#5f6368', background: '#e3f2fd' },
  red: { fill: '#e53935', dark: '#8e1c1a', background: '#fff3e0' },
  orange: { fill: '#fb8c00', dark: '#a85d00', background: '#e0f7fa' },
  yellow: { fill: '#fdd835', dark: '#c6a700', background: '#ede7f6' },
  multicolor: { fill: 'url(#rainbow)', dark: '#37474f', background: '#fafafa' },
  blue: { fill: '#1e88e5', dark: '#0d47a1', background: '#fffde7' },
  purple: { fill: '#8e24aa', dark: '#4a148c', background: '#f1f8e9' },
  green: { fill: '#43a047', dark: '#1b5e20', background: '#fce4ec' },
  white: { fill: '#f5f5f5', dark: '#bdbdbd', background: '#90a4ae' },
};

const AVATAR_PALETTES = [
  ['#ff8a65', '#ffe0b2'],
  ['#4db6ac', '#e0f2f1'],
  ['#7986cb', '#e8eaf6'],
  ['#f06292', '#fce4ec'],
  ['#aed581', '#f1f8e9'],
  ['#ffd54f', '#fff8e1'],
  ['#4fc3f7', '#e1f5fe'],
  ['#ba68c8', '#f3e5f5'],
] as const;

/** The outline of a sock: a leg down to a heel, a foot to the right, a rounded toe. */
const SOCK_PATH =
  'M170 50 L290 50 L290 270 Q290 292 314 298 L384 314 Q434 326 428 370 Q422 412 372 412 L230 412 Q170 412 170 350 Z';

/**
 * Demo pictures, drawn as SVG and rendered to PNG by sharp: each distinct image once per process
 * (a few dozen in all), then handed out as the same bytes.
 */
export class DemoImages {
  private readonly rendered = new Map<string, Promise<Buffer>>();

  png(spec: ImageSpec): Promise<Buffer> {
    const key = imageKey(spec);
    let png = this.rendered.get(key);
    if (!png) {
      png = sharp(
        Buffer.from(
          spec.kind === 'sock' ? sockSvg(spec.color, spec.pattern) : avatarSvg(spec.palette, spec.face),
        ),
      )
        .png()
        .toBuffer();
      this.rendered.set(key, png);
    }
    return png;
  }
}

export function sockSvg(color: ColorKey, pattern: 0 | 1 | 2): string {
  const c = SOCK_COLORS[color];
  const decoration =
    pattern === 1
      ? [90, 150, 210, 270, 330, 390]
          .map((y) => `<rect x="150" y="${y}" width="300" height="22" fill="#ffffff" opacity="0.55"/>`)
          .join('')
      : pattern === 2
        ? [110, 180, 250, 320, 390]
            .flatMap((y, row) =>
              [200, 260, 320, 380].map(
                (x) => `<circle cx="${x + (row % 2) * 30}" cy="${y}" r="13" fill="#ffffff" opacity="0.6"/>`,
              ),
            )
            .join('')
        : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 480 480">
  <defs>
    <clipPath id="sock"><path d="${SOCK_PATH}"/></clipPath>
    <linearGradient id="rainbow" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#e53935"/><stop offset="0.2" stop-color="#fb8c00"/>
      <stop offset="0.4" stop-color="#fdd835"/><stop offset="0.6" stop-color="#43a047"/>
      <stop offset="0.8" stop-color="#1e88e5"/><stop offset="1" stop-color="#8e24aa"/>
    </linearGradient>
  </defs>
  <rect width="480" height="480" fill="${c.background}"/>
  <ellipse cx="300" cy="440" rx="150" ry="16" fill="#000000" opacity="0.12"/>
  <g clip-path="url(#sock)">
    <path d="${SOCK_PATH}" fill="${c.fill}"/>
    ${decoration}
    <rect x="150" y="40" width="160" height="48" fill="${c.dark}"/>
    <rect x="150" y="94" width="160" height="8" fill="${c.dark}" opacity="0.6"/>
    <circle cx="196" cy="392" r="48" fill="${c.dark}" opacity="0.85"/>
    <circle cx="418" cy="370" r="54" fill="${c.dark}" opacity="0.85"/>
  </g>
  <path d="${SOCK_PATH}" fill="none" stroke="#263238" stroke-width="7" stroke-linejoin="round"/>
</svg>`;
}

export function avatarSvg(palette: number, face: 0 | 1 | 2): string {
  const [strong, light] = AVATAR_PALETTES[palette % AVATAR_PALETTES.length] ?? AVATAR_PALETTES[0];
  const mouth =
    face === 0
      ? '<path d="M190 300 Q240 350 290 300" fill="none" stroke="#263238" stroke-width="10" stroke-linecap="round"/>'
      : face === 1
        ? '<ellipse cx="240" cy="312" rx="26" ry="20" fill="#263238"/>'
        : '<path d="M195 305 L285 305" stroke="#263238" stroke-width="10" stroke-linecap="round"/>';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 480 480">
  <rect width="480" height="480" fill="${light}"/>
  <defs><clipPath id="body"><rect x="120" y="40" width="240" height="440" rx="110"/></clipPath></defs>
  <g clip-path="url(#body)">
    <rect x="120" y="40" width="240" height="440" fill="${strong}"/>
    <rect x="120" y="96" width="240" height="26" fill="#ffffff" opacity="0.5"/>
  </g>
  <circle cx="195" cy="220" r="30" fill="#ffffff"/><circle cx="285" cy="220" r="30" fill="#ffffff"/>
  <circle cx="${face === 2 ? 205 : 195}" cy="226" r="13" fill="#263238"/><circle cx="${face === 2 ? 295 : 285}" cy="226" r="13" fill="#263238"/>
  ${mouth}
</svg>`;
}
