/**
 * `multipart/form-data` bodies (RFC 7578), parsed by what Node has built in: the Fetch
 * standard's `Response.formData()`, which undici implements, rather than by hand. It is the one
 * asynchronous step in reading a request, so the server takes it before calling a handler, and
 * handlers stay synchronous functions of the request.
 */
import { HttpError } from './problem.js';

/** Whether `contentType` names a multipart/form-data body. */
export function isMultipart(contentType: string | undefined): boolean {
  return /^\s*multipart\/form-data\s*(;|$)/i.test(contentType ?? '');
}

/** One part of the body: a text field, or a file with its bytes (read whole, under the body limit). */
export type FormPart =
  | { readonly name: string; readonly text: string }
  | { readonly name: string; readonly file: { readonly bytes: Uint8Array; readonly type: string; readonly fileName: string } };

/** The parts of a body already read whole (under the server's body limit), in order. */
export async function readMultipart(body: Buffer, contentType: string): Promise<readonly FormPart[]> {
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData();
  } catch (error) {
    throw new HttpError(
      'BAD_REQUEST',
      `the multipart/form-data body could not be read (${error instanceof Error ? error.message : String(error)}); send it with the boundary its Content-Type names, as browsers and curl -F do`,
    );
  }
  const entries: [string, FormDataEntryValue][] = [];
  form.forEach((value, name) => entries.push([name, value]));
  const parts: FormPart[] = [];
  for (const [name, value] of entries) {
    parts.push(
      typeof value === 'string'
        ? { name, text: value }
        : { name, file: { bytes: new Uint8Array(await value.arrayBuffer()), type: value.type, fileName: value.name } },
    );
  }
  return parts;
}
