import { join } from 'node:path';
import { PermanentJobError } from './permanent-job-error.js';
import { emailTemplatesDir, renderEmail, type EmailMessage } from './render-email.js';

const options = { publicUrl: 'https://hotsox.example' };
const to = { email: 'sam@example.com', username: 'sam' };
const evil = '<b>x</b>';

function email(message: Omit<EmailMessage, 'type' | 'to'>, recipient = to): EmailMessage {
  return { type: 'email.send', to: recipient, ...message } as EmailMessage;
}

/** The visible text of the HTML, roughly: inline tags dropped, others made spaces, Pug's entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<\/?(strong|a)\b[^>]*>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe('renderEmail', () => {
  describe('match-made', () => {
    const rendered = renderEmail(email({ template: 'match-made', data: { otherUsername: 'kim' } }), options);

    it('announces the match in the subject', () => {
      expect(rendered.subject).toBe('You have a match with kim');
    });

    it('greets the recipient and links to the matches page, in text and HTML', () => {
      expect(rendered.text).toMatch(/^Hi sam,\n\n/);
      expect(rendered.text).toContain('Please visit HotSox to check your new match');
      expect(rendered.text).toContain('https://hotsox.example/matches');
      expect(rendered.html).toContain('href="https://hotsox.example/matches"');
      expect(visibleText(rendered.html)).toContain("You and kim liked each other's socks: it's a match!");
    });
  });

  describe('match-ended', () => {
    it('tells the one who ended it that they unmatched', () => {
      const rendered = renderEmail(
        email({ template: 'match-ended', data: { otherUsername: 'kim', endedByMe: true } }),
        options,
      );

      expect(rendered.subject).toBe('You have unmatched kim');
      expect(rendered.text).toContain('You have unmatched kim.');
      expect(rendered.text).toContain('The match between you and kim has been deleted');
      expect(rendered.html).toContain('href="https://hotsox.example/swipe"');
    });

    it('tells the other one that they were unmatched', () => {
      const rendered = renderEmail(
        email({ template: 'match-ended', data: { otherUsername: 'kim', endedByMe: false } }),
        options,
      );

      expect(rendered.subject).toBe('kim has unmatched you');
      expect(rendered.text).toContain('kim has unmatched you.');
      expect(visibleText(rendered.html)).toContain('kim has unmatched you.');
      expect(visibleText(rendered.html)).not.toContain('You have unmatched');
    });
  });

  describe('welcome', () => {
    const rendered = renderEmail(email({ template: 'welcome', data: {} }), options);

    it('welcomes the new user and links to adding a first sock', () => {
      expect(rendered.subject).toBe('Welcome to HotSox, the home of lonely socks');
      expect(rendered.text).toContain('Hi ');
      expect(rendered.text).toContain('a lonely sock is waiting for yours');
      expect(rendered.text).toContain('Add your first sock: https://hotsox.example/socks/new');
      expect(visibleText(rendered.html)).toContain('a lonely sock is waiting for yours');
      expect(rendered.html).toContain('href="https://hotsox.example/socks/new"');
      expect(rendered.text).toContain('You can turn them off in your profile.');
    });
  });

  describe('account-deleted', () => {
    const rendered = renderEmail(email({ template: 'account-deleted', data: {} }), options);

    it('confirms the deletion, sadly', () => {
      expect(rendered.subject).toBe('HotSox account deletion');
      expect(rendered.text).toContain('Your HotSox account has been deleted');
      expect(rendered.text).toContain('We are very sorry to see you go :(');
      expect(visibleText(rendered.html)).toContain('We are very sorry to see you go :(');
      expect(rendered.html).toContain('href="https://hotsox.example/"');
    });
  });

  describe('password-reset', () => {
    it('links to the reset page and says the link lasts 1 hour', () => {
      const resetUrl = 'https://hotsox.example/reset-password?token=abc';
      const rendered = renderEmail(email({ template: 'password-reset', data: { resetUrl } }), options);

      expect(rendered.subject).toBe('Reset your HotSox password');
      expect(rendered.text).toContain('valid for 1 hour');
      expect(rendered.text).toContain(resetUrl);
      expect(rendered.html).toContain(`href="${resetUrl}"`);
      expect(visibleText(rendered.html)).toContain('The link is valid for 1 hour.');
    });

    it('escapes the link in the HTML attribute', () => {
      const rendered = renderEmail(
        email({ template: 'password-reset', data: { resetUrl: 'https://hotsox.example/r?a=1&b="2"' } }),
        options,
      );

      expect(rendered.html).toContain('href="https://hotsox.example/r?a=1&amp;b=%222%22"');
      expect(rendered.html).not.toContain('"2"');
    });

    it('takes a path below publicUrl', () => {
      const rendered = renderEmail(
        email({ template: 'password-reset', data: { resetUrl: '/reset-password?token=abc' } }),
        { publicUrl: 'https://hotsox.example/app/' },
      );

      expect(rendered.html).toContain('href="https://hotsox.example/app/reset-password?token=abc"');
    });

    it.each(['javascript:alert(1)', 'not a url', '//evil.example/x'])(
      'refuses the link %j for good',
      (resetUrl) => {
        expect(() => renderEmail(email({ template: 'password-reset', data: { resetUrl } }), options)).toThrow(
          PermanentJobError,
        );
      },
    );
  });

  describe('escaping', () => {
    const messages: EmailMessage[] = [
      email(
        { template: 'match-made', data: { otherUsername: evil } },
        { email: 'e@example.com', username: evil },
      ),
      email(
        { template: 'match-ended', data: { otherUsername: evil, endedByMe: true } },
        { email: 'e@example.com', username: evil },
      ),
      email(
        { template: 'match-ended', data: { otherUsername: evil, endedByMe: false } },
        { email: 'e@example.com', username: evil },
      ),
      email({ template: 'account-deleted', data: {} }, { email: 'e@example.com', username: evil }),
      email(
        { template: 'password-reset', data: { resetUrl: 'https://hotsox.example/r' } },
        { email: 'e@example.com', username: evil },
      ),
    ];

    it.each(messages.map((m) => [m.template, m] as const))(
      '%s writes a username as text, never as markup',
      (_, message) => {
        const rendered = renderEmail(message, options);

        expect(rendered.html).not.toContain('<b>');
        expect(rendered.html).toContain('&lt;b&gt;x&lt;/b&gt;');
        expect(rendered.text).toContain(evil); // plain text is not HTML: nothing to escape
      },
    );
  });

  it.each([
    email({ template: 'match-made', data: { otherUsername: 'kim' } }),
    email({ template: 'match-ended', data: { otherUsername: 'kim', endedByMe: true } }),
    email({ template: 'match-ended', data: { otherUsername: 'kim', endedByMe: false } }),
    email({ template: 'account-deleted', data: {} }),
    email({ template: 'password-reset', data: { resetUrl: 'https://hotsox.example/r' } }),
  ])('the HTML of $template says what its plain text says', (message) => {
    const { text, html } = renderEmail(message, options);
    const sentences = text
      .split('\n\n')
      .filter((paragraph) => !paragraph.includes('http'))
      .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim());

    expect(sentences.length).toBeGreaterThanOrEqual(3);
    for (const sentence of sentences) expect(visibleText(html)).toContain(sentence);
  });

  it('builds links from publicUrl with or without a trailing slash, keeping a path prefix', () => {
    const message = email({ template: 'match-made', data: { otherUsername: 'kim' } });

    expect(renderEmail(message, { publicUrl: 'http://localhost:3000/' }).html).toContain(
      'href="http://localhost:3000/matches"',
    );
    expect(renderEmail(message, { publicUrl: 'https://example.com/hotsox' }).html).toContain(
      'href="https://example.com/hotsox/matches"',
    );
  });

  it('refuses a publicUrl that is not http(s)', () => {
    const message = email({ template: 'account-deleted', data: {} });

    expect(() => renderEmail(message, { publicUrl: 'ftp://example.com' })).toThrow(PermanentJobError);
  });

  it('produces a complete, inline-styled HTML document', () => {
    const { html } = renderEmail(email({ template: 'account-deleted', data: {} }), options);

    expect(html).toMatch(/^<!DOCTYPE html><html lang="en">/);
    expect(html).toContain('<title>HotSox account deletion</title>');
    expect(html).not.toContain('<style');
    expect(html).not.toContain('<script');
  });
});

describe('emailTemplatesDir', () => {
  const root = join(__dirname, '..', '..', '..');
  const templates = join(root, 'src', 'adapters', 'queue', 'emails');

  it('finds the templates from the source folder', () => {
    expect(emailTemplatesDir(__dirname)).toBe(templates);
  });

  it('finds the same templates from the build folder, which has no copy of them', () => {
    expect(emailTemplatesDir(join(root, 'dist', 'src', 'adapters', 'queue'))).toBe(templates);
  });
});
