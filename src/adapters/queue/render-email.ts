import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import pug, { type compileTemplate } from 'pug';
import type { EmailTemplate, OutboxMessage } from '../../application/ports/outbox.js';
import { PermanentJobError } from './permanent-job-error.js';

export type EmailMessage = Extract<OutboxMessage, { type: 'email.send' }>;
type TemplateName = EmailTemplate['template'];

export interface RenderedEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export interface EmailRenderOptions {
  /** Where users reach the web app, e.g. `https://hotsox.example` (links in emails start here). */
  readonly publicUrl: string;
}

/** Pages of the web app that emails link to, below `publicUrl`. */
export const EMAIL_LINK_PATHS = { matches: '/matches', swipe: '/swipe', newSock: '/socks/new' } as const;

const TEMPLATE_NAMES: readonly TemplateName[] = [
  'welcome',
  'match-made',
  'match-ended',
  'account-deleted',
  'password-reset',
];
const TEMPLATES_FROM_ROOT = join('src', 'adapters', 'queue', 'emails');
const NOTIFICATIONS_FOOTER =
  'You get this email because you turned on notifications. You can turn them off in your profile.';
const ACCOUNT_FOOTER = 'You get this email because you have a HotSox account.';

let compiled: Record<TemplateName, compileTemplate> | undefined;

/**
 * The folder of the `.pug` email templates. tsc does not copy them into `dist`, so they are
 * looked up from the project root (the nearest folder above this file with a package.json and the
 * templates), which works the same from `src` (Jest, ts) and from `dist/src` (built code).
 */
export function emailTemplatesDir(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, TEMPLATES_FROM_ROOT);
    if (existsSync(join(dir, 'package.json')) && existsSync(join(candidate, 'layout.pug'))) return candidate;
    if (dirname(dir) === dir)
      throw new Error(`Email templates not found in ${TEMPLATES_FROM_ROOT} above ${from}`);
  }
}

/** Compiles every template once (idempotent); call at start-up to fail fast on a missing or broken template. */
export function compileEmailTemplates(): void {
  templates();
}

function templates(): Record<TemplateName, compileTemplate> {
  if (!compiled) {
    const dir = emailTemplatesDir();
    const entries = TEMPLATE_NAMES.map((name) => [name, pug.compileFile(join(dir, `${name}.pug`))] as const);
    compiled = Object.fromEntries(entries) as Record<TemplateName, compileTemplate>;
  }
  return compiled;
}

/**
 * Subject, plain text and HTML of an email. The HTML comes from the Pug templates, which escape
 * every value; the plain text is written here, from the same copy.
 * @throws {PermanentJobError} when `publicUrl` or a link in the message is not an http(s) URL
 */
export function renderEmail(message: EmailMessage, options: EmailRenderOptions): RenderedEmail {
  const base = baseUrl(options.publicUrl);
  const homeUrl = `${base}/`;
  const copy = copyOf(message, base);
  const html = templates()[message.template]({
    ...copy.locals,
    subject: copy.subject,
    username: message.to.username,
    homeUrl,
  });
  const text = [
    `Hi ${message.to.username},`,
    ...copy.paragraphs,
    "Happy sockin'!\nThe HotSox team",
    `--\n${copy.footer}\n${homeUrl}`,
  ].join('\n\n');
  return { subject: copy.subject, text: `${text}\n`, html };
}

interface Copy {
  readonly subject: string;
  /** The plain-text body between the greeting and the sign-off; mirrors the template. */
  readonly paragraphs: readonly string[];
  readonly footer: string;
  /** The values the template needs. */
  readonly locals: Record<string, unknown>;
}

function copyOf(message: EmailMessage, base: string): Copy {
  switch (message.template) {
    case 'match-made': {
      const other = message.data.otherUsername;
      const matchesUrl = `${base}${EMAIL_LINK_PATHS.matches}`;
      return {
        subject: `You have a match with ${other}`,
        paragraphs: [
          `You and ${other} liked each other's socks: it's a match!`,
          'Please visit HotSox to check your new match and say hello :)',
          `See your matches: ${matchesUrl}`,
        ],
        footer: NOTIFICATIONS_FOOTER,
        locals: { otherUsername: other, matchesUrl },
      };
    }
    case 'match-ended': {
      const { otherUsername: other, endedByMe } = message.data;
      const swipeUrl = `${base}${EMAIL_LINK_PATHS.swipe}`;
      return {
        subject: endedByMe ? `You have unmatched ${other}` : `${other} has unmatched you`,
        paragraphs: [
          endedByMe ? `You have unmatched ${other}.` : `${other} has unmatched you.`,
          `The match between you and ${other} has been deleted, and so has your chat. ` +
            "Neither of you will see the other's socks again.",
          "Don't let it get you down: there are plenty more socks in the drawer!",
          `Keep swiping: ${swipeUrl}`,
        ],
        footer: NOTIFICATIONS_FOOTER,
        locals: { otherUsername: other, endedByMe, swipeUrl },
      };
    }
    case 'welcome': {
      const newSockUrl = `${base}${EMAIL_LINK_PATHS.newSock}`;
      return {
        subject: 'Welcome to HotSox, the home of lonely socks',
        paragraphs: [
          'Welcome to HotSox! Somewhere out there, a lonely sock is waiting for yours.',
          'Add your first lonely sock: its colour, its fabric, its story, and a picture or two. Then swipe on ' +
            "other people's socks: when two socks like each other, it's a match, and you can chat.",
          `Add your first sock: ${newSockUrl}`,
        ],
        footer: NOTIFICATIONS_FOOTER,
        locals: { newSockUrl },
      };
    }
    case 'account-deleted':
      return {
        subject: 'HotSox account deletion',
        paragraphs: [
          'Your HotSox account has been deleted, together with your socks, pictures, matches and messages.',
          'We are very sorry to see you go :(',
          'If you ever find another lonely sock, you are always welcome back.',
        ],
        footer: ACCOUNT_FOOTER,
        locals: {},
      };
    case 'password-reset': {
      const resetUrl = absoluteUrl(message.data.resetUrl, base);
      return {
        subject: 'Reset your HotSox password',
        paragraphs: [
          'Someone (hopefully you) asked to reset the password of your HotSox account.',
          'Choose a new password with the link below. The link is valid for 1 hour.',
          `Choose a new password: ${resetUrl}`,
          'If you did not ask for this, just ignore this email: your password stays as it is.',
        ],
        footer: ACCOUNT_FOOTER,
        locals: { resetUrl },
      };
    }
    default: {
      const unexpected: never = message;
      throw new PermanentJobError(`Unknown email template: ${JSON.stringify(unexpected)}`);
    }
  }
}

/** `publicUrl` without a trailing slash, so that paths can be appended (a path prefix is kept). */
function baseUrl(publicUrl: string): string {
  httpUrl(publicUrl, 'publicUrl');
  return publicUrl.replace(/\/+$/, '');
}

/** A link from a message: absolute http(s), or a path that is taken below `publicUrl`. */
function absoluteUrl(link: string, base: string): string {
  return httpUrl(link.startsWith('/') && !link.startsWith('//') ? `${base}${link}` : link, 'link').href;
}

function httpUrl(value: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new PermanentJobError(`The ${what} of an email is not a URL: ${value}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new PermanentJobError(`The ${what} of an email is not an http(s) URL: ${value}`);
  }
  return url;
}
