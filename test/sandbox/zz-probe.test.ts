import {test, describe} from 'node:test';
describe('x', () => { test('y', () => {}); });
test('z', async () => {});
