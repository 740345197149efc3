import { expect } from '@open-wc/testing';
import { LazyModule } from './lazy-module.js';

const FAILURE = { code: 'NETWORK', message: 'could not be loaded' } as const;

describe('LazyModule', () => {
  it('loads once for every caller, and says when it has arrived', async () => {
    let loads = 0;
    const module = new LazyModule(async () => ({ loaded: ++loads }), FAILURE);
    expect(module.value).to.equal(undefined);
    expect(await Promise.all([module.get(), module.get()])).to.deep.equal([true, true]);
    expect(await module.get()).to.equal(true);
    expect(loads).to.equal(1);
    expect(module.value).to.deep.equal({ loaded: 1 });
    expect(await module.arrived).to.equal(module.value);
  });

  it('reports a failed load as false and tries again at the next need', async () => {
    let attempt = 0;
    const module = new LazyModule(async () => {
      if (++attempt === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return { attempt };
    }, FAILURE);
    expect(await module.get()).to.equal(false);
    expect(module.value).to.equal(undefined);
    expect(await module.get()).to.equal(true);
    expect(module.value).to.deep.equal({ attempt: 2 });
  });

  it('never loads a module handed over', async () => {
    const module = new LazyModule<{ given: boolean }>(() => Promise.reject(new Error('not to be fetched')), FAILURE);
    module.provide({ given: true });
    expect(await module.get()).to.equal(true);
    expect(await module.arrived).to.deep.equal({ given: true });
  });
});
