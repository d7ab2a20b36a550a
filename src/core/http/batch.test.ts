import {
  batchAnswers,
  decodeBatchRequest,
  decodeBatchResponse,
  encodeBatchRequest,
  encodeBatchResponse,
} from './batch';

// catalogue: REST-CAL-BATCH
describe('HTTP batch codec', () => {
  it('writes one application/http part per call and reads them back in order', () => {
    const body = encodeBatchRequest('b1', [
      { id: 'S1', method: 'POST', path: '/calendar/v3/calendars/c/events?sendUpdates=all', body: { summary: 'è' } },
      { id: 'S2', method: 'DELETE', path: '/calendar/v3/calendars/c/events/e2' },
    ]);
    expect(body).toContain('Content-Type: application/http\r\nContent-ID: <S1>');
    const parts = decodeBatchRequest('multipart/mixed; boundary=b1', body);
    expect(parts?.map((p) => [p.id, p.method, p.path])).toEqual([
      ['S1', 'POST', '/calendar/v3/calendars/c/events?sendUpdates=all'],
      ['S2', 'DELETE', '/calendar/v3/calendars/c/events/e2'],
    ]);
    expect(JSON.parse(parts?.[0]?.body ?? '')).toEqual({ summary: 'è' });
    expect(parts?.[1]?.body).toBe('');
  });

  it('reads each inner status and JSON body, matching response-<id> to its call', () => {
    const text = encodeBatchResponse('r1', [
      { id: 'S1', status: 200, body: { id: 'e1' } },
      { id: 'S2', status: 404, body: { error: { code: 404 } } },
      { id: 'S3', status: 204, body: null },
    ]);
    expect(text).toContain('Content-ID: <response-S1>');
    expect(decodeBatchResponse('multipart/mixed; boundary="r1"', text)).toEqual([
      { id: 'S1', status: 200, body: { id: 'e1' } },
      { id: 'S2', status: 404, body: { error: { code: 404 } } },
      { id: 'S3', status: 204, body: null },
    ]);
  });

  it('is not a batch without a boundary', () => {
    expect(decodeBatchRequest('application/json', '{}')).toBeNull();
    expect(() => decodeBatchResponse('text/plain', '')).toThrow('Risposta batch senza boundary');
  });
});

// catalogue: REST-CAL-BATCH
describe('answers of one batch', () => {
  it('gives a batch refused as a whole its status and error body for every call', () => {
    const body = { error: { code: 429, message: 'Rate Limit Exceeded' } };
    expect(batchAnswers(429, 'application/json', JSON.stringify(body), ['1', '2'])).toEqual([
      { status: 429, body },
      { status: 429, body },
    ]);
  });

  it('matches each call to its part and answers 500 for a call the batch left out', () => {
    const text = encodeBatchResponse('r1', [{ id: '2', status: 204, body: null }]);
    expect(batchAnswers(200, 'multipart/mixed; boundary=r1', text, ['1', '2'])).toEqual([
      { status: 500, body: null },
      { status: 204, body: null },
    ]);
  });
});
