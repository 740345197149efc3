/**
 * The OpenAPI 3.1 description served at /openapi.json. Written by hand, so it reads as
 * documentation, except the payloads' schemas, which are generated from qr-core's
 * PAYLOAD_SCHEMAS; openapi.test.ts holds it to the route table and to the fields qr-request.ts
 * accepts, and the values below come from the same constants the code uses.
 */
import {
  DEFAULT_DARK,
  DEFAULT_ECL,
  DEFAULT_LIGHT,
  DEFAULT_LOGO_SIZE,
  DEFAULT_MARGIN,
  DEFAULT_SCALE,
  defaultMargin,
  ECL_RECOVERY_PERCENT,
  ECLS,
  FINDER_SHAPES,
  LOGO_TYPES,
  MAX_LOGO_BYTES,
  MAX_LOGO_PIXELS,
  MODULE_SHAPES,
  SYMBOLOGIES,
} from 'qr-core';
import { PAYLOAD_SCHEMAS, PAYLOAD_TYPES, type PayloadFieldSchema, type PayloadType } from 'qr-core/payloads';
import { DEFAULT_MAX_BODY_BYTES } from './config.js';
import { API_MAX_IMAGE_SIDE_PX } from './limits.js';
import {
  BODY_TYPES,
  FORMATS,
  MARGIN_RANGE,
  MAX_HEIGHT_RANGE,
  MAX_WIDTH_RANGE,
  PAYLOAD_FIELD,
  PAYLOAD_TYPE_FIELD,
  SCALE_RANGE,
  SYMBOLOGY_ECLS,
  SYMBOLOGY_NAMES,
} from './qr-request.js';

const problem = { $ref: '#/components/responses/Problem' };
const imageContent = {
  'image/png': { schema: { type: 'string', contentMediaType: 'image/png' } },
  'image/svg+xml': { schema: { type: 'string', contentMediaType: 'image/svg+xml' } },
};

/** One description per option, shared by the query parameters and the JSON body. */
const options = {
  format: { type: 'string', enum: FORMATS, description: 'Image type. Without it: SVG when Accept ranks image/svg+xml above image/png, else PNG.' },
  symbology: {
    type: 'string',
    enum: SYMBOLOGIES,
    default: SYMBOLOGIES[0],
    examples: ['micro', 'rmqr'],
    description:
      "The QR family member: 'qr' QR Code (ISO/IEC 18004, versions 1–40); 'micro' Micro QR (M1–M4, 11×11 to 17×17 modules, one finder pattern: tiny marks on parts and tickets); " +
      "'rmqr' rectangular Micro QR (ISO/IEC 23941, R7x43 to R17x139: narrow labels; the smallest area that holds the data, within maxHeight and maxWidth). " +
      'The smallest symbol that holds the data at the ECL is made; too much data is a 422 that says how much that symbology holds. Case-insensitive. ' +
      'Logos are drawn on QR codes only, and Micro QR has no GS1 (FNC1) mode: either is a 400 with another symbology.',
  },
  gs1: {
    type: 'boolean',
    default: false,
    examples: [true],
    description:
      'The text is a GS1 element string, in the bracketed form (01)09506000134352(17)201225(10)ABC1 or with GS (0x1D) after variable-length elements, ' +
      "encoded with FNC1 in first position (a GS1 QR code, read as ]Q3): with symbology 'qr' or 'rmqr'. The elements are checked (known AIs, lengths, check digits, dates): " +
      'a wrong one is a 400 INVALID_DATA naming the AI. Not with a payload. In a query or form: 1, true, 0 or false.',
  },
  maxHeight: {
    type: 'integer',
    minimum: MAX_HEIGHT_RANGE.min,
    maximum: MAX_HEIGHT_RANGE.max,
    examples: [9],
    description: "rMQR only (symbology 'rmqr'): the most modules down, for a label of fixed height; 9 keeps to the R7 and R9 sizes. Without it, any height.",
  },
  maxWidth: {
    type: 'integer',
    minimum: MAX_WIDTH_RANGE.min,
    maximum: MAX_WIDTH_RANGE.max,
    examples: [77],
    description: "rMQR only (symbology 'rmqr'): the most modules across (the quiet zone not counted). Without it, any width.",
  },
  ecl: {
    type: 'string',
    enum: ECLS,
    default: DEFAULT_ECL,
    description:
      `Error correction level (${ECLS.map((level) => `${level} ≈ ${ECL_RECOVERY_PERCENT[level]} %`).join(', ')} recoverable); case-insensitive. ` +
      `Each symbology has its own: ${SYMBOLOGIES.map((symbology) => `${SYMBOLOGY_NAMES[symbology]} ${SYMBOLOGY_ECLS[symbology].join(', ')}`).join('; ')} (Micro QR's Q in M4 only); another is a 400.`,
  },
  scale: { type: 'integer', minimum: SCALE_RANGE.min, maximum: SCALE_RANGE.max, default: DEFAULT_SCALE, description: `Pixels per module. The whole image is at most ${API_MAX_IMAGE_SIDE_PX} px wide.` },
  margin: {
    type: 'integer',
    minimum: MARGIN_RANGE.min,
    maximum: MARGIN_RANGE.max,
    default: DEFAULT_MARGIN,
    description: `Quiet zone in modules. The default is the one each standard asks for: ${SYMBOLOGIES.map((symbology) => `${defaultMargin(symbology)} for ${SYMBOLOGY_NAMES[symbology]}`).join(', ')}.`,
  },
  dark: { type: 'string', default: DEFAULT_DARK, description: "Colour of dark modules: '#rgb', '#rrggbb', '#rrggbbaa' or 'transparent'." },
  light: { type: 'string', default: DEFAULT_LIGHT, description: "Colour of light modules and the quiet zone: '#rgb', '#rrggbb', '#rrggbbaa' or 'transparent'." },
  moduleShape: { type: 'string', enum: MODULE_SHAPES, default: MODULE_SHAPES[0], description: "Shape of the data modules: 'square', 'rounded' (neighbours joined, outer corners rounded) or 'dots'." },
  finderShape: { type: 'string', enum: FINDER_SHAPES, default: FINDER_SHAPES[0], description: "Shape of the three finder patterns: 'square', 'rounded' or 'circle'." },
  finderColor: { type: 'string', description: 'Colour of the three finder patterns, in the forms of dark; default: dark.' },
  logo: {
    type: 'string',
    description:
      `A logo for the centre, as a data: URL (data:image/png;base64,…; in a query or form, percent-encoded), or in multipart/form-data as a file part; at most ${MAX_LOGO_BYTES} bytes. ` +
      `PNG for PNG output (at most ${MAX_LOGO_PIXELS} pixels); PNG, JPEG, WebP or SVG for SVG output. The server never fetches a URL: any other value is a 400. ` +
      'With a logo and no ecl, ecl is H. In a GET query a logo fits only within the 16 KiB of the request line and headers (about 11 KiB of file).',
  },
  logoSize: {
    type: 'number',
    exclusiveMinimum: 0,
    maximum: 1,
    description: `The logo's side as a fraction of the symbol's, only with a logo; default: ${DEFAULT_LOGO_SIZE}, or less when the symbol's error correction allows less. Larger than it allows is a 422 naming the largest.`,
  },
  download: { type: 'boolean', default: false, description: 'Adds Content-Disposition: attachment; filename="qr.png" (or qr.svg). In the query: 1, true, 0 or false.' },
} as const;

const dataFields = {
  data: {
    type: 'string',
    minLength: 1,
    examples: ['https://example.com', '(01)09506000134352(17)201225(10)ABC1'],
    description: 'The text to encode (UTF-8); with gs1, a GS1 element string.',
  },
  url: { type: 'string', minLength: 1, description: 'Same as data: the name the original service used.' },
  text: { type: 'string', minLength: 1, description: 'Same as data.' },
} as const;

/** The name of a payload type's schema in components.schemas: WifiPayload, as qr-core names its type. */
export function payloadSchemaName(type: PayloadType): string {
  return `${type[0]?.toUpperCase()}${type.slice(1)}Payload`;
}

/** A payload field's JSON Schema, from its kind; a secret is marked as OpenAPI marks passwords. */
function payloadFieldSchema(field: PayloadFieldSchema): Record<string, unknown> {
  const about = { title: field.label, description: field.description };
  const secret = field.secret ? { format: 'password', writeOnly: true } : {};
  switch (field.kind) {
    case 'string':
      return { type: 'string', ...secret, ...about };
    case 'number':
      return { type: 'number', ...about };
    case 'boolean':
      return { type: 'boolean', ...about };
    case 'choice':
      return { type: 'string', enum: field.choices ?? [], ...about };
    case 'strings':
      return { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }], ...about };
  }
}

/** One schema per payload type, generated from PAYLOAD_SCHEMAS: what payload() takes, `type` naming it. */
const payloadSchemas = Object.fromEntries(
  PAYLOAD_TYPES.map((type) => {
    const { label, fields, ecl } = PAYLOAD_SCHEMAS[type];
    return [
      payloadSchemaName(type),
      {
        type: 'object',
        title: label,
        description: `A ${label} payload (type ${type}), made into its text by qr-core/payloads.${ecl === undefined ? '' : ` Encoded at ECL ${ecl}, which its specification requires; another ecl is a 400.`}`,
        additionalProperties: false,
        required: [PAYLOAD_TYPE_FIELD, ...fields.filter((field) => field.required).map((field) => field.name)],
        properties: {
          [PAYLOAD_TYPE_FIELD]: { const: type },
          ...Object.fromEntries(fields.map((field) => [field.name, payloadFieldSchema(field)])),
        },
      },
    ];
  }),
);

const payloadDescription =
  'Instead of data, url or text: what people put in QR codes (Wi-Fi, contact cards, e-mail, SMS, phone, places, events, SEPA payments), ' +
  'made into its text by qr-core/payloads; an error in a field is a 400 INVALID_PAYLOAD whose problem names it in `field`. ' +
  'In JSON an object; in a query or form its members flat (type=wifi&ssid=home&password=…; a list field repeated; booleans true, false, 1 or 0; numbers as decimal text), ' +
  'where url and text are the payload\'s fields when its type has them, every other name but the options is refused, and an empty value is a field left blank. ' +
  'A payload with a secret (a Wi-Fi password) is never logged and its answers carry Cache-Control: no-store; send it by POST, as a GET puts it in the URL, which proxies and load balancers may log.';

const payloadProperty = { [PAYLOAD_FIELD]: { $ref: '#/components/schemas/Payload', description: payloadDescription } } as const;

const queryParameters = [
  ...Object.entries({ ...dataFields, ...options }).map(([name, { description, ...schema }]) => ({
    name,
    in: 'query',
    required: false,
    description,
    schema,
  })),
  // OpenAPI's form style with explode: an object's members as parameters of their own (type=wifi&ssid=…).
  { name: PAYLOAD_FIELD, in: 'query', required: false, style: 'form', explode: true, description: payloadDescription, schema: { $ref: '#/components/schemas/Payload' } },
];
/** Forms carry the payload's members flat, as the query does (OpenAPI's encoding of an object property). */
const flatPayloadEncoding = { [PAYLOAD_FIELD]: { style: 'form', explode: true } } as const;

export const OPENAPI_DOCUMENT = Object.freeze({
  openapi: '3.1.0',
  info: {
    title: 'QR code API',
    version: '1.0.0',
    description:
      'Makes QR codes (ISO/IEC 18004), Micro QR, rMQR (ISO/IEC 23941) and GS1 QR codes as PNG or SVG (symbology, gs1). Give the text in exactly one of data, url or text, or a payload (a Wi-Fi login, a contact card, a SEPA payment, …) that the server makes into its text. ' +
      'Every GET also answers HEAD. Errors are RFC 9457 problem details with a stable `code` member. ' +
      'Answers carry CORS headers for the configured origins, X-Content-Type-Options: nosniff, and X-Request-Id.',
  },
  paths: {
    '/generate_qr/': {
      post: {
        operationId: 'generateQr',
        summary: 'Make a QR code (the original contract: POST /generate_qr/?url=TEXT answers a PNG)',
        parameters: queryParameters,
        requestBody: {
          required: false,
          description: `Optional; at most MAX_BODY_BYTES (default ${DEFAULT_MAX_BODY_BYTES / 1024} KiB, room for a ${MAX_LOGO_BYTES / 1024} KiB logo in base64). A field may come from the query or the body, not both. Accepted types: ${BODY_TYPES.join(', ')}.`,
          content: {
            'application/json': { schema: { $ref: '#/components/schemas/QrOptions' } },
            'application/x-www-form-urlencoded': { schema: { $ref: '#/components/schemas/QrOptions' }, encoding: flatPayloadEncoding },
            'multipart/form-data': {
              schema: { $ref: '#/components/schemas/QrForm' },
              encoding: { logo: { contentType: [...LOGO_TYPES, 'application/octet-stream', 'text/plain'].join(', ') }, ...flatPayloadEncoding },
            },
            'text/plain': { schema: { type: 'string', description: 'The whole body is the text to encode.' } },
          },
        },
        responses: {
          '200': { description: 'The image.', content: imageContent },
          '400': problem,
          '413': problem,
          '415': problem,
          '422': problem,
          '503': problem,
        },
      },
      get: {
        operationId: 'getQr',
        summary: 'Make a QR code for <img src>: cacheable, with a strong ETag',
        parameters: [
          ...queryParameters,
          { name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' }, description: 'An ETag from an earlier answer: 304 when it still matches.' },
          { name: 'Accept', in: 'header', required: false, schema: { type: 'string' }, description: 'image/svg+xml ranked above image/png picks SVG when no format is given.' },
        ],
        responses: {
          '200': {
            description: 'The image; Cache-Control: public, max-age=31536000, immutable (for a payload with a secret: no-store, and no ETag).',
            headers: { ETag: { schema: { type: 'string' }, description: 'Strong validator of the image.' } },
            content: imageContent,
          },
          '304': { description: 'The image named by If-None-Match is still current.' },
          '400': problem,
          '422': problem,
          '431': problem,
          '503': problem,
        },
      },
    },
    '/healthz': {
      get: {
        operationId: 'health',
        summary: 'Load-balancer health check: 503 once the server is shutting down',
        responses: {
          '200': {
            description: 'Serving.',
            content: { 'application/json': { schema: { type: 'object', properties: { status: { const: 'ok' } }, required: ['status'] } } },
          },
          '503': problem,
        },
      },
    },
    '/openapi.json': {
      get: {
        operationId: 'openapi',
        summary: 'This document',
        responses: { '200': { description: 'OpenAPI 3.1 document.', content: { 'application/json': { schema: { type: 'object' } } } } },
      },
    },
  },
  components: {
    schemas: {
      QrOptions: {
        type: 'object',
        additionalProperties: false,
        description: 'Exactly one of data, url, text and payload. In JSON, unknown members are refused; in a form, unknown names are ignored, but beside a payload\'s type, where they are refused.',
        properties: { ...dataFields, ...payloadProperty, ...options },
      },
      QrForm: {
        type: 'object',
        description: 'The fields of QrOptions as multipart/form-data parts (unknown names are ignored); logo may be a file part.',
        properties: {
          ...dataFields,
          ...payloadProperty,
          ...options,
          logo: {
            description: options.logo.description,
            // anyOf, not oneOf: a text part is a string too, and would match both.
            anyOf: [
              { type: 'string', contentMediaType: 'application/octet-stream', description: 'The logo file, as a file part (curl -F logo=@logo.png); its format is read from its bytes.' },
              { type: 'string', description: 'A data: URL, as a text part.' },
            ],
          },
        },
      },
      Payload: {
        description: 'A payload of one of the types, told apart by type.',
        oneOf: PAYLOAD_TYPES.map((type) => ({ $ref: `#/components/schemas/${payloadSchemaName(type)}` })),
        discriminator: {
          propertyName: PAYLOAD_TYPE_FIELD,
          mapping: Object.fromEntries(PAYLOAD_TYPES.map((type) => [type, `#/components/schemas/${payloadSchemaName(type)}`])),
        },
      },
      ...payloadSchemas,
      Problem: {
        type: 'object',
        description: 'RFC 9457 problem details.',
        required: ['type', 'title', 'status', 'detail', 'code'],
        properties: {
          type: { type: 'string', const: 'about:blank' },
          title: { type: 'string', description: 'The HTTP status phrase.' },
          status: { type: 'integer' },
          detail: { type: 'string', description: 'What went wrong and what to do about it.' },
          code: {
            type: 'string',
            description: 'Stable machine-readable code, e.g. MISSING_DATA, MALFORMED_JSON, INVALID_FIELD, INVALID_OPTION, INVALID_LOGO, INVALID_PAYLOAD, BAD_PERCENT_ENCODING, IMAGE_TOO_LARGE, BODY_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, DATA_TOO_LONG, LOGO_TOO_LARGE, LOGO_TOO_MANY_PIXELS, HEADERS_TOO_LARGE, SHUTTING_DOWN.',
          },
          field: { type: 'string', description: 'With INVALID_PAYLOAD: the payload field at fault, such as iban (absent when the error concerns the payload as a whole).' },
          requestId: { type: 'string' },
        },
      },
    },
    responses: {
      Problem: {
        description: 'An error: 400 bad input, 404, 405 (with Allow), 408, 413 body too large, 415, 422 data does not fit the symbology (or a logo is larger than it can lose, or has more pixels than the server decodes), 431 request line and headers too large, 503 shutting down.',
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      },
    },
  },
});
