import { expect } from 'chai';
import { onceEach } from './once';

describe('onceEach', () => {
  it('makes a result once per owner and key, and gives every caller that one', async () => {
    const once = onceEach<string, number>();
    const [a, b] = [{}, {}];
    let made = 0;
    const make = async () => ++made;
    expect([await once(a, 'k', make), await once(a, 'k', make), await once(a, 'other', make), await once(b, 'k', make)]).to.deep.equal([1, 1, 2, 3]);
  });

  it('forgets a result that failed, so the next caller makes it again', async () => {
    const once = onceEach<string, string>();
    const owner = {};
    const failed = await once(owner, 'k', async () => {
      throw new Error('boom');
    }).catch((e: Error) => e.message);
    expect(failed).to.equal('boom');
    expect(await once(owner, 'k', async () => 'made again')).to.equal('made again');
  });
});
