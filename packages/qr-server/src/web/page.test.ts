import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { pageContentSecurityPolicy, renderPage } from './page.js';

test('placeholders are filled, the backend URL escaped for an attribute', () => {
  const html = renderPage('<script src="{{asset app.js}}"></script><x-y a="{{ backendUrl }}">', {
    backendUrl: 'https://api.example.com/"><script>',
    assets: { 'app.js': 'app.123.js' },
  });
  assert.equal(html, '<script src="/app.123.js"></script><x-y a="https://api.example.com/&#34;&#62;&#60;script&#62;">');
});

test('a placeholder the manifest cannot fill is a build mistake', () => {
  assert.throws(() => renderPage('{{asset missing.js}}', { backendUrl: '', assets: {} }), /missing\.js/);
  assert.throws(() => renderPage('{{title}}', { backendUrl: '', assets: {} }), /unknown placeholder \{\{title\}\}/);
});

test('the policy allows no inline script and lets the page reach its backend', () => {
  const policy = pageContentSecurityPolicy('https://api.example.com/v1');
  assert.match(policy, /script-src 'self'(;|$)/);
  assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval/);
  assert.match(policy, /connect-src 'self' https:\/\/api\.example\.com(;|$)/);
  assert.match(pageContentSecurityPolicy(''), /connect-src 'self'(;|$)/);
});
