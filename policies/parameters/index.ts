// The registry of all parameters, one module per rule family.
import { ParameterSpec } from './define';
import { crosschecksParameters } from './crosschecks';
import { exemptionsParameters } from './exemptions';
import { noticeParameters } from './notices';
import { penaltiesParameters } from './penalties';
import { relativesParameters } from './relatives';
import { declaredParameters } from '../vocabulary/declared';

/** Every parameter with its own schema type kept, so a rule's parameter values are typed (policies/frame). */
export const PARAMETER_SPECS = {
  ...noticeParameters,
  ...relativesParameters,
  ...penaltiesParameters,
  ...exemptionsParameters,
  ...crosschecksParameters,
};

let every: Record<string, ParameterSpec> | undefined;
// Read on first use, not at import: the declared parameters come from parsing every feature file,
// which `jiuzhu --help` and commands that never look up a parameter should not pay for.
const all = () => (every ??= { ...declaredParameters(), ...PARAMETER_SPECS });

/** With the parameters vocabulary rules declare in their feature files (features/**: 参数 x 为期限,含义为“…”). */
export const PARAMETERS: Record<string, ParameterSpec> = new Proxy({} as Record<string, ParameterSpec>, {
  get: (_, key) => (typeof key === 'string' ? all()[key] : undefined),
  has: (_, key) => key in all(),
  ownKeys: () => Reflect.ownKeys(all()),
  getOwnPropertyDescriptor: (_, key) => Object.getOwnPropertyDescriptor(all(), key),
});
