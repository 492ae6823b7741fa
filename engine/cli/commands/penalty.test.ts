import { expect } from 'chai';
import { Command } from 'commander';
import { loadRecords } from '../../load/from-records';
import { loadProfile } from '../../profile/load';
import { JiuzhuError } from '../../errors';
import { penFine } from '../../../policies/rules/penalties/fine';
import { fraudCase } from '../../../policies/rules/penalties/testing';
import { penTier } from '../../../policies/rules/penalties/tier';
import { lint } from './lint';
import { penaltyAdvice } from './penalty';
import { registerPenalty } from '.';
import path from 'node:path';

async function runCommand(register: (p: Command) => void, args: string[]): Promise<{ out: string; code: number | undefined }> {
  const program = new Command('jiuzhu').exitOverride();
  register(program);
  const write = process.stdout.write;
  const saved = process.exitCode;
  let out = '';
  process.stdout.write = ((s: string) => ((out += s), true)) as typeof process.stdout.write;
  try {
    process.exitCode = undefined;
    await program.parseAsync(args, { from: 'user' });
    return { out, code: process.exitCode as number | undefined };
  } finally {
    process.stdout.write = write;
    process.exitCode = saved;
  }
}

describe('jiuzhu penalty', () => {
  it('prints the tier, the reason, the fine range in yuan and the clause (Chinese by default)', async () => {
    const { out, code } = await runCommand(registerPenalty, ['penalty', '--profile', 'hubei-xiantao', '--stage', 'application', '--amount', '1.5万', '--date', '2024-03-01']);
    expect(code).to.equal(0);
    expect(out).to.contain('等级: 较重失信').and.contain('罚款 15,000.00 至 45,000.00 元').and.contain('追缴骗取资金 15,000.00 元').and.contain('仙桃市《社会救助失信行为认定办法(暂行)》').and.not.contain('seed');
  });

  it('prints English with --lang en and the severe measures for a concealed death at 20,000', async () => {
    const { out } = await runCommand(registerPenalty, ['penalty', '--profile', 'hubei-xiantao', '--stage', 'in_receipt', '--amount', '20,000', '--circumstance', 'concealed_death', '--date', '2024-03-01', '--lang', 'en']);
    expect(out).to.contain('Tier: severe').and.contain('enter on the blacklist').and.contain('fine between 20,000.00 and 60,000.00 yuan');
  });

  it('lists each tier’s measures for a profile that grades by gravity (Tieling), with the repair deadline', async () => {
    const { out } = await runCommand(registerPenalty, ['penalty', '--profile', 'liaoning-tieling', '--stage', 'in_receipt', '--amount', '５０００', '--date', '2024-03-15']);
    expect(out).to.contain('【较重失信】').and.contain('自决定当月(2024-03)起停止').and.contain('至迟于 2024-09-15');
  });

  it('throws JiuzhuError for a user mistake (unknown circumstance, unreadable amount)', () => {
    const q = { profile: 'hubei-xiantao', stage: 'application' as const, amount: '15000', circumstances: [] as string[], date: '2024-03-01', lang: 'zh' as const };
    expect(() => penaltyAdvice({ ...q, circumstances: ['bribery'] })).to.throw(JiuzhuError, /未知情节/);
    expect(() => penaltyAdvice({ ...q, amount: 'fifteen' })).to.throw(JiuzhuError, /金额无法识别/);
  });

  it('gives the same tier and fine range as the PEN-TIER and PEN-FINE audit of the same case', async () => {
    const cases = [
      { stage: 'application' as const, amount: 15000, circumstances: [] as string[] },
      { stage: 'application' as const, amount: 10000, circumstances: [] as string[] },
      { stage: 'in_receipt' as const, amount: 20000, circumstances: ['concealed_death'] },
      { stage: 'application' as const, amount: 12345.67, circumstances: ['public_funded_for_relative'] },
    ];
    for (const c of cases) {
      const advice = penaltyAdvice({ profile: 'hubei-xiantao', stage: c.stage, amount: String(c.amount), circumstances: c.circumstances, date: '2024-03-01', lang: 'zh' });
      // Record the case with a deliberately wrong tier and no fine: the audit must name the command's tier and range.
      const wrongTier = advice.assessment.tier === 'general' ? 'serious' : 'general';
      const loaded = await loadRecords({ fraud_cases: [fraudCase({ amount: c.amount, stage: c.stage, circumstances: c.circumstances, decision: { decided_on: '2024-03-01', tier: wrongTier, fine_amount: 0 } })] });
      try {
        const profile = loadProfile('hubei-xiantao');
        const tier = await penTier.evaluate(loaded.dataset, profile);
        const tierFinding = tier.findings.find((f) => f.fingerprint && (f.expected as any)?.tier);
        expect((tierFinding!.expected as any).tier).to.equal(advice.assessment.tier);
        const fine = await penFine.evaluate(loaded.dataset, profile);
        const r = advice.assessment.requirements!;
        if (r.fine) {
          expect(fine.findings).to.have.length(1);
          expect(fine.findings[0].expected).to.deep.equal({ fine_min_yuan: (r.fine.minFen / 100).toFixed(2), fine_max_yuan: (r.fine.maxFen / 100).toFixed(2) });
          expect(advice.text).to.contain(fine.findings[0].remedy!.zh.replace(/^罚款应在 (.*) 之间.*$/, '$1'));
        } else expect(fine.findings).to.have.length(0);
      } finally {
        loaded.dataset.close();
      }
    }
  });
});

describe('jiuzhu lint', () => {
  it('exits 0 on the shipped penalty profiles and 2 on an overlapping one', async () => {
    const write = process.stdout.write;
    let out = '';
    process.stdout.write = ((s: string) => ((out += s), true)) as typeof process.stdout.write;
    try {
      expect(lint(['hubei-xiantao', 'liaoning-tieling'])).to.equal(0);
      expect(lint([path.join(__dirname, '..', '..', '..', 'tests', 'fixtures', 'profiles', 'penalties-overlap.yaml')])).to.equal(2);
    } finally {
      process.stdout.write = write;
    }
    expect(out).to.contain('general [0, 10000]').and.contain('serious [10000, ∞)');
  });
});
