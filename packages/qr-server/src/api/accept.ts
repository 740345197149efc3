/**
 * Content negotiation between the two image types (RFC 9110 §12.5.1, proactive negotiation
 * on `Accept`): SVG only when the client ranks it strictly above PNG. A tie, a missing or an
 * unparsable header keeps PNG, the original service's answer, so browsers' `<img>` requests
 * (which list both) and old clients get what they always got.
 */

export type ImageFormat = 'png' | 'svg';

export function negotiateFormat(accept: string | undefined): ImageFormat {
  if (accept === undefined) return 'png';
  const ranges = parseAccept(accept);
  return quality(ranges, 'image', 'svg+xml') > quality(ranges, 'image', 'png') ? 'svg' : 'png';
}

interface MediaRange {
  readonly type: string;
  readonly subtype: string;
  readonly q: number;
}

function parseAccept(accept: string): MediaRange[] {
  const ranges: MediaRange[] = [];
  for (const element of accept.split(',')) {
    const [mediaType = '', ...parameters] = element.split(';');
    const [type, subtype] = mediaType.trim().toLowerCase().split('/');
    if (!type || !subtype) continue;
    let q = 1;
    for (const parameter of parameters) {
      const [name, value] = parameter.split('=');
      // A weight is 0..1 with at most three decimals (RFC 9110 §12.4.2); anything else is ignored.
      if (name?.trim().toLowerCase() === 'q' && value !== undefined && /^\s*(0(\.\d{0,3})?|1(\.0{0,3})?)\s*$/.test(value)) {
        q = Number(value);
      }
    }
    ranges.push({ type, subtype, q });
  }
  return ranges;
}

/** The weight of the most specific range that matches (RFC 9110 §12.5.1); 0 when none does. */
function quality(ranges: readonly MediaRange[], type: string, subtype: string): number {
  let best: MediaRange | undefined;
  let bestSpecificity = -1;
  for (const range of ranges) {
    const specificity =
      range.type === type && range.subtype === subtype ? 2
      : range.type === type && range.subtype === '*' ? 1
      : range.type === '*' && range.subtype === '*' ? 0
      : -1;
    if (specificity > bestSpecificity) {
      best = range;
      bestSpecificity = specificity;
    }
  }
  return best?.q ?? 0;
}
