import { encode, toPNGAsync, toSVG } from 'qr-core';

export default {
  async fetch(request) {
    const url = new URL(request.url);
    const qr = encode(url.searchParams.get('data') ?? 'https://example.com');
    if (url.searchParams.get('format') === 'svg') {
      return new Response(toSVG(qr), { headers: { 'content-type': 'image/svg+xml' } });
    }
    return new Response(await toPNGAsync(qr), { headers: { 'content-type': 'image/png' } });
  },
};
