import assert from 'node:assert/strict';
import {test} from 'node:test';
import {DocumentPage, ErrorBody, TranscriptPage} from '../../src/contract/schemas.js';
import {call, control, tenant} from './helpers.js';

void test('fault rules carry a custom message and 422 field messages in the contract error body', async () => {
  const t = await tenant({customers: 1});
  const message = '<img src=x onerror=alert(1)> \u202Eevil';
  await control('PUT', '/faults', t.token, {rules: [{method: 'GET', path: '/customers', status: 500, message}, {method: 'POST', path: '/customers', status: 422, fields: {email: 'Taken'}}]});
  const failed = await call(t.token, 'GET', '/customers');
  assert.equal(failed.status, 500);
  assert.equal(ErrorBody.parse(failed.body).error.message, message);
  const invalid = await call(t.token, 'POST', '/customers', {name: 'A', email: 'a@a.example'});
  assert.equal(invalid.status, 422);
  assert.deepEqual(ErrorBody.parse(invalid.body).error.fields, {email: 'Taken'});
});

void test('POST /__sandbox/transcripts stores any title for a customer of the caller’s tenant only', async () => {
  const t = await tenant({customers: 1});
  const other = await tenant({customers: 1});
  const customer = (await call(t.token, 'GET', '/customers')).body.data[0];
  const title = '"><script>alert(1)</script> שלום';
  const created = await control('POST', '/transcripts', t.token, {customer_id: customer.id, title, documents: ['txt', 'srt']});
  assert.equal(created.status, 201);
  const page = TranscriptPage.parse((await call(t.token, 'GET', `/transcripts?customer_id=${customer.id}&q=script`)).body);
  assert.ok(page.data.some((x) => x.id === created.body.id && x.title === title));
  const docs = DocumentPage.parse((await call(t.token, 'GET', `/transcripts/documents?transcript_id=${created.body.id}`)).body);
  assert.equal(docs.data.filter((d) => d.transcript_id === created.body.id).length, 2);
  assert.equal((await control('POST', '/transcripts', other.token, {customer_id: customer.id, title: 'x'})).status, 404, 'another tenant’s customer');
  assert.equal((await control('POST', '/transcripts', t.reselleeToken, {customer_id: customer.id, title: 'x'})).status, 403);
  assert.equal((await control('POST', '/transcripts', t.token, {customer_id: customer.id, title: ''})).status, 422);
});
