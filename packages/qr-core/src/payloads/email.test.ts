/** email(): `mailto:` URIs, RFC 6068 — its own examples, percent-encoding of every field, %0D%0A line breaks. */
import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { email, type EmailPayload } from './email.js';
import { payload } from './index.js';
import { throwsPayload } from './test-support/assert.js';
import { roundTrip } from './test-support/readers.js';

/** What a mailto: reader recovers: the address and each header field, percent-decoded (RFC 6068 §2). */
function readMailto(uri: string): { to: string; fields: [string, string][] } {
  assert.match(uri, /^mailto:[A-Za-z0-9\-._~%@!$'()*+,;:]*(\?[A-Za-z0-9\-._~%@!$'()*+,;:=&/?]*)?$/, 'only URI characters');
  const [to, query] = uri.slice('mailto:'.length).split('?') as [string, string | undefined];
  const fields = (query ?? '').split('&').filter(Boolean).map((pair) => {
    const [name, value] = pair.split('=') as [string, string];
    return [name, decodeURIComponent(value)] as [string, string];
  });
  return { to: decodeURIComponent(to), fields };
}

describe('email', () => {
  // RFC 6068 §6.1 examples (those with one address and the header fields email() writes).
  const rfcExamples: [EmailPayload, string][] = [
    [{ to: 'chris@example.com' }, 'mailto:chris@example.com'],
    [{ to: 'infobot@example.com', subject: 'current-issue' }, 'mailto:infobot@example.com?subject=current-issue'],
    [{ to: 'infobot@example.com', body: 'send current-issue' }, 'mailto:infobot@example.com?body=send%20current-issue'],
    [{ to: 'infobot@example.com', body: 'send current-issue\nsend index' }, 'mailto:infobot@example.com?body=send%20current-issue%0D%0Asend%20index'],
    [{ to: 'joe@example.com', cc: 'bob@example.com', body: 'hello' }, 'mailto:joe@example.com?cc=bob@example.com&body=hello'],
    [{ to: 'majordomo@example.com', body: 'subscribe bamboo-l' }, 'mailto:majordomo@example.com?body=subscribe%20bamboo-l'],
  ];
  for (const [input, expected] of rfcExamples) {
    test(`RFC 6068 §6.1: ${expected}`, async () => {
      assert.equal(email(input), expected);
      assert.equal(payload({ type: 'email', ...input }), expected);
      assert.equal(await roundTrip(expected), expected);
    });
  }

  test("RFC 6068 §6.2's non-ASCII subject: UTF-8, percent-encoded", () => {
    // §6.2: mailto:user@example.org?subject=caf%C3%A9
    assert.equal(email({ to: 'user@example.org', subject: 'café' }), 'mailto:user@example.org?subject=caf%C3%A9');
  });

  test('every field, several cc and bcc, every special character encoded', async () => {
    const input: EmailPayload = {
      to: 'ada+qr@example.com',
      cc: ['bob@example.com', 'carol@example.org'],
      bcc: 'dave@example.net',
      subject: 'Hello & welcome: 100% = 1+1? #1 "quotes" /slash',
      body: 'Line 1\r\nLine 2\rLine 3\nGrüße 🚀 a=b&c',
    };
    const text = email(input);
    assert.equal(
      text,
      'mailto:ada%2Bqr@example.com?cc=bob@example.com,carol@example.org&bcc=dave@example.net' +
        '&subject=Hello%20%26%20welcome%3A%20100%25%20%3D%201%2B1%3F%20%231%20%22quotes%22%20%2Fslash' +
        '&body=Line%201%0D%0ALine%202%0D%0ALine%203%0D%0AGr%C3%BC%C3%9Fe%20%F0%9F%9A%80%20a%3Db%26c',
    );
    const read = readMailto(text);
    assert.equal(read.to, 'ada+qr@example.com');
    assert.deepEqual(read.fields, [
      ['cc', 'bob@example.com,carol@example.org'],
      ['bcc', 'dave@example.net'],
      ['subject', input.subject],
      ['body', 'Line 1\r\nLine 2\r\nLine 3\r\nGrüße 🚀 a=b&c'],
    ]);
    assert.equal(await roundTrip(text), text);
  });

  test("the sub-delims encodeURIComponent leaves (! ' ( ) *) are encoded too; unreserved - . _ ~ are not", () => {
    assert.equal(email({ to: 'a@example.com', subject: "!'()*-._~" }), "mailto:a@example.com?subject=%21%27%28%29%2A-._~");
  });

  test('non-ASCII addresses (RFC 6531) are percent-encoded as UTF-8', () => {
    assert.equal(email({ to: 'δοκιμή@παράδειγμα.δοκιμή' }), `mailto:${encodeURIComponent('δοκιμή')}@${encodeURIComponent('παράδειγμα.δοκιμή')}`);
  });

  test('empty optional fields are absent', () => {
    assert.equal(email({ to: 'a@example.com', subject: '', body: '', cc: [], bcc: ['', ''] }), 'mailto:a@example.com');
  });

  test('every wrong field is INVALID_PAYLOAD naming it', () => {
    const e = (input: unknown) => () => email(input as EmailPayload);
    throwsPayload(e({ subject: 'x' }), 'email: to is missing: it is required', 'to');
    throwsPayload(e({ to: 'ada' }), 'email: to "ada" is not an e-mail address: it must look like name@example.com', 'to');
    throwsPayload(e({ to: 'a@b@example.com' }), /^email: to "a@b@example\.com" is not an e-mail address/, 'to');
    throwsPayload(e({ to: '<a@example.com>' }), /^email: to "<a@example\.com>" is not an e-mail address/, 'to');
    throwsPayload(e({ to: ['a@example.com'] }), 'email: to a list ["a@example.com"] must be a string', 'to');
    throwsPayload(e({ to: 'a@example.com', cc: 'b@example.com, c@example.com' }), 'email: cc "b@example.com, c@example.com" is not an e-mail address: it must look like name@example.com', 'cc');
    throwsPayload(e({ to: 'a@example.com', bcc: ['x'] }), 'email: bcc "x" is not an e-mail address: it must look like name@example.com', 'bcc');
    throwsPayload(e({ to: 'a@example.com', subject: 'a\nb' }), 'email: subject "a\\nb" holds a line break: it must be one line', 'subject');
    throwsPayload(e({ to: 'a@example.com', body: 'a\u0000' }), 'email: body "a\\u0000" holds the control character U+0000: it must be printable text', 'body');
    throwsPayload(e({ to: 'a@example.com', from: 'b@example.com' }), 'email: from is not a field of email: the fields are to, subject, body, cc, bcc', 'from');
  });
});
