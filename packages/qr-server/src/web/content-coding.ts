/** Content negotiation on Accept-Encoding (RFC 9110 §12.5.3) between the codings prepared at startup. */

export type ContentCoding = 'br' | 'gzip' | 'identity';

/** Picks the coding with the highest q-value among `available`; on a tie, the smaller (br before gzip). */
export function chooseCoding(acceptEncoding: string | undefined, available: readonly ContentCoding[]): ContentCoding {
  if (!acceptEncoding) return 'identity';
  const weights = new Map<string, number>();
  for (const item of acceptEncoding.split(',')) {
    const [name = '', ...params] = item.split(';').map((part) => part.trim().toLowerCase());
    if (name === '') continue;
    const q = params.find((param) => param.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  let best: ContentCoding = 'identity';
  let bestWeight = 0;
  for (const coding of available) {
    if (coding === 'identity') continue;
    const weight = weights.get(coding) ?? weights.get('*') ?? 0;
    if (weight > bestWeight) {
      best = coding;
      bestWeight = weight;
    }
  }
  return best;
}
