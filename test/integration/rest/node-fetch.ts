/**
 * Jest's module sandbox cannot run gaxios' dynamic import of node-fetch, and Node's own fetch refuses a
 * streamed body without `duplex`: this fetch reads a streamed body (googleapis' multipart uploads) into
 * memory first, then hands the request to Node's fetch.
 */
export async function sandboxFetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
  const body = init.body as unknown;
  if (body && typeof body === 'object' && Symbol.asyncIterator in body) {
    const chunks: Buffer[] = [];
    for await (const chunk of body as AsyncIterable<Buffer | string>) chunks.push(Buffer.from(chunk));
    return fetch(input, { ...init, body: Buffer.concat(chunks) });
  }
  return fetch(input, init);
}
